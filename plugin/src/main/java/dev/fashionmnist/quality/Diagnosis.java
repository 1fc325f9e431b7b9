package dev.fashionmnist.quality;

import static dev.fashionmnist.text.Numbers.rounded;

import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads the learning curves the way the notebook teaches a "trainer" to: over- and underfitting, divergence, and
 * learning too slowly, each with the evidence in numbers and the remedies. From the first epoch on, a run at chance
 * level is "not learning", with the likely cause read from its {@link RunSetup}; where the curves are too short for
 * the other rules, the verdict is "too early to tell". Only a run with enough epochs and no finding is healthy.
 */
public final class Diagnosis {
    /** Train-test accuracy gap above which a run counts as overfitting. */
    public static final double GAP = 0.10;
    /** Train accuracy below which a flat run counts as underfitting. */
    public static final double LOW_ACCURACY = 0.70;
    /** Mean relative fall of the train loss per epoch below which learning counts as slow. */
    public static final double SLOW_FALL = 0.03;
    /** Epochs the curves need before they can show over- or underfitting (two changes in a row). */
    public static final int MIN_EPOCHS = 3;
    /** Points above chance a learning network reaches at least, when twice chance would be more (few classes). */
    static final double ABOVE_CHANCE = 0.10;
    /** Optimizer steps below which a run has hardly trained. */
    static final int FEW_STEPS = 100;
    /** Learning rates below which steps barely move the weights: adam/adamw, and sgd. */
    static final double TINY_RATE_ADAM = 1e-4;
    static final double TINY_RATE_SGD = 1e-3;
    /** Learning rates above which steps overshoot: adam/adamw, and sgd. */
    static final double LARGE_RATE_ADAM = 0.01;
    static final double LARGE_RATE_SGD = 1.0;

    private Diagnosis() {
    }

    /** What the curves show. */
    public enum Kind {
        OVERFITTING(Messages.of("diagnosis.overfitting.label"), Messages.of("diagnosis.overfitting.remedies")),
        UNDERFITTING(Messages.of("diagnosis.underfitting.label"), Messages.of("diagnosis.underfitting.remedies")),
        DIVERGING(Messages.of("diagnosis.diverging.label"), Messages.of("diagnosis.diverging.remedies")),
        LEARNING_SLOWLY(Messages.of("diagnosis.slow.label"), Messages.of("diagnosis.slow.remedies")),
        /** The test accuracy is at (or near) chance level: the network has learned nothing usable (yet). */
        NOT_LEARNING(Messages.of("diagnosis.notLearning.label"), Messages.of("diagnosis.notLearning.remedies")),
        /** No finding, but too few epochs for the rules to see over- or underfitting: no verdict of health either. */
        TOO_EARLY(Messages.of("diagnosis.early.label"), Messages.of("diagnosis.early.remedies"), false);

        private final Message label;
        private final Message remedies;
        private final boolean warning;

        Kind(Message label, Message remedies) {
            this(label, remedies, true);
        }

        Kind(Message label, Message remedies, boolean warning) {
            this.label = label;
            this.remedies = remedies;
            this.warning = warning;
        }

        /** Whether a finding of this kind is a problem to warn about; "too early to tell" is information. */
        public boolean warning() {
            return warning;
        }

        /** The English label, as metrics tables and JSON keep it. */
        public String label() {
            return label.toString();
        }

        /** The English remedies (those a finding of this kind gives unless its evidence calls for others). */
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

    /**
     * One diagnosis with what was observed in the curves, numbers included, and what to try ({@code remediesText}: the
     * kind's remedies, or for "not learning" those of the causes found in the configuration).
     */
    public record Finding(Kind kind, Message observation, Message remediesText) {
        /** A finding with its kind's remedies. */
        public Finding(Kind kind, Message observation) {
            this(kind, observation, kind.remediesText());
        }

        /** The evidence in English. */
        public String evidence() {
            return observation.toString();
        }

        /** What to try, in English. */
        public String remedies() {
            return remediesText.toString();
        }

        /** The whole finding in English: label, evidence, remedies (as CSV and JSON keep it). */
        public String message() {
            return text().toString();
        }

        /** The whole finding (label, evidence with its numbers, remedies), to be worded in the reader's language. */
        public Message text() {
            return Messages.of("diagnosis.finding", kind.labelText(), observation, remediesText);
        }
    }

    /**
     * The verdict in a word or three for tables: the first finding's label ("not learning", "too early to tell", …),
     * or "healthy" (English: tables are data).
     */
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
     * The findings over the rows made at an epoch's end (rows within an epoch are left out: the rules count epochs) of
     * the run {@code setup} describes. Divergence hides every other finding; "not learning" hides under- and
     * slow-learning (they would say the same less precisely); with no finding and fewer than {@value #MIN_EPOCHS}
     * epochs (or only rows within the first epoch) the one finding is "too early to tell". No finding at all: healthy
     * (or no rows).
     */
    public static List<Finding> of(List<EpochMetrics> rows, RunSetup setup) {
        List<EpochMetrics> epochs = EpochMetrics.epochEnds(rows);
        List<Finding> findings = new ArrayList<>();
        if (rows.isEmpty()) {
            return findings; // nothing to judge (and nothing to show: pages and logs show no diagnosis without rows)
        }
        if (epochs.isEmpty()) {
            findings.add(tooEarly(epochs, setup));
            return findings;
        }
        diverging(epochs).ifPresent(findings::add);
        if (!findings.isEmpty()) {
            return findings;
        }
        notLearning(epochs, setup).ifPresent(findings::add);
        boolean learning = findings.isEmpty();
        overfitting(epochs).ifPresent(findings::add);
        if (learning) {
            underfitting(epochs).ifPresent(findings::add);
            if (findings.stream().noneMatch(f -> f.kind() == Kind.UNDERFITTING)) {
                slow(epochs).ifPresent(findings::add);
            }
        }
        if (findings.isEmpty() && epochs.size() < MIN_EPOCHS) {
            findings.add(tooEarly(epochs, setup));
        }
        return findings;
    }

    /** A NaN or infinite loss, or a train loss that has grown to more than twice its first value. */
    public static Optional<Finding> diverging(List<EpochMetrics> rows) {
        List<EpochMetrics> epochs = EpochMetrics.epochEnds(rows);
        if (epochs.isEmpty()) {
            return Optional.empty();
        }
        double first = epochs.get(0).trainLoss();
        for (EpochMetrics e : epochs) {
            if (!Double.isFinite(e.trainLoss()) || !Double.isFinite(e.testLoss())) {
                return Optional.of(new Finding(Kind.DIVERGING, Messages.of("diagnosis.diverging.notFinite",
                        notFinite(Double.isFinite(e.trainLoss()) ? e.testLoss() : e.trainLoss()), e.epoch())));
            }
            if (Double.isFinite(first) && e.trainLoss() > 2 * first && e.epoch() > epochs.get(0).epoch()) {
                return Optional.of(new Finding(Kind.DIVERGING, Messages.of("diagnosis.diverging.exploded",
                        rounded(first, 4), rounded(e.trainLoss(), 4), e.epoch())));
            }
        }
        return Optional.empty();
    }

    static Optional<Finding> overfitting(List<EpochMetrics> epochs) {
        for (int i = 2; i < epochs.size(); i++) {
            EpochMetrics a = epochs.get(i - 2);
            EpochMetrics b = epochs.get(i - 1);
            EpochMetrics c = epochs.get(i);
            if (b.testLoss() > a.testLoss() && c.testLoss() > b.testLoss()
                    && b.trainLoss() < a.trainLoss() && c.trainLoss() < b.trainLoss()) {
                return Optional.of(new Finding(Kind.OVERFITTING, Messages.of(
                        "diagnosis.overfitting.testLossRose",
                        rounded(a.testLoss(), 4), rounded(c.testLoss(), 4), b.epoch(), c.epoch(),
                        rounded(a.trainLoss(), 4), rounded(c.trainLoss(), 4))));
            }
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        double gap = last.trainAccuracy() - last.testAccuracy();
        if (gap > GAP) {
            return Optional.of(new Finding(Kind.OVERFITTING, Messages.of("diagnosis.overfitting.gap",
                    rounded(100 * last.trainAccuracy(), 2), rounded(100 * gap, 1),
                    rounded(100 * last.testAccuracy(), 2),
                    rounded(100 * GAP, 0))));
        }
        return Optional.empty();
    }

    /** Train accuracy low and flat over the last epochs. */
    static Optional<Finding> underfitting(List<EpochMetrics> epochs) {
        if (epochs.size() < 3) {
            return Optional.empty();
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        EpochMetrics before = epochs.get(epochs.size() - 3);
        double rise = last.trainAccuracy() - before.trainAccuracy();
        if (last.trainAccuracy() < LOW_ACCURACY && rise < 0.01) {
            return Optional.of(new Finding(Kind.UNDERFITTING, Messages.of("diagnosis.underfitting.flat",
                    rounded(100 * last.trainAccuracy(), 2), rounded(100 * rise, 2))));
        }
        return Optional.empty();
    }

    /** The train loss barely moves from epoch to epoch while it is still high. */
    static Optional<Finding> slow(List<EpochMetrics> epochs) {
        if (epochs.size() < 2) {
            return Optional.empty();
        }
        double sum = 0;
        for (int i = 1; i < epochs.size(); i++) {
            double prev = epochs.get(i - 1).trainLoss();
            sum += (prev - epochs.get(i).trainLoss()) / prev;
        }
        double meanFall = sum / (epochs.size() - 1);
        EpochMetrics last = epochs.get(epochs.size() - 1);
        if (meanFall < SLOW_FALL && last.trainLoss() > 1.0) {
            return Optional.of(new Finding(Kind.LEARNING_SLOWLY, Messages.of("diagnosis.slow.fall",
                    rounded(100 * meanFall, 1), rounded(last.trainLoss(), 4))));
        }
        return Optional.empty();
    }

    /**
     * The last epoch's test accuracy at chance level: below twice what guessing among the classes gets (for few
     * classes: less than {@value #ABOVE_CHANCE} above it), or not above the share of the most frequent class. The
     * evidence names the likely causes in the configuration, the remedies are theirs. Needs the class count.
     */
    static Optional<Finding> notLearning(List<EpochMetrics> epochs, RunSetup setup) {
        if (setup.classCount() < 2) {
            return Optional.empty();
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        double accuracy = last.testAccuracy();
        double guess = 1.0 / setup.classCount();
        double learning = guess + Math.min(guess, ABOVE_CHANCE);
        Message evidence;
        if (accuracy < learning) {
            evidence = Messages.of("diagnosis.notLearning.chance", rounded(100 * accuracy, 2), last.epoch(),
                    setup.classCount(), rounded(100 * guess, 2), rounded(100 * learning, 2));
        } else if (accuracy <= setup.majorityShare()) {
            evidence = Messages.of("diagnosis.notLearning.majority", rounded(100 * accuracy, 2), last.epoch(),
                    rounded(100 * setup.majorityShare(), 2));
        } else {
            return Optional.empty();
        }
        if (!setup.configurationKnown()) {
            return Optional.of(new Finding(Kind.NOT_LEARNING, evidence));
        }
        List<Cause> causes = causes(setup);
        if (causes.isEmpty()) {
            return Optional.of(new Finding(Kind.NOT_LEARNING, Messages.of("diagnosis.notLearning.noCause", evidence)));
        }
        return Optional.of(new Finding(Kind.NOT_LEARNING, Messages.of("diagnosis.notLearning.causes", evidence,
                causes.size(), Message.joined(", ", causes.stream().map(Cause::what).toList())),
                Message.joined("; ", causes.stream().map(Cause::remedy).toList())));
    }

    /** Something in the configuration that keeps a network from learning, and what to change. */
    record Cause(Message what, Message remedy) {
    }

    /**
     * What in {@code setup} can keep a network at chance level: a hidden layer narrower than the classes, a tiny or
     * a large learning rate for the optimizer, few optimizer steps (few images, few epochs, large batches).
     */
    static List<Cause> causes(RunSetup setup) {
        List<Cause> causes = new ArrayList<>();
        if (!setup.hiddenLayers().isEmpty()) {
            int narrowest = Collections.min(setup.hiddenLayers());
            if (narrowest < setup.classCount()) {
                String parameter = setup.hiddenLayers().size() == 1 ? "hiddenSize=" + narrowest
                        : "hiddenLayers=" + String.join(",", setup.hiddenLayers().stream().map(String::valueOf)
                        .toList());
                causes.add(new Cause(Messages.of("diagnosis.notLearning.cause.narrow", narrowest,
                        setup.classCount(), parameter), Messages.of("diagnosis.notLearning.fix.narrow")));
            }
        }
        boolean sgd = "sgd".equals(setup.optimizer());
        String rate = BigDecimal.valueOf(setup.learningRate()).stripTrailingZeros().toString();
        if (setup.learningRate() < (sgd ? TINY_RATE_SGD : TINY_RATE_ADAM)) {
            causes.add(new Cause(Messages.of("diagnosis.notLearning.cause.tinyRate", rate, setup.optimizer()),
                    Messages.of("diagnosis.notLearning.fix.tinyRate")));
        } else if (setup.learningRate() > (sgd ? LARGE_RATE_SGD : LARGE_RATE_ADAM)) {
            causes.add(new Cause(Messages.of("diagnosis.notLearning.cause.largeRate", rate, setup.optimizer()),
                    Messages.of("diagnosis.notLearning.fix.largeRate")));
        }
        long steps = (long) Math.ceil((double) setup.trainImages() / setup.batchSize()) * setup.epochs();
        if (steps < FEW_STEPS) {
            causes.add(new Cause(Messages.of("diagnosis.notLearning.cause.fewSteps", steps, setup.trainImages(),
                    setup.batchSize(), setup.epochs()), Messages.of("diagnosis.notLearning.fix.fewSteps")));
        }
        return causes;
    }

    /**
     * Too few epochs for the rules: how many there are, and whether more are on the way (the run trains to
     * {@code setup.epochs()}) or more must be asked for.
     */
    static Finding tooEarly(List<EpochMetrics> epochs, RunSetup setup) {
        if (epochs.isEmpty()) {
            return new Finding(Kind.TOO_EARLY, Messages.of("diagnosis.early.none", MIN_EPOCHS));
        }
        int done = epochs.size();
        int reached = epochs.get(epochs.size() - 1).epoch();
        if (setup.epochs() > reached && setup.epochs() >= MIN_EPOCHS) {
            return new Finding(Kind.TOO_EARLY, Messages.of("diagnosis.early.running", reached, setup.epochs(),
                    MIN_EPOCHS), Messages.of("diagnosis.early.wait"));
        }
        return new Finding(Kind.TOO_EARLY, Messages.of("diagnosis.early.epochs", done, MIN_EPOCHS));
    }

    /** A loss that is no number or infinite, as the reader's language calls it. */
    public static Message notFinite(double value) {
        if (Double.isNaN(value)) {
            return Messages.of("diagnosis.value.nan");
        }
        return value > 0 ? Messages.of("diagnosis.value.infinity") : Messages.of("diagnosis.value.minusInfinity");
    }
}
