package dev.fashionmnist.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the learning curves the way the notebook teaches a "trainer" to: over- and underfitting, divergence, and
 * learning too slowly, each with the evidence in numbers and the remedies. A healthy run yields no finding.
 */
public final class Diagnosis {
    /** Train-test accuracy gap above which a run counts as overfitting. */
    public static final double GAP = 0.10;
    /** Train accuracy below which a flat run counts as underfitting. */
    public static final double LOW_ACCURACY = 0.70;
    /** Mean relative fall of the train loss per epoch below which learning counts as slow. */
    public static final double SLOW_FALL = 0.03;

    private Diagnosis() {
    }

    /** What the curves show. */
    public enum Kind {
        OVERFITTING("overfitting", "more training data (trainSize), fewer epochs or early stopping "
                + "(earlyStoppingPatience), a smaller model, weight decay (weightDecay), augmentation (augment)"),
        UNDERFITTING("underfitting", "train longer (epochs), a larger model (hiddenSize, another architecture), "
                + "a higher learningRate, another optimizer (adam)"),
        DIVERGING("diverging", "lower the learningRate, e.g. by a factor of 10"),
        LEARNING_SLOWLY("learning too slowly", "a higher learningRate, momentum (e.g. 0.9 with sgd), or the adam "
                + "optimizer");

        private final String label;
        private final String remedies;

        Kind(String label, String remedies) {
            this.label = label;
            this.remedies = remedies;
        }

        public String label() {
            return label;
        }

        public String remedies() {
            return remedies;
        }
    }

    /** One diagnosis with its evidence. */
    public record Finding(Kind kind, String evidence) {
        public String message() {
            return kind.label() + ": " + evidence + ". Try: " + kind.remedies();
        }
    }

    /** The verdict in one word for tables: the first finding's label, or "healthy". */
    public static String verdict(List<Finding> findings) {
        return findings.isEmpty() ? "healthy" : findings.get(0).kind().label();
    }

    /** The findings over the rows made at an epoch's end (rows within an epoch are left out: the rules count epochs). */
    public static List<Finding> of(List<EpochMetrics> rows) {
        List<EpochMetrics> epochs = EpochMetrics.epochEnds(rows);
        List<Finding> findings = new ArrayList<>();
        if (epochs.isEmpty()) {
            return findings;
        }
        diverging(epochs).ifPresent(findings::add);
        if (!findings.isEmpty()) {
            return findings;
        }
        overfitting(epochs).ifPresent(findings::add);
        underfitting(epochs).ifPresent(findings::add);
        if (findings.stream().noneMatch(f -> f.kind() == Kind.UNDERFITTING)) {
            slow(epochs).ifPresent(findings::add);
        }
        return findings;
    }

    /** A NaN or infinite loss, or a train loss that has grown to more than twice its first value. */
    static java.util.Optional<Finding> diverging(List<EpochMetrics> rows) {
        List<EpochMetrics> epochs = EpochMetrics.epochEnds(rows);
        if (epochs.isEmpty()) {
            return java.util.Optional.empty();
        }
        double first = epochs.get(0).trainLoss();
        for (EpochMetrics e : epochs) {
            if (!Double.isFinite(e.trainLoss()) || !Double.isFinite(e.testLoss())) {
                return java.util.Optional.of(new Finding(Kind.DIVERGING, "the loss became "
                        + (Double.isFinite(e.trainLoss()) ? e.testLoss() : e.trainLoss()) + " in epoch " + e.epoch()));
            }
            if (Double.isFinite(first) && e.trainLoss() > 2 * first && e.epoch() > epochs.get(0).epoch()) {
                return java.util.Optional.of(new Finding(Kind.DIVERGING, String.format(Locale.ROOT,
                        "the train loss exploded from %.4f to %.4f by epoch %d", first, e.trainLoss(), e.epoch())));
            }
        }
        return java.util.Optional.empty();
    }

    static java.util.Optional<Finding> overfitting(List<EpochMetrics> epochs) {
        for (int i = 2; i < epochs.size(); i++) {
            EpochMetrics a = epochs.get(i - 2);
            EpochMetrics b = epochs.get(i - 1);
            EpochMetrics c = epochs.get(i);
            if (b.testLoss() > a.testLoss() && c.testLoss() > b.testLoss()
                    && b.trainLoss() < a.trainLoss() && c.trainLoss() < b.trainLoss()) {
                return java.util.Optional.of(new Finding(Kind.OVERFITTING, String.format(Locale.ROOT,
                        "the test loss rose from %.4f to %.4f in epochs %d-%d while the train loss fell from %.4f "
                                + "to %.4f", a.testLoss(), c.testLoss(), b.epoch(), c.epoch(), a.trainLoss(),
                        c.trainLoss())));
            }
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        double gap = last.trainAccuracy() - last.testAccuracy();
        if (gap > GAP) {
            return java.util.Optional.of(new Finding(Kind.OVERFITTING, String.format(Locale.ROOT,
                    "train accuracy %.2f%% is %.1f points above test accuracy %.2f%% (more than %.0f)",
                    100 * last.trainAccuracy(), 100 * gap, 100 * last.testAccuracy(), 100 * GAP)));
        }
        return java.util.Optional.empty();
    }

    /** Train accuracy low and flat over the last epochs. */
    static java.util.Optional<Finding> underfitting(List<EpochMetrics> epochs) {
        if (epochs.size() < 3) {
            return java.util.Optional.empty();
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        EpochMetrics before = epochs.get(epochs.size() - 3);
        double rise = last.trainAccuracy() - before.trainAccuracy();
        if (last.trainAccuracy() < LOW_ACCURACY && rise < 0.01) {
            return java.util.Optional.of(new Finding(Kind.UNDERFITTING, String.format(Locale.ROOT,
                    "train accuracy is only %.2f%% and rose %.2f points over the last two epochs",
                    100 * last.trainAccuracy(), 100 * rise)));
        }
        return java.util.Optional.empty();
    }

    /** The train loss barely moves from epoch to epoch while it is still high. */
    static java.util.Optional<Finding> slow(List<EpochMetrics> epochs) {
        if (epochs.size() < 2) {
            return java.util.Optional.empty();
        }
        double sum = 0;
        for (int i = 1; i < epochs.size(); i++) {
            double prev = epochs.get(i - 1).trainLoss();
            sum += (prev - epochs.get(i).trainLoss()) / prev;
        }
        double meanFall = sum / (epochs.size() - 1);
        EpochMetrics last = epochs.get(epochs.size() - 1);
        if (meanFall < SLOW_FALL && last.trainLoss() > 1.0) {
            return java.util.Optional.of(new Finding(Kind.LEARNING_SLOWLY, String.format(Locale.ROOT,
                    "the train loss fell only %.1f%% per epoch on average and is still %.4f",
                    100 * meanFall, last.trainLoss())));
        }
        return java.util.Optional.empty();
    }
}
