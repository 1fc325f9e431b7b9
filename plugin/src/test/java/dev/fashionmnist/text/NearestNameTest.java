package dev.fashionmnist.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NearestNameTest {
    private static final List<String> NAMES = List.of("epochs", "seed", "architecture", "learningRate", "minAccuracy",
            "minClassAccuracy", "force", "resume");

    @ParameterizedTest(name = "''{0}'' to ''{1}'': {2}")
    @CsvSource({"epochs, epochs, 0", "epoch, epochs, 1", "epochss, epochs, 1", "epocks, epochs, 1",
        "apochz, epochs, 2", "kitten, sitting, 3", "'', epochs, 6",
        "learningrate, learningRate, 0"}) // letter case does not count
    void editDistanceCountsInsertsDeletesAndReplacements(String from, String to, int distance) {
        assertEquals(distance, NearestName.distance(from, to));
    }

    @ParameterizedTest(name = "''{0}'' means {1}")
    @CsvSource({"epoch, epochs", "archtecture, architecture", "learningrate, learningRate", "minAcuracy, minAccuracy",
        "sed, seed"})
    void aCloseTypoFindsTheNameMeant(String typo, String meant) {
        assertEquals(Optional.of(meant), NearestName.among(typo, NAMES));
    }

    @ParameterizedTest(name = "''{0}'' means {1}")
    @CsvSource({"minClasAccuracy, minClassAccuracy", "minAccurcy, minAccuracy"})
    void theNearestOfSeveralCloseNamesWins(String typo, String meant) {
        assertEquals(Optional.of(meant), NearestName.among(typo, NAMES));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"foo", "colour", ""})
    void nothingCloseSuggestsNothing(String name) {
        assertEquals(Optional.empty(), NearestName.among(name, NAMES));
    }

    @Test
    void noNamesSuggestNothing() {
        assertEquals(Optional.empty(), NearestName.among("epochs", List.of()));
    }
}
