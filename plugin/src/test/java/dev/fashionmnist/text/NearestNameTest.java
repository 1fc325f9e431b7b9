package dev.fashionmnist.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {
    private static final List<String> NAMES = List.of("epochs", "seed", "architecture", "learningRate", "minAccuracy",
            "minClassAccuracy", "force", "resume");

    @Test
    void editDistanceCountsInsertsDeletesAndReplacements() {
        assertEquals(0, NearestName.distance("epochs", "epochs"));
        assertEquals(1, NearestName.distance("epoch", "epochs"));
        assertEquals(1, NearestName.distance("epochss", "epochs"));
        assertEquals(1, NearestName.distance("epocks", "epochs"));
        assertEquals(2, NearestName.distance("apochz", "epochs"));
        assertEquals(3, NearestName.distance("kitten", "sitting"));
        assertEquals(6, NearestName.distance("", "epochs"));
        assertEquals(0, NearestName.distance("learningrate", "learningRate"), "letter case does not count");
    }

    @Test
    void aCloseTypoFindsTheNameMeant() {
        assertEquals(Optional.of("epochs"), NearestName.among("epoch", NAMES));
        assertEquals(Optional.of("architecture"), NearestName.among("archtecture", NAMES));
        assertEquals(Optional.of("learningRate"), NearestName.among("learningrate", NAMES));
        assertEquals(Optional.of("minAccuracy"), NearestName.among("minAcuracy", NAMES));
        assertEquals(Optional.of("seed"), NearestName.among("sed", NAMES));
    }

    @Test
    void theNearestOfSeveralCloseNamesWins() {
        assertEquals(Optional.of("minClassAccuracy"), NearestName.among("minClasAccuracy", NAMES));
        assertEquals(Optional.of("minAccuracy"), NearestName.among("minAccurcy", NAMES));
    }

    @Test
    void nothingCloseSuggestsNothing() {
        assertEquals(Optional.empty(), NearestName.among("foo", NAMES));
        assertEquals(Optional.empty(), NearestName.among("colour", NAMES));
        assertEquals(Optional.empty(), NearestName.among("", NAMES));
        assertEquals(Optional.empty(), NearestName.among("epochs", List.of()));
    }
}
