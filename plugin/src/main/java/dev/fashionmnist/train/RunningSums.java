package dev.fashionmnist.train;

import ai.djl.ndarray.NDArray;
import dev.fashionmnist.results.TrainingProgress;

/**
 * The epoch's running sums on the device, read (a synchronisation) only when a progress report asks: the plain cross
 * entropy (the train loss, as metrics.csv's {@code train_loss}) and the correct predictions.
 */
record RunningSums(NDArray lossTotal, NDArray correctTotal, long images) implements TrainingProgress.Running {
    @Override
    public double loss() {
        return lossTotal.getFloat() / images;
    }

    @Override
    public double accuracy() {
        return (double) correctTotal.getLong() / images;
    }
}
