package dev.fashionmnist.config;

import dev.fashionmnist.quality.GateThreshold;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training parameters as the user wrote them, by name, so that a sweep can vary any of them; {@link #settings}
 * parses and validates them into {@link TrainSettings}, each fault naming the parameter.
 */
public final class TrainParameters {
    /** The value of {@code evaluationsPerEpoch} that lets the plugin choose (the default). */
    public static final String AUTO = "auto";
    /**
     * Checks per epoch that {@value #AUTO} takes with an accuracy target: a target reached within an epoch stops
     * there, and the checks within the epoch cost a pass over a test sample each (measured with
     * bench/time-to-target.sh: 90% after 1.25 epochs instead of 2 for a seed that ends epoch 1 at 89.98%).
     */
    public static final int CHECKS_WITH_TARGET = 4;

    /** The parameters a sweep may vary. */
    public static final List<String> NAMES = List.of("architecture", "hiddenSize", "hiddenLayers", "resnetBlocks",
            "epochs", "batchSize", "optimizer", "learningRate", "momentum", "nesterov", "weightDecay", "lrSchedule",
            "trainSize", "trainSubset", "seed", "earlyStoppingPatience", "augment", "targetAccuracy",
            "evaluationsPerEpoch", "labelSmoothing", "weightAverage");

    private final Map<String, String> values;

    public TrainParameters(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public String get(String name) {
        return values.get(name);
    }

    /** A copy with {@code name} set to {@code value}. */
    public TrainParameters with(String name, String value) {
        if (!NAMES.contains(name)) {
            throw new ConfigurationException(Messages.of("train.sweep.notAParameter", name, String.join(", ", NAMES)));
        }
        TrainParameters copy = new TrainParameters(values);
        copy.values.put(name, value);
        return copy;
    }

    public TrainSettings settings(int rows, int columns, int classes, String device, int threads, boolean resume) {
        String hiddenLayers = values.get("hiddenLayers");
        ModelSpec spec = ModelSpec.of(values.get("architecture"), integer("hiddenSize"),
                hiddenLayers == null || hiddenLayers.isBlank() ? null : hiddenLayers, values.get("resnetBlocks"),
                rows, columns, classes);
        String subset = values.getOrDefault("trainSubset", "stratified").trim().toLowerCase(Locale.ROOT);
        if (!subset.equals("stratified") && !subset.equals("first")) {
            throw new ConfigurationException(Messages.of("train.settings.trainSubset", values.get("trainSubset")));
        }
        return TrainSettings.builder().model(spec).epochs(integer("epochs")).batchSize(integer("batchSize"))
                .optimizer(OptimizerKind.parse(values.get("optimizer"))).learningRate(number("learningRate"))
                .momentum(number("momentum")).nesterov(bool("nesterov")).weightDecay(number("weightDecay"))
                .lrSchedule(LrSchedule.parse(values.get("lrSchedule"))).trainSize(integer("trainSize"))
                .stratified(subset.equals("stratified")).seed(integer("seed")).device(device).threads(threads)
                .resume(resume).earlyStoppingPatience(integer("earlyStoppingPatience")).augment(bool("augment"))
                .targetAccuracy(targetAccuracy()).evaluationsPerEpoch(evaluationsPerEpoch())
                .labelSmoothing(number("labelSmoothing"))
                .weightAverage(bool("weightAverage") ? TrainSettings.WEIGHT_AVERAGE_DECAY : null).build();
    }

    /** The target as a fraction ({@code 0.90} or {@code 90%}, as a gate's threshold is written); null when empty. */
    private Double targetAccuracy() {
        Double target = GateThreshold.parse(values.get("targetAccuracy"), "targetAccuracy", false);
        if (target != null && target == 0) {
            throw TrainSettings.badTargetAccuracy(values.get("targetAccuracy"));
        }
        return target;
    }

    /**
     * {@code evaluationsPerEpoch}: a whole number, or {@value #AUTO} (the default): {@value #CHECKS_WITH_TARGET} with
     * a {@code targetAccuracy} (at most one per batch of a {@code trainSize} subset), so that a target reached within
     * an epoch stops there, else 1.
     */
    private int evaluationsPerEpoch() {
        if (AUTO.equals(values.getOrDefault("evaluationsPerEpoch", "").trim())) {
            if (targetAccuracy() == null) {
                return 1;
            }
            int trainSize = integer("trainSize");
            int batchSize = Math.max(1, integer("batchSize"));
            return trainSize > 0 ? Math.max(1, Math.min(CHECKS_WITH_TARGET, (trainSize + batchSize - 1) / batchSize))
                    : CHECKS_WITH_TARGET;
        }
        int n = values.containsKey("evaluationsPerEpoch") ? integer("evaluationsPerEpoch") : 1;
        if (n < 1) {
            throw TrainSettings.badEvaluationsPerEpoch(n);
        }
        return n;
    }

    private int integer(String name) {
        String v = values.getOrDefault(name, "0").trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(Messages.of("train.settings.notWhole", name, v));
        }
    }

    private double number(String name) {
        String v = values.getOrDefault(name, "0").trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(Messages.of("train.settings.notANumber", name, v));
        }
    }

    private boolean bool(String name) {
        String v = values.getOrDefault(name, "false").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigurationException(Messages.of("train.settings.notABoolean", name, v));
        }
        return v.equals("true");
    }
}
