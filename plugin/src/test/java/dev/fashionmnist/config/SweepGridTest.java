package dev.fashionmnist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.text.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sweep grid from the POM map and the command line, its trial order and ids, and CI shards. */
class SweepGridTest {

    private static Map<String, String> pom(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static void assertSweepError(Map<String, String> pom, String commandLine, String... parts) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepGrid.parse(pom, commandLine));
        assertTrue(e.getMessage().contains("'sweep'"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }

    @Test
    void pomMapGivesTrialsWithTheFirstParameterChangingSlowest() {
        SweepGrid grid = SweepGrid.parse(pom("hiddenSize", "2,8,32", "trainSize", "1000,10000"), null);
        assertEquals(List.of("hiddenSize", "trainSize"), grid.names());
        List<SweepGrid.Trial> trials = grid.trials();
        assertEquals(6, trials.size());
        String[][] expected = {{"2", "1000"}, {"2", "10000"}, {"8", "1000"}, {"8", "10000"}, {"32", "1000"},
                {"32", "10000"}};
        for (int t = 0; t < 6; t++) {
            SweepGrid.Trial trial = trials.get(t);
            assertEquals(t + 1, trial.number(), "trials are numbered from 1");
            assertEquals(List.of("hiddenSize", "trainSize"), new ArrayList<>(trial.values().keySet()),
                    "values keep the grid's parameter order");
            assertEquals(expected[t][0], trial.values().get("hiddenSize"), "trial " + t);
            assertEquals(expected[t][1], trial.values().get("trainSize"), "trial " + t);
        }
        assertEquals("hiddenSize-2_trainSize-1000", trials.get(0).id());
        assertEquals("hiddenSize-8_trainSize-10000", trials.get(3).id());
        assertEquals("hiddenSize-32_trainSize-10000", trials.get(5).id());
    }

    @Test
    void valuesAreTrimmedAndBlankEntriesIgnored() {
        SweepGrid grid = SweepGrid.parse(pom(" hiddenSize ", " 2 , 8,, "), null);
        assertEquals(List.of("hiddenSize"), grid.names());
        assertEquals(List.of("2", "8"), grid.axes().get("hiddenSize"));
    }

    @Test
    void idKeepsOnlyLettersDigitsAndDots() {
        SweepGrid grid = SweepGrid.parse(null, "learningRate=0.001;hiddenLayers=128 64");
        assertEquals("learningRate-0.001_hiddenLayers-12864", grid.trials().get(0).id());
    }

    @Test
    void commandLineForm() {
        SweepGrid grid = SweepGrid.parse(null, "hiddenSize=2,8;trainSize=1000");
        assertEquals(List.of("hiddenSize", "trainSize"), grid.names());
        List<SweepGrid.Trial> trials = grid.trials();
        assertEquals(2, trials.size());
        assertEquals(Map.of("hiddenSize", "2", "trainSize", "1000"), trials.get(0).values());
        assertEquals(Map.of("hiddenSize", "8", "trainSize", "1000"), trials.get(1).values());
        assertEquals("hiddenSize-8_trainSize-1000", trials.get(1).id());
    }

    @Test
    void commandLineWinsOverThePomForTheSameParameter() {
        SweepGrid grid = SweepGrid.parse(pom("hiddenSize", "2,8,32", "epochs", "1,2"), "hiddenSize=64;trainSize=500");
        assertEquals(List.of("64"), grid.axes().get("hiddenSize"));
        assertEquals(List.of("1", "2"), grid.axes().get("epochs"), "a POM parameter not on the command line stays");
        assertEquals(List.of("500"), grid.axes().get("trainSize"));
        assertEquals(2, grid.trials().size());
        assertTrue(grid.trials().stream().allMatch(t -> t.values().get("hiddenSize").equals("64")));
    }

    /** A row of bad grids: what is wrong, the POM map and the command line, and the parts of the message. */
    private static Arguments badGrid(String wrong, Map<String, String> pom, String commandLine, String... parts) {
        return Arguments.of(Named.of(wrong, pom), commandLine, List.of(parts));
    }

    static Stream<Arguments> badGrids() {
        return Stream.of(
                badGrid("empty", null, null, "empty"),
                badGrid("empty", Map.of(), "  ", "empty"),
                badGrid("empty", new LinkedHashMap<>(), ";", "empty"),
                badGrid("an unknown parameter", pom("dropout", "0.1,0.5"), null, "dropout", "hiddenSize",
                        "learningRate", "augment"),
                badGrid("an unknown parameter", null, "dropout=0.1", "dropout",
                        String.join(", ", TrainParameters.NAMES)),
                badGrid("a command line part without =", null, "hiddenSize", "hiddenSize", "name=value"),
                badGrid("a command line part without =", null, "trainSize=100;hiddenSize", "'hiddenSize'"),
                badGrid("a command line part without =", null, "=2,8", "=2,8"),
                badGrid("a value twice", pom("hiddenSize", "2,8,2"), null, "hiddenSize=2", "twice"),
                badGrid("a value twice", null, "trainSize=100, 100", "trainSize=100", "twice"),
                badGrid("no values", pom("hiddenSize", ""), null, "no values", "hiddenSize"),
                badGrid("no values", pom("hiddenSize", " , "), null, "no values", "hiddenSize"),
                badGrid("no values", null, "epochs=", "no values", "epochs"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badGrids")
    void badGridsAreErrors(Map<String, String> pom, String commandLine, List<String> parts) {
        assertSweepError(pom, commandLine, parts.toArray(String[]::new));
    }

    @ParameterizedTest(name = "''{0}'' is {1}/{2}")
    @CsvSource({"1/2, 1, 2", "2/2, 2, 2", "' 3 / 4 ', 3, 4", ", 1, 1", "'', 1, 1"})
    void shardParses(String text, int index, int count) {
        assertEquals(new SweepGrid.Shard(index, count), SweepGrid.Shard.parse(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0/2", "3/2", "x", "1-2", "1/0", "-1/2", "1/2/3", "a/b"})
    void badShardsAreErrors(String bad) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepGrid.Shard.parse(bad), bad);
        assertTrue(e.getMessage().contains("'shard'"), e.getMessage());
        assertTrue(e.getMessage().contains(bad), e.getMessage());
    }

    @Test
    void theWholeShardSetCoversEveryTrialExactlyOnce() {
        SweepGrid grid = SweepGrid.parse(null, "hiddenSize=1,2,3,4,5,6,7");
        List<SweepGrid.Trial> trials = grid.trials();
        assertEquals(7, trials.size());
        List<SweepGrid.Shard> shards = List.of(SweepGrid.Shard.parse("1/3"), SweepGrid.Shard.parse("2/3"),
                SweepGrid.Shard.parse("3/3"));
        int[] counts = new int[7];
        for (SweepGrid.Shard shard : shards) {
            List<Integer> mine = trials.stream().filter(shard::includes).map(SweepGrid.Trial::number).toList();
            assertFalse(mine.isEmpty(), "shard " + shard + " gets work");
            mine.forEach(n -> counts[n - 1]++);
        }
        for (int t = 0; t < 7; t++) {
            assertEquals(1, counts[t], "trial " + (t + 1) + " runs in exactly one shard");
        }
        assertEquals(List.of(1, 4, 7),
                trials.stream().filter(shards.get(0)::includes).map(SweepGrid.Trial::number).toList());
        SweepGrid.Shard whole = SweepGrid.Shard.parse(null);
        assertTrue(trials.stream().allMatch(whole::includes));
    }
}
