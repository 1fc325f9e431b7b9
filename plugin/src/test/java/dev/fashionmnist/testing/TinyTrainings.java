package dev.fashionmnist.testing;

import dev.fashionmnist.config.TrainParameters;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of the small, quick trainings that sweep tests and benchmarks run, as a POM would set them. */
public final class TinyTrainings {
    private TinyTrainings() {
    }

    /** An mlp with one hidden layer of {@code hiddenSize}, adam 0.001, batch 32, seed 7, no smoothing, augmenting or
     * weight average. */
    public static TrainParameters mlp(int hiddenSize, int trainSize, int epochs) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("architecture", "mlp");
        m.put("hiddenSize", String.valueOf(hiddenSize));
        m.put("hiddenLayers", "");
        m.put("resnetBlocks", "2,2,2");
        m.put("epochs", String.valueOf(epochs));
        m.put("batchSize", "32");
        m.put("optimizer", "adam");
        m.put("learningRate", "0.001");
        m.put("momentum", "0.9");
        m.put("nesterov", "false");
        m.put("weightDecay", "0");
        m.put("lrSchedule", "constant");
        m.put("trainSize", String.valueOf(trainSize));
        m.put("trainSubset", "stratified");
        m.put("seed", "7");
        m.put("earlyStoppingPatience", "0");
        m.put("augment", "false");
        m.put("targetAccuracy", "");
        m.put("evaluationsPerEpoch", "1");
        m.put("labelSmoothing", "0");
        m.put("weightAverage", "false");
        return new TrainParameters(m);
    }
}
