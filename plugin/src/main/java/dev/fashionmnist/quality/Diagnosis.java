package dev.fashionmnist.quality;

import static dev.fashionmnist.text.Numbers.rounded;

import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.List;

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
        OVERFITTING(Messages.of("diagnosis.overfitting.label"), Messages.of("diagnosis.overfitting.remedies")),
        UNDERFITTING(Messages.of("diagnosis.underfitting.label"), Messages.of("diagnosis.underfitting.remedies")),
        DIVERGING(Messages.of("diagnosis.diverging.label"), Messages.of("diagnosis.diverging.remedies")),
        LEARNING_SLOWLY(Messages.of("diagnosis.slow.label"), Messages.of("diagnosis.slow.remedies"));

        private final Message label;
        private final Message remedies;

        Kind(Message label, Message remedies) {
            this.label = label;
            this.remedies = remedies;
        }

        /** The English label, as metrics tables and JSON keep it. */
        public String label() {
            return label.toString();
        }

        /** The English remedies. */
        public String remedies() {
            return remedies.toString();
        }

        /** The label, to be worded in the reader's language ("overfitting", "Überanpassung"). */
        public Message labelText() {
            return label;
        }

        /** What to try, to be worded in the reader's language. */
        public Message remediesText() {
            return remedies;
        }
    }

    /** One diagnosis with what was observed in the curves, numbers included. */
    public record Finding(Kind kind, Message observation) {
        /** The evidence in English. */
        public String evidence() {
            return observation.toString();
        }

        /** The whole finding in English: label, evidence, remedies (as CSV and JSON keep it). */
        public String message() {
            return text().toString();
        }

        /** The whole finding (label, evidence with its numbers, remedies), to be worded in the reader's language. */
        public Message text() {
            return Messages.of("diagnosis.finding", kind.labelText(), observation, kind.remediesText());
        }
    }

    /** The verdict in one word for tables: the first finding's label, or "healthy" (English: tables are data). */
    public static String verdict(List<Finding> findings) {
        return verdictText(findings).toString();
    }

    /** The verdict in one word, to be worded in the reader's language: "healthy" / "gesund", or the first label. */
    public static Message verdictText(List<Finding> findings) {
        return findings.isEmpty() ? Messages.of("diagnosis.healthy") : findings.get(0).kind().labelText();
    }

    /**
     * A verdict as a table recorded it (English: "healthy", "overfitting", …), to be worded in the reader's language;
     * a word of no known verdict is shown as it is.
     */
    public static Message verdictText(String recorded) {
        if (verdict(List.of()).equals(recorded)) {
            return verdictText(List.of());
        }
        for (Kind k : Kind.values()) {
            if (k.label().equals(recorded)) {
                return k.labelText();
            }
        }
        return Message.literal(recorded);
    }

    /**
     * The findings over the rows made at an epoch's end (rows within an epoch are left out: the rules count epochs).
     */
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
    public static java.util.Optional<Finding> diverging(List<EpochMetrics> rows) {
        List<EpochMetrics> epochs = EpochMetrics.epochEnds(rows);
        if (epochs.isEmpty()) {
            return java.util.Optional.empty();
        }
        double first = epochs.get(0).trainLoss();
        for (EpochMetrics e : epochs) {
            if (!Double.isFinite(e.trainLoss()) || !Double.isFinite(e.testLoss())) {
                return java.util.Optional.of(new Finding(Kind.DIVERGING, Messages.of("diagnosis.diverging.notFinite",
                        notFinite(Double.isFinite(e.trainLoss()) ? e.testLoss() : e.trainLoss()), e.epoch())));
            }
            if (Double.isFinite(first) && e.trainLoss() > 2 * first && e.epoch() > epochs.get(0).epoch()) {
                return java.util.Optional.of(new Finding(Kind.DIVERGING, Messages.of("diagnosis.diverging.exploded",
                        rounded(first, 4), rounded(e.trainLoss(), 4), e.epoch())));
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
                return java.util.Optional.of(new Finding(Kind.OVERFITTING, Messages.of(
                        "diagnosis.overfitting.testLossRose",
                        rounded(a.testLoss(), 4), rounded(c.testLoss(), 4), b.epoch(), c.epoch(),
                        rounded(a.trainLoss(), 4), rounded(c.trainLoss(), 4))));
            }
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        double gap = last.trainAccuracy() - last.testAccuracy();
        if (gap > GAP) {
            return java.util.Optional.of(new Finding(Kind.OVERFITTING, Messages.of("diagnosis.overfitting.gap",
                    rounded(100 * last.trainAccuracy(), 2), rounded(100 * gap, 1),
                    rounded(100 * last.testAccuracy(), 2),
                    rounded(100 * GAP, 0))));
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
            return java.util.Optional.of(new Finding(Kind.UNDERFITTING, Messages.of("diagnosis.underfitting.flat",
                    rounded(100 * last.trainAccuracy(), 2), rounded(100 * rise, 2))));
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
            return java.util.Optional.of(new Finding(Kind.LEARNING_SLOWLY, Messages.of("diagnosis.slow.fall",
                    rounded(100 * meanFall, 1), rounded(last.trainLoss(), 4))));
        }
        return java.util.Optional.empty();
    }

    /** A loss that is no number or infinite, as the reader's language calls it. */
    public static Message notFinite(double value) {
        if (Double.isNaN(value)) {
            return Messages.of("diagnosis.value.nan");
        }
        return value > 0 ? Messages.of("diagnosis.value.infinity") : Messages.of("diagnosis.value.minusInfinity");
    }
}
