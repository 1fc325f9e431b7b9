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
 * @param at where in training the evaluation was made, in epochs; 0 (a row written before evaluations within an
 *           epoch existed) means at the end of {@code epoch}
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double learningRate, double epochSeconds, double trainImagesPerSecond, double at) {

    public EpochMetrics {
        if (at == 0) {
            at = epoch;
        }
    }

    /** The row of a whole epoch, evaluated at its end. */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                        double learningRate, double epochSeconds, double trainImagesPerSecond) {
        this(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, learningRate, epochSeconds,
                trainImagesPerSecond, epoch);
    }

    /**
     * The row of the evaluation at {@code at} epochs (e.g. 2.5), rounded to 4 decimals as metrics.csv writes it: it
     * belongs to the epoch that {@code at} falls in.
     */
    public static EpochMetrics at(double at, double trainLoss, double trainAccuracy, double testLoss,
                                  double testAccuracy, double learningRate, double epochSeconds,
                                  double trainImagesPerSecond) {
        double rounded = Math.round(at * 1e4) / 1e4;
        return new EpochMetrics((int) Math.ceil(rounded), trainLoss, trainAccuracy, testLoss, testAccuracy,
                learningRate, epochSeconds, trainImagesPerSecond, rounded);
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
}
