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
import org.junit.jupiter.api.Test;

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

    @Test
    void emptyGridIsAnError() {
        assertSweepError(null, null, "empty");
        assertSweepError(Map.of(), "  ", "empty");
        assertSweepError(new LinkedHashMap<>(), ";", "empty");
    }

    @Test
    void unknownParameterListsTheSweepableNames() {
        assertSweepError(pom("dropout", "0.1,0.5"), null, "dropout", "hiddenSize", "learningRate", "augment");
        assertSweepError(null, "dropout=0.1", "dropout", String.join(", ", TrainParameters.NAMES));
    }

    @Test
    void commandLinePartWithoutEqualsIsAnError() {
        assertSweepError(null, "hiddenSize", "hiddenSize", "name=value");
        assertSweepError(null, "trainSize=100;hiddenSize", "'hiddenSize'");
        assertSweepError(null, "=2,8", "=2,8");
    }

    @Test
    void duplicateValueIsAnError() {
        assertSweepError(pom("hiddenSize", "2,8,2"), null, "hiddenSize=2", "twice");
        assertSweepError(null, "trainSize=100, 100", "trainSize=100", "twice");
    }

    @Test
    void noValuesIsAnError() {
        assertSweepError(pom("hiddenSize", ""), null, "no values", "hiddenSize");
        assertSweepError(pom("hiddenSize", " , "), null, "no values", "hiddenSize");
        assertSweepError(null, "epochs=", "no values", "epochs");
    }

    @Test
    void shardParses() {
        assertEquals(new SweepGrid.Shard(1, 2), SweepGrid.Shard.parse("1/2"));
        assertEquals(new SweepGrid.Shard(2, 2), SweepGrid.Shard.parse("2/2"));
        assertEquals(new SweepGrid.Shard(3, 4), SweepGrid.Shard.parse(" 3 / 4 "));
        assertEquals(new SweepGrid.Shard(1, 1), SweepGrid.Shard.parse(null));
        assertEquals(new SweepGrid.Shard(1, 1), SweepGrid.Shard.parse(""));
    }

    @Test
    void badShardsAreErrors() {
        for (String bad : List.of("0/2", "3/2", "x", "1-2", "1/0", "-1/2", "1/2/3", "a/b")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepGrid.Shard.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("'shard'"), e.getMessage());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
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
