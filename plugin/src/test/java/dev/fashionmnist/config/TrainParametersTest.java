package dev.fashionmnist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.network.Architecture;
import dev.fashionmnist.text.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Training parameters by name: copies with one value changed, and parsing into validated settings. */
class TrainParametersTest {

    private static Map<String, String> base() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", "mlp");
        m.put("hiddenSize", "128");
        m.put("epochs", "3");
        m.put("batchSize", "64");
        m.put("optimizer", "sgd");
        m.put("learningRate", "0.01");
        m.put("momentum", "0.9");
        m.put("nesterov", "true");
        m.put("weightDecay", "0.0005");
        m.put("lrSchedule", "constant");
        m.put("trainSize", "1000");
        m.put("trainSubset", "first");
        m.put("seed", "42");
        m.put("earlyStoppingPatience", "2");
        m.put("augment", "TRUE");
        return m;
    }

    private static TrainSettings settings(TrainParameters p) {
        return p.settings(28, 28, 10, "cpu", 2, false);
    }

    @Test
    void settingsGiveBackTheParametersThatMakeThem() {
        for (String arch : List.of("mlp", "resnet", "amelie-cnn")) {
            Map<String, String> m = base();
            m.put("architecture", arch);
            m.put("hiddenLayers", "256,64");
            m.put("resnetBlocks", "1,2,1");
            TrainSettings s = settings(new TrainParameters(m));
            Map<String, String> back = s.parameters();
            assertEquals("cpu", back.get("device"));
            assertEquals("first", back.get("trainSubset"));
            assertEquals("true", back.get("augment"), "normalised as parsed");
            assertEquals(arch.equals("mlp") ? "256,64" : null, back.get("hiddenLayers"));
            assertEquals(arch.equals("resnet") ? "1,2,1" : null, back.get("resnetBlocks"));
            assertEquals(s, settings(new TrainParameters(back)), arch + ": the same settings again");
            assertEquals(null, back.get("targetAccuracy"), "no target");
            TrainSettings targeted = settings(new TrainParameters(m).with("targetAccuracy", "90%")
                    .with("evaluationsPerEpoch", "4").with("labelSmoothing", "0.1"));
            assertEquals(targeted, settings(new TrainParameters(targeted.parameters())), arch + ": with a target");
            assertEquals("0.9", targeted.parameters().get("targetAccuracy"));
            List<String> order = TrainParameters.NAMES.stream().filter(back::containsKey).toList();
            assertEquals(order, back.keySet().stream().filter(k -> !k.equals("device")).toList());
        }
    }

    private static void assertBad(String name, String value) {
        TrainParameters p = new TrainParameters(base()).with(name, value);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(p), name + "=" + value);
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void withReplacesOneValueAndLeavesTheOriginalUnchanged() {
        TrainParameters original = new TrainParameters(base());
        TrainParameters copy = original.with("hiddenSize", "32");
        assertEquals("32", copy.get("hiddenSize"));
        assertEquals("128", original.get("hiddenSize"));
        assertEquals("3", copy.get("epochs"), "the other values are copied");
        TrainParameters added = original.with("resnetBlocks", "1,1,1");
        assertEquals("1,1,1", added.get("resnetBlocks"));
        assertEquals(null, original.get("resnetBlocks"));
    }

    @Test
    void constructorCopiesTheMap() {
        Map<String, String> values = base();
        TrainParameters p = new TrainParameters(values);
        values.put("hiddenSize", "7");
        assertEquals("128", p.get("hiddenSize"));
    }

    @Test
    void withAnUnknownNameIsAnError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new TrainParameters(base()).with("dropout", "0.5"));
        assertTrue(e.getMessage().contains("dropout") && e.getMessage().contains("hiddenSize"), e.getMessage());
    }

    @Test
    void settingsParsesNumbersAndBooleans() {
        TrainSettings s = settings(new TrainParameters(base()));
        assertEquals(Architecture.MLP, s.model().architecture());
        assertEquals(List.of(128), s.model().hiddenLayers());
        assertEquals(3, s.epochs());
        assertEquals(64, s.batchSize());
        assertEquals(OptimizerKind.SGD, s.optimizer());
        assertEquals(0.01, s.learningRate(), 0.0);
        assertEquals(0.9, s.momentum(), 0.0);
        assertTrue(s.nesterov());
        assertEquals(0.0005, s.weightDecay(), 0.0);
        assertEquals(1000, s.trainSize());
        assertFalse(s.stratified(), "trainSubset=first");
        assertEquals(42L, s.seed());
        assertEquals(2, s.earlyStoppingPatience());
        assertTrue(s.augment(), "TRUE in any case is true");
        assertEquals("cpu", s.device());
        assertEquals(2, s.threads());
        assertFalse(s.resume());

        TrainSettings other = settings(new TrainParameters(base()).with("hiddenSize", " 16 ").with("nesterov", "false")
                .with("augment", "false").with("trainSubset", "Stratified"));
        assertFalse(other.nesterov());
        assertFalse(other.augment());
        assertTrue(other.stratified());
        assertEquals(List.of(16), other.model().hiddenLayers());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"epochs, abc", "augment, maybe", "learningRate, fast", "hiddenSize, 1.5", "nesterov, yes",
        "trainSubset, random"})
    void badValuesNameTheParameter(String name, String value) {
        assertBad(name, value);
    }

    @Test
    void settingsStillValidates() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> settings(new TrainParameters(base()).with("epochs", "0")));
        assertTrue(e.getMessage().contains("'epochs'"), e.getMessage());
    }

    /** auto: 4 checks per epoch with a target (at most one per batch of a subset), else 1; never in the fingerprint. */
    @Test
    void evaluationsPerEpochAutoChecksWithinEpochsOnlyForATarget() {
        TrainParameters auto = new TrainParameters(base()).with("evaluationsPerEpoch", "auto");
        assertEquals(1, settings(auto).evaluationsPerEpoch(), "no target: one check per epoch");
        assertEquals(TrainParameters.CHECKS_WITH_TARGET,
                settings(auto.with("targetAccuracy", "90%")).evaluationsPerEpoch(), "a target: checks within epochs");
        assertEquals(2, settings(auto.with("targetAccuracy", "90%").with("trainSize", "100")).evaluationsPerEpoch(),
                "100 images in batches of 64 are 2 batches: at most 2 checks");
        assertEquals(settings(new TrainParameters(base()).with("evaluationsPerEpoch", "1")).parameters(),
                settings(auto).parameters(), "auto without a target is the same configuration as 1");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> settings(new TrainParameters(base()).with("evaluationsPerEpoch", "often")));
        assertTrue(e.getMessage().contains("'evaluationsPerEpoch'"), e.getMessage());
    }

    @Test
    void targetEvaluationsAndSmoothingByName() {
        TrainSettings none = settings(new TrainParameters(base()));
        assertEquals(null, none.targetAccuracy(), "no target unless given");
        assertEquals(1, none.evaluationsPerEpoch(), "one evaluation per epoch unless given");
        assertEquals(0.0, none.labelSmoothing(), 0.0);
        TrainParameters p = new TrainParameters(base()).with("targetAccuracy", "90%").with("evaluationsPerEpoch", "4")
                .with("labelSmoothing", "0.1").with("lrSchedule", "onecycle");
        TrainSettings s = settings(p);
        assertEquals(0.9, s.targetAccuracy(), 1e-12);
        assertEquals(4, s.evaluationsPerEpoch());
        assertEquals(0.1, s.labelSmoothing(), 0.0);
        assertEquals(LrSchedule.ONECYCLE, s.lrSchedule());
        assertEquals(0.875, settings(p.with("targetAccuracy", " 0.875 ")).targetAccuracy(), 0.0);
        assertEquals(null, settings(p.with("targetAccuracy", "")).targetAccuracy());
        assertTrue(TrainParameters.NAMES.containsAll(List.of("targetAccuracy", "evaluationsPerEpoch",
                "labelSmoothing", "lrSchedule", "weightAverage")), "a sweep may vary them");
    }

    @Test
    void weightAverageIsOnOrOff() {
        assertEquals(null, settings(new TrainParameters(base())).weightAverage(), "off unless given");
        TrainSettings on = settings(new TrainParameters(base()).with("weightAverage", " TRUE "));
        assertEquals(TrainSettings.WEIGHT_AVERAGE_DECAY, on.weightAverage(), 0.0);
        assertEquals("true", on.parameters().get("weightAverage"));
        assertEquals(on, settings(new TrainParameters(on.parameters())), "the same settings again");
        TrainSettings off = settings(new TrainParameters(base()).with("weightAverage", "false"));
        assertEquals(null, off.weightAverage());
        assertEquals("false", off.parameters().get("weightAverage"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"targetAccuracy, ninety", "targetAccuracy, 120%", "targetAccuracy, 0%", "targetAccuracy, -0.5",
        "evaluationsPerEpoch, 0", "evaluationsPerEpoch, -1", "evaluationsPerEpoch, two",
        "evaluationsPerEpoch, 17", // 1000 images in batches of 64: 16 batches
        "labelSmoothing, 1", "labelSmoothing, -0.2", "lrSchedule, triangle", "weightAverage, 0.998",
        "weightAverage, yes"})
    void badTargetEvaluationsAndSmoothing(String name, String value) {
        assertBad(name, value);
    }
}
