package dev.fashionmnist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.text.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** parallelTrials: what is accepted, and the device and threads of each concurrent slot. */
class ParallelTrialsTest {

    @Test
    void aWholeNumberUpToTheTrainingsIsAccepted() {
        assertEquals(1, ParallelTrials.parse(null, 4).count(), "default: one at a time");
        assertEquals(1, ParallelTrials.parse("", 4).count());
        assertFalse(ParallelTrials.parse("1", 4).concurrent());
        assertEquals(2, ParallelTrials.parse(" 2 ", 4).count());
        assertTrue(ParallelTrials.parse("4", 4).concurrent());
        assertEquals(1, ParallelTrials.parse("1", 0).count(), "a shard with nothing to train still takes the default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two", "1.5", "5", "99999999999"})
    void anythingElseIsOneMessageNamingTheParameter(String bad) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ParallelTrials.parse(bad, 4));
        assertEquals("Parameter 'parallelTrials' is '" + bad + "': use a whole number from 1 to 4 (the trainings "
                + "this sweep runs), e.g. 2 to train two trials at a time: on the CPU each with its share of the "
                + "cores, on a machine with several GPUs one per GPU", e.getMessage());
    }

    private static List<String> devices(List<ParallelTrials.Slot> slots) {
        return slots.stream().map(ParallelTrials.Slot::deviceName).toList();
    }

    private static List<Integer> threads(List<ParallelTrials.Slot> slots) {
        return slots.stream().map(ParallelTrials.Slot::threads).toList();
    }

    @Test
    void onTheCpuTheCoresAreSplitBetweenTheSlots() {
        List<ParallelTrials.Slot> two = new ParallelTrials(2).slots(4, -1, false, 1, 2, 0);
        assertEquals(List.of("cpu", "cpu"), devices(two));
        assertEquals(List.of(1, 1), threads(two), "2 cores, 2 trials: one thread each");
        assertEquals(List.of(0, 1), two.stream().map(ParallelTrials.Slot::index).toList());
        assertEquals(List.of(5, 5, 5), threads(new ParallelTrials(3).slots(9, -1, false, 1, 16, 0)), "16 / 3");
        assertEquals(List.of(1, 1, 1, 1), threads(new ParallelTrials(4).slots(4, -1, false, 1, 2, 0)),
                "never below one thread");
        assertEquals(List.of(2, 2), threads(new ParallelTrials(2).slots(4, -1, false, 1, 2, 2)),
                "the user's threads win");
    }

    @Test
    void neverMoreSlotsThanTrainingsLeft() {
        List<ParallelTrials.Slot> slots = new ParallelTrials(4).slots(2, -1, false, 1, 8, 0);
        assertEquals(2, slots.size(), "two trials left to train (the others finished earlier)");
        assertEquals(List.of(4, 4), threads(slots), "the cores split between the slots that run");
        assertEquals(1, new ParallelTrials(2).slots(0, -1, false, 1, 2, 0).size());
    }

    @Test
    void onGpusEachSlotTakesTheGpuOfItsIndex() {
        assertEquals(List.of("gpu:0", "gpu:1", "gpu:2", "gpu:3"),
                devices(new ParallelTrials(4).slots(8, 0, false, 4, 32, 0)), "4 GPUs: one trial per GPU");
        assertEquals(List.of("gpu:0", "gpu:1", "gpu:0", "gpu:1"),
                devices(new ParallelTrials(4).slots(8, 0, false, 2, 32, 0)), "more trials than GPUs: they share");
        assertEquals(List.of("gpu:0", "gpu:0"), devices(new ParallelTrials(2).slots(8, 0, false, 1, 32, 0)),
                "one GPU: both trials on it");
        assertEquals(List.of("gpu:2", "gpu:2"), devices(new ParallelTrials(2).slots(8, 2, true, 4, 32, 0)),
                "device=gpu:2 names one GPU: every trial trains there");
        assertEquals(List.of(16, 16), threads(new ParallelTrials(2).slots(8, 0, false, 2, 32, 0)));
    }
}
