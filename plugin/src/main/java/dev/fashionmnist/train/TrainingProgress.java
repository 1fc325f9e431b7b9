package dev.fashionmnist.train;

/** Hears how far the current epoch has come, after each batch. */
@FunctionalInterface
public interface TrainingProgress {
    void batchDone(int epoch, int lastEpoch, long imagesDone, long imagesTotal, double imagesPerSecond);

    TrainingProgress NONE = (epoch, lastEpoch, done, total, rate) -> { };
}
