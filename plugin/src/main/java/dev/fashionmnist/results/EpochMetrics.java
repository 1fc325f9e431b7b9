package dev.fashionmnist.results;

import static dev.fashionmnist.text.Numbers.rounded;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * One row of metrics.csv: one evaluation on the test set. Epochs count from 1 and go on across resumed runs. With
 * one evaluation per epoch (the default) each row is an epoch's; with more, a row made after part of epoch
 * {@code epoch} has the fractional {@code at} (e.g. 1.25 = a quarter into epoch 2), and its train metrics, seconds
 * and images/s cover that epoch so far. The row at an epoch's end has {@code at == epoch}.
 *
 * <p>{@code trainLoss} and {@code testLoss} are the same quantity, the plain cross entropy ({@code -log softmax(x)[y]}
 * averaged over images), so that their curves compare; {@code trainObjective} is what the training minimised: the
 * cross entropy with label smoothing, which equals {@code trainLoss} without smoothing and lies above it with
 * (its floor is the entropy of the smoothed target, about 0.5 for ε = 0.1 and ten classes).
 *
 * @param trainLoss      the mean plain cross entropy of the training batches (before each batch's update)
 * @param at             where in training the evaluation was made, in epochs; 0 (a row written before evaluations
 *                       within an epoch existed) means at the end of {@code epoch}
 * @param trainObjective the mean training objective over the same batches; 0 (a row written before it was recorded
 *                       apart, whose {@code trainLoss} was that objective) means {@code trainLoss}
 * @param weights        which weights the test metrics are of, those that would be written as the model at this
 *                       point: {@value #TRAINED} (the network's own) or {@value #AVERAGE} (the moving average of
 *                       {@code weightAverage}, when it tested better); {@code null} (an older row) means trained
 * @param testImages     how many test images the test metrics come from: the whole test set, or a fixed sample of it
 *                       for a check within an epoch; 0 (an older row) means the whole test set
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double learningRate, double epochSeconds, double trainImagesPerSecond, double at,
                           double trainObjective, String weights, int testImages) {
    /** {@code weights} of a row whose test metrics are of the trained weights themselves. */
    public static final String TRAINED = "trained";
    /** {@code weights} of a row whose test metrics are of the weight average. */
    public static final String AVERAGE = "average";

    public EpochMetrics {
        if (weights == null) {
            weights = TRAINED;
        }
        if (at == 0) {
            at = epoch;
        }
        // a smoothed objective is never 0 (its floor is the smoothed target's entropy): 0 is an older file's row
        if (trainObjective == 0) {
            trainObjective = trainLoss;
        }
    }

    /**
     * The row of the evaluation at {@code at} epochs (e.g. 2.5), rounded to 4 decimals as metrics.csv writes it: it
     * belongs to the epoch that {@code at} falls in. (The training loop's shorthand; elsewhere {@link #builder()}
     * names each value.) The objective equals {@code trainLoss}: a row of training without label smoothing.
     */
    public static EpochMetrics at(double at, double trainLoss, double trainAccuracy, double testLoss,
                                  double testAccuracy, double learningRate, double epochSeconds,
                                  double trainImagesPerSecond) {
        return builder().evaluatedAt(at).trainLoss(trainLoss).trainAccuracy(trainAccuracy).testLoss(testLoss)
                .testAccuracy(testAccuracy).learningRate(learningRate).epochSeconds(epochSeconds)
                .trainImagesPerSecond(trainImagesPerSecond).build();
    }

    /** A builder with nothing chosen yet; without {@code at} or {@link Builder#evaluatedAt} a row of an epoch's end. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this row, for a copy with some of it changed. */
    public Builder toBuilder() {
        return new Builder().epoch(epoch).trainLoss(trainLoss).trainAccuracy(trainAccuracy).testLoss(testLoss)
                .testAccuracy(testAccuracy).learningRate(learningRate).epochSeconds(epochSeconds)
                .trainImagesPerSecond(trainImagesPerSecond).at(at).trainObjective(trainObjective).weights(weights)
                .testImages(testImages);
    }

    /** Whether the test metrics are of the weight average rather than the trained weights. */
    public boolean averaged() {
        return AVERAGE.equals(weights);
    }

    /** Whether the test metrics come from a sample of a run that evaluates {@code testCount} test images. */
    public boolean onSample(int testCount) {
        return testImages != 0 && testImages < testCount;
    }

    /**
     * The rows whose test metrics come from the whole test set: not those of a check within an epoch that saw only a
     * sample (fewer test images than the run's other rows). What the best and final figures are taken from.
     */
    public static List<EpochMetrics> wholeTestSet(List<EpochMetrics> rows) {
        int whole = rows.stream().mapToInt(EpochMetrics::testImages).max().orElse(0);
        return rows.stream().filter(r -> r.testImages() == 0 || r.testImages() == whole).toList();
    }

    /** Whether the evaluation was made at the end of its epoch. */
    public boolean epochEnd() {
        return at == epoch;
    }

    /** The rows made at the end of an epoch (what epoch-based rules such as early stopping look at). */
    public static List<EpochMetrics> epochEnds(List<EpochMetrics> rows) {
        return rows.stream().filter(EpochMetrics::epochEnd).toList();
    }

    /**
     * {@code at} as people read it: {@code 2} at an epoch's end, else up to 4 decimals ({@code 1.25}, {@code 0.3333}).
     */
    public String atLabel() {
        if (epochEnd()) {
            return Integer.toString(epoch);
        }
        return BigDecimal.valueOf(at).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The notebook's tqdm postfix as one log line, in English. */
    public String logLine(int lastEpoch) {
        return logText(lastEpoch).toString();
    }

    /** The notebook's tqdm postfix as one log line, to be worded in the reader's language. */
    public Message logText(int lastEpoch) {
        return Messages.of("train.epoch", rounded(at, 4), lastEpoch, rounded(trainAccuracy, 4),
                rounded(testAccuracy, 4), rounded(trainLoss, 4), rounded(testLoss, 4), rate(learningRate),
                rounded(epochSeconds, 1), rounded(trainImagesPerSecond, 0));
    }

    /**
     * A learning rate with three significant digits, as {@code %.3g} shows it (0.00100, 0.100, 1.00e-05), with the
     * reader's decimal separator.
     */
    static Message rate(double lr) {
        if (!Double.isFinite(lr) || lr == 0) {
            return Messages.of("train.epoch.rate", lr, 2);
        }
        BigDecimal rounded = BigDecimal.valueOf(lr).round(new MathContext(3, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < 3) {
            return Messages.of("train.epoch.rate", rounded.doubleValue(), 2 - exponent);
        }
        return Messages.of("train.epoch.rateScientific", rounded.movePointLeft(exponent).doubleValue(), exponent);
    }

    /** {@link EpochMetrics} by name, one column at a time. */
    public static final class Builder {
        private int epoch;
        private double trainLoss;
        private double trainAccuracy;
        private double testLoss;
        private double testAccuracy;
        private double learningRate;
        private double epochSeconds;
        private double trainImagesPerSecond;
        private double at;
        private double trainObjective;
        private String weights;
        private int testImages;

        private Builder() {
        }

        /** The epoch, from 1 across resumed runs. */
        public Builder epoch(int epoch) {
            this.epoch = epoch;
            return this;
        }

        /** The mean plain cross entropy of the training batches (the same quantity as the test loss). */
        public Builder trainLoss(double trainLoss) {
            this.trainLoss = trainLoss;
            return this;
        }

        /** The training accuracy, a fraction. */
        public Builder trainAccuracy(double trainAccuracy) {
            this.trainAccuracy = trainAccuracy;
            return this;
        }

        /** The test loss. */
        public Builder testLoss(double testLoss) {
            this.testLoss = testLoss;
            return this;
        }

        /** The test accuracy, a fraction. */
        public Builder testAccuracy(double testAccuracy) {
            this.testAccuracy = testAccuracy;
            return this;
        }

        /** The learning rate. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** The seconds the epoch took (so far). */
        public Builder epochSeconds(double epochSeconds) {
            this.epochSeconds = epochSeconds;
            return this;
        }

        /** Training images per second. */
        public Builder trainImagesPerSecond(double trainImagesPerSecond) {
            this.trainImagesPerSecond = trainImagesPerSecond;
            return this;
        }

        /** Where in training the evaluation was made, in epochs; 0 means at the end of {@code epoch}. */
        public Builder at(double at) {
            this.at = at;
            return this;
        }

        /**
         * The mean training objective (the cross entropy with label smoothing); not set or 0: the same as
         * {@link #trainLoss}, as without label smoothing.
         */
        public Builder trainObjective(double trainObjective) {
            this.trainObjective = trainObjective;
            return this;
        }

        /** Which weights the test metrics are of: {@value #TRAINED} (the default) or {@value #AVERAGE}. */
        public Builder weights(String weights) {
            this.weights = weights;
            return this;
        }

        /** How many test images the test metrics come from; 0 (not set) means the whole test set. */
        public Builder testImages(int testImages) {
            this.testImages = testImages;
            return this;
        }

        /**
         * The evaluation at {@code at} epochs (e.g. 2.5), rounded to 4 decimals as metrics.csv writes it: sets
         * {@code at} and the epoch that it falls in.
         */
        public Builder evaluatedAt(double at) {
            double rounded = Math.round(at * 1e4) / 1e4;
            return epoch((int) Math.ceil(rounded)).at(rounded);
        }

        /** The row. */
        public EpochMetrics build() {
            return new EpochMetrics(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, learningRate, epochSeconds,
                    trainImagesPerSecond, at, trainObjective, weights, testImages);
        }
    }
}
