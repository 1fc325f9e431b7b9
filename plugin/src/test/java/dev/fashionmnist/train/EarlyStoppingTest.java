package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.results.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stopping on a hand-made test-loss curve, recorded epoch by epoch. */
class EarlyStoppingTest {
    /** Test losses of epochs 1..6: best at epoch 3, then no improvement for epochs 4, 5 and 6. */
    private static final double[] TEST_LOSS = {1.0, 0.8, 0.7, 0.75, 0.72, 0.9};

    private static List<EpochMetrics> epochs() {
        List<EpochMetrics> list = new ArrayList<>();
        for (int i = 0; i < TEST_LOSS.length; i++) {
            list.add(EpochMetrics.builder().epoch(i + 1).trainLoss(1.0 - 0.1 * i).trainAccuracy(0.5 + 0.05 * i)
                    .testLoss(TEST_LOSS[i]).testAccuracy(0.6).learningRate(0.001).epochSeconds(1)
                    .trainImagesPerSecond(100).build());
        }
        return list;
    }

    @Test
    void stopsExactlyAfterTheSecondEpochWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping(2);
        assertTrue(stopping.enabled());
        assertNull(stopping.best());
        assertFalse(stopping.shouldStop());
        List<Boolean> stopAfter = new ArrayList<>();
        List<Integer> sinceBest = new ArrayList<>();
        for (EpochMetrics e : epochs()) {
            stopping.record(e);
            stopAfter.add(stopping.shouldStop());
            sinceBest.add(stopping.epochsSinceBest());
        }
        assertEquals(List.of(false, false, false, false, true, true), stopAfter);
        assertEquals(List.of(0, 0, 0, 1, 2, 3), sinceBest);
        assertEquals(3, stopping.best().epoch());
        assertEquals(0.7, stopping.best().testLoss(), 0.0);
    }

    @Test
    void bestIsTheEpochWithTheLowestTestLossSoFar() {
        EarlyStopping stopping = new EarlyStopping(2);
        List<Integer> best = new ArrayList<>();
        for (EpochMetrics e : epochs()) {
            stopping.record(e);
            best.add(stopping.best().epoch());
        }
        assertEquals(List.of(1, 2, 3, 3, 3, 3), best);
    }

    @Test
    void recordIsTrueExactlyForNewBests() {
        EarlyStopping stopping = new EarlyStopping(2);
        List<Boolean> newBest = new ArrayList<>();
        for (EpochMetrics e : epochs()) {
            newBest.add(stopping.record(e));
        }
        assertEquals(List.of(true, true, true, false, false, false), newBest);
    }

    @Test
    void anEqualTestLossIsNotANewBest() {
        EarlyStopping stopping = new EarlyStopping(1);
        EpochMetrics first = EpochMetrics.builder().epoch(1).trainLoss(1).trainAccuracy(0.5).testLoss(0.5)
                .testAccuracy(0.5).learningRate(0.001).epochSeconds(1).trainImagesPerSecond(1).build();
        assertTrue(stopping.record(first));
        assertFalse(stopping.record(EpochMetrics.builder().epoch(2).trainLoss(0.9).trainAccuracy(0.6).testLoss(0.5)
                .testAccuracy(0.6).learningRate(0.001).epochSeconds(1).trainImagesPerSecond(1).build()));
        assertSame(first, stopping.best());
        assertTrue(stopping.shouldStop(), "patience 1: one epoch without a lower loss stops");
    }

    @Test
    void patienceZeroNeverStopsButTracksTheBest() {
        EarlyStopping stopping = new EarlyStopping(0);
        assertFalse(stopping.enabled());
        List<Boolean> newBest = new ArrayList<>();
        for (EpochMetrics e : epochs()) {
            newBest.add(stopping.record(e));
            assertFalse(stopping.shouldStop(), "patience 0 never stops, epoch " + e.epoch());
        }
        assertEquals(List.of(true, true, true, false, false, false), newBest);
        assertEquals(3, stopping.best().epoch());
        assertEquals(3, stopping.epochsSinceBest());
    }

    @Test
    void aNewBestResetsThePatience() {
        EarlyStopping stopping = new EarlyStopping(2);
        double[] losses = {1.0, 1.1, 0.9, 0.95, 0.8};
        for (int i = 0; i < losses.length; i++) {
            stopping.record(EpochMetrics.builder().epoch(i + 1).trainLoss(1).trainAccuracy(0.5).testLoss(losses[i])
                    .testAccuracy(0.5).learningRate(0.001).epochSeconds(1).trainImagesPerSecond(1).build());
            assertFalse(stopping.shouldStop(), "never two epochs in a row without improvement, epoch " + (i + 1));
        }
        assertEquals(5, stopping.best().epoch());
        assertEquals(0, stopping.epochsSinceBest());
    }
}
