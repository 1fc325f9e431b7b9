package dev.fashionmnist.train;

import java.math.BigDecimal;
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

    /** {@code at} as people read it: {@code 2} at an epoch's end, else up to 4 decimals ({@code 1.25}, {@code 0.3333}). */
    public String atLabel() {
        if (epochEnd()) {
            return Integer.toString(epoch);
        }
        return BigDecimal.valueOf(at).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The notebook's tqdm postfix as one log line. */
    public String logLine(int lastEpoch) {
        return String.format(java.util.Locale.ROOT,
                "epoch %s/%d: train_acc=%.4f test_acc=%.4f train_loss=%.4f test_loss=%.4f lr=%.3g %.1f s %.0f images/s",
                atLabel(), lastEpoch, trainAccuracy, testAccuracy, trainLoss, testLoss, learningRate, epochSeconds,
                trainImagesPerSecond);
    }
}
