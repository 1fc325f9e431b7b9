package dev.fashionmnist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sweep's plan on the configured parameters: a varied parameter that changes no trial is refused with the
 * architectures it applies to; identical trials (architecture varied too) are trained once and share the run.
 */
class SweepPlanTest {

    /** The configured parameters, as TrainMojo gives them: every one set, hiddenLayers empty. */
    private static TrainParameters base(String architecture, String hiddenLayers) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", architecture);
        m.put("hiddenSize", "128");
        m.put("hiddenLayers", hiddenLayers);
        m.put("resnetBlocks", "2,2,2");
        m.put("epochs", "3");
        m.put("trainSize", "0");
        return new TrainParameters(m);
    }

    private static ConfigurationException refused(String architecture, String hiddenLayers, String sweep) {
        return assertThrows(ConfigurationException.class,
                () -> SweepPlan.of(SweepGrid.parse(null, sweep), base(architecture, hiddenLayers)));
    }

    @Test
    void hiddenSizeOnAmelieCnnIsRefusedNamingTheArchitectureItAppliesTo() {
        ConfigurationException e = refused("amelie-cnn", "", "hiddenSize=2,8,32,128;trainSize=1000,10000");
        assertEquals("Parameter 'sweep' varies hiddenSize, which has no effect on amelie-cnn (the architecture of "
                + "these trials): hiddenSize applies to mlp only, so every trial would be the same training, and none "
                + "was run. Sweep hiddenSize together with architecture=mlp, or sweep what amelie-cnn uses, e.g. "
                + "trainSize or learningRate", e.getMessage());
        assertEquals("Parameter 'sweep' variiert hiddenSize, das auf amelie-cnn (die Architektur dieser Versuche) "
                + "nicht wirkt: hiddenSize gilt nur für mlp, also wäre jeder Versuch dasselbe Training, und keiner "
                + "wurde ausgeführt. Variiere hiddenSize zusammen mit architecture=mlp oder einen Parameter, den "
                + "amelie-cnn nutzt, z. B. trainSize oder learningRate", e.message().in(Language.GERMAN));
    }

    @Test
    void eachModelParameterIsRefusedWhereItDoesNotApply() {
        ConfigurationException blocks = refused("mlp", "", "resnetBlocks=1");
        assertTrue(blocks.getMessage().startsWith("Parameter 'sweep' varies resnetBlocks, which has no effect on mlp"),
                blocks.getMessage());
        assertTrue(blocks.getMessage().contains("resnetBlocks applies to resnet only"), blocks.getMessage());
        ConfigurationException layers = refused("net", "", "hiddenLayers=64;epochs=1,2");
        assertTrue(layers.getMessage().contains("varies hiddenLayers, which has no effect on net"),
                layers.getMessage());
        assertTrue(layers.getMessage().contains("hiddenLayers applies to mlp only"), layers.getMessage());
        ConfigurationException both = refused("mlp", "", "architecture=net,amelie-cnn;hiddenSize=2,8");
        assertTrue(both.getMessage().contains("no effect on net, amelie-cnn (the architectures of these trials): "
                + "hiddenSize applies to mlp only"), both.getMessage());
    }

    @Test
    void hiddenSizeUnderHiddenLayersIsRefusedNamingTheParameterThatWins() {
        ConfigurationException e = refused("mlp", "256,128", "hiddenSize=2,8");
        assertEquals("Parameter 'sweep' varies hiddenSize, which has no effect while hiddenLayers is set "
                + "(hiddenLayers wins over hiddenSize), so every trial would be the same training, and none was run: "
                + "sweep hiddenLayers instead, or leave hiddenLayers empty", e.getMessage());
        assertTrue(refused("mlp", "", "hiddenLayers=64,32;hiddenSize=2").getMessage()
                .contains("varies hiddenSize, which has no effect while hiddenLayers is set"));
    }

    @Test
    void aConfiguredValueOfAParameterWithoutEffectIsNoSweep() {
        // base hiddenSize 128 (the default) on amelie-cnn: only trainSize and epochs are swept
        SweepPlan plan = SweepPlan.of(SweepGrid.parse(null, "trainSize=1000,10000;epochs=1,3"),
                base("amelie-cnn", ""));
        assertEquals(4, plan.runs());
        assertNull(plan.identicalTrials());
        SweepGrid grid = SweepGrid.parse(null, "trainSize=1000,10000;epochs=1,3");
        assertEquals(grid.trials(), plan.trials(), "a grid whose trials all differ is planned as it is");
    }

    @Test
    void identicalTrialsRunOnceAndShareTheirRunsFolder() {
        SweepPlan plan = SweepPlan.of(SweepGrid.parse(null, "architecture=mlp,amelie-cnn;hiddenSize=32,128"),
                base("amelie-cnn", ""));
        List<SweepGrid.Trial> trials = plan.trials();
        assertEquals(List.of(1, 2, 3, 4), trials.stream().map(SweepGrid.Trial::number).toList());
        assertEquals(List.of(1, 2, 3, 3), trials.stream().map(SweepGrid.Trial::sameAs).toList());
        assertEquals(List.of(true, true, true, false), trials.stream().map(SweepGrid.Trial::runs).toList());
        assertEquals(List.of(1, 2, 3, 3), trials.stream().map(SweepGrid.Trial::run).toList());
        assertEquals(3, plan.runs());
        assertEquals(List.of("architecture-mlp_hiddenSize-32", "architecture-mlp_hiddenSize-128",
                "architecture-ameliecnn", "architecture-ameliecnn"),
                trials.stream().map(SweepGrid.Trial::id).toList());
        assertEquals(Map.of("architecture", "amelie-cnn", "hiddenSize", "128"), trials.get(3).values(),
                "the trial keeps the combination it stands for");
        assertEquals(List.of("hiddenSize"), trials.get(3).withoutEffect());
        assertEquals(Map.of("hiddenSize", List.of("amelie-cnn")), plan.withoutEffect());
        assertEquals("Identical trials run once: hiddenSize has no effect on amelie-cnn, so 3 of the 4 trials are "
                + "trained, and the others share the result of an identical one: trial 4 = trial 3",
                plan.identicalTrials().in(Language.ENGLISH));
        assertEquals("Gleiche Versuche laufen nur einmal: hiddenSize wirkt nicht auf amelie-cnn, daher werden 3 der "
                + "4 Versuche trainiert, und die übrigen teilen das Ergebnis eines gleichen: Versuch 4 = Versuch 3",
                plan.identicalTrials().in(Language.GERMAN));
    }

    @Test
    void severalParametersWithoutEffectAndManySharedTrials() {
        SweepPlan plan = SweepPlan.of(SweepGrid.parse(null,
                "architecture=net,mlp,resnet;hiddenSize=8,32;epochs=1,2"), base("mlp", ""));
        assertEquals(12, plan.trials().size());
        // net: 2 runs (epochs), mlp: 4, resnet: 2
        assertEquals(8, plan.runs());
        assertEquals(List.of(1, 2, 1, 2, 5, 6, 7, 8, 9, 10, 9, 10),
                plan.trials().stream().map(SweepGrid.Trial::sameAs).toList());
        assertEquals(Map.of("hiddenSize", List.of("net", "resnet")), plan.withoutEffect());
        assertTrue(plan.identicalTrials().in(Language.ENGLISH).contains("hiddenSize has no effect on net, resnet, "
                + "so 8 of the 12 trials are trained, and the others share the result of an identical one: "
                + "trial 3 = trial 1, trial 4 = trial 2, trial 11 = trial 9, trial 12 = trial 10"),
                plan.identicalTrials().in(Language.ENGLISH));
    }

    @Test
    void shardsSplitTheRunsAndKeepIdenticalTrialsTogether() {
        SweepPlan plan = SweepPlan.of(SweepGrid.parse(null, "architecture=amelie-cnn,mlp;hiddenSize=2,8,32,128"),
                base("mlp", ""));
        assertEquals(5, plan.runs(), "one amelie-cnn run, four mlp runs");
        List<SweepGrid.Shard> shards = List.of(SweepGrid.Shard.parse("1/2"), SweepGrid.Shard.parse("2/2"));
        List<Integer> runs = new ArrayList<>();
        List<Integer> trials = new ArrayList<>();
        for (SweepGrid.Shard shard : shards) {
            List<SweepGrid.Trial> share = plan.trials().stream().filter(shard::includes).toList();
            share.stream().filter(SweepGrid.Trial::runs).forEach(t -> runs.add(t.number()));
            share.forEach(t -> trials.add(t.number()));
            for (SweepGrid.Trial t : share) {
                SweepGrid.Trial original = plan.trials().get(t.sameAs() - 1);
                assertTrue(shard.includes(original), "trial " + t.number() + " is in the shard of its run");
            }
        }
        assertEquals(List.of(1, 6, 8, 5, 7), runs, "every run in exactly one shard, the runs dealt in turn");
        assertEquals(8, trials.size());
        assertEquals(8, trials.stream().distinct().count(), "every trial in exactly one shard");
    }
}
