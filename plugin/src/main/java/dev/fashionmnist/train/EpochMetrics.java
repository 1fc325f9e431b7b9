package dev.fashionmnist.train;

/** One row of metrics.csv: what one epoch did. Epochs count from 1 and go on across resumed runs. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                           double learningRate, double epochSeconds, double trainImagesPerSecond) {

    /** The notebook's tqdm postfix as one log line. */
    public String logLine(int lastEpoch) {
        return String.format(java.util.Locale.ROOT,
                "epoch %d/%d: train_acc=%.4f test_acc=%.4f train_loss=%.4f test_loss=%.4f lr=%.3g %.1f s %.0f images/s",
                epoch, lastEpoch, trainAccuracy, testAccuracy, trainLoss, testLoss, learningRate, epochSeconds,
                trainImagesPerSecond);
    }
}
