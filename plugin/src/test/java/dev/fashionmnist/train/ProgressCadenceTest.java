package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cadence on a fake clock: each batch advances it by a chosen step. */
class ProgressCadenceTest {
    private long now;

    /** The percentages of an epoch of {@code batches} batches, each {@code batchNanos} long, at which a line is due. */
    private List<Integer> dueAt(ProgressCadence cadence, int epoch, int batches, long batchNanos) {
        List<Integer> due = new ArrayList<>();
        for (int b = 1; b <= batches; b++) {
            now += batchNanos;
            if (cadence.due(epoch, b, batches)) {
                due.add(100 * b / batches);
            }
        }
        return due;
    }

    @Test
    void logLinesAtQuartersOfASlowEpoch() {
        ProgressCadence cadence = ProgressCadence.logLines(() -> now);
        // 100 batches of 2 s: 200 s per epoch, a quarter takes 50 s
        assertEquals(List.of(25, 50, 75), dueAt(cadence, 1, 100, 2_000_000_000L));
        assertEquals(List.of(25, 50, 75), dueAt(cadence, 2, 100, 2_000_000_000L), "again in the next epoch");
    }

    @Test
    void never30SecondsApartOrLess() {
        ProgressCadence cadence = ProgressCadence.logLines(() -> now);
        // 80 s per epoch, 20 s per quarter: 25% comes after 20 s (too soon), 50% after 40 s, 75% 20 s later (too soon)
        assertEquals(List.of(50), dueAt(cadence, 1, 40, 2_000_000_000L));
    }

    @Test
    void noLinesInAFastEpoch() {
        ProgressCadence cadence = ProgressCadence.logLines(() -> now);
        // 10 s per epoch: the epoch's own summary line is enough
        assertEquals(List.of(), dueAt(cadence, 1, 1000, 10_000_000L));
        assertEquals(List.of(), dueAt(cadence, 2, 1, 10_000_000_000L), "one batch: no quarter in between");
    }

    @Test
    void aLongStallShowsAtTheNextQuarterOnly() {
        ProgressCadence cadence = ProgressCadence.logLines(() -> now);
        List<Integer> due = new ArrayList<>();
        for (int b = 1; b <= 100; b++) {
            now += b == 10 ? 300_000_000_000L : 1_000_000L; // batch 10 takes 5 minutes, the rest 1 ms
            if (cadence.due(1, b, 100)) {
                due.add(b);
            }
        }
        assertEquals(List.of(25), due, "the stall is long past 30 s, but lines come at quarters only");
    }

    @Test
    void barEvery200MillisecondsAndAtAnEpochsEnds() {
        ProgressCadence cadence = ProgressCadence.bar(() -> now);
        // 50 ms per batch: the first batch, then every fourth, and the last
        List<Integer> due = new ArrayList<>();
        for (int b = 1; b <= 10; b++) {
            now += 50_000_000L;
            if (cadence.due(1, b, 10)) {
                due.add(b);
            }
        }
        assertEquals(List.of(1, 5, 9, 10), due);
        now += 50_000_000L;
        assertEquals(true, cadence.due(2, 1, 10), "a new epoch shows at once");
    }
}
