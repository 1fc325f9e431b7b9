package dev.fashionmnist.train;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.TrainingProgress;
import java.io.IOException;

/**
 * Hears a training run, as DJL's {@code TrainingListener} or Lightning's callbacks do: the loop in {@link Training}
 * trains and evaluates, the listeners write files, log, check and decide when to stop, each told in the order of
 * {@link Training}'s list. Every method does nothing unless overridden.
 */
public interface TrainingListener {

    /**
     * Once, before the first batch: the network holds its initial or resumed parameters; the optimizer is not made
     * yet.
     */
    default void onTrainingStart(TrainingState state) throws IOException {
    }

    /** Whether {@link #onBatch} is wanted: the loop tells only those listeners, to keep the per-batch path lean. */
    default boolean hearsBatches() {
        return false;
    }

    /**
     * After each batch of {@code epoch}: {@code imagesDone} of {@code imagesTotal}, {@code seconds} of training in
     * the epoch so far; reading {@code running} waits for the device (see {@link TrainingProgress}).
     */
    default void onBatch(int epoch, long imagesDone, long imagesTotal, double seconds,
                         TrainingProgress.Running running) {
    }

    /** At each read of the epoch's running training loss sum: every few batches and at the epoch's end. */
    default void onLossSum(int epoch, float lossSum) {
    }

    /**
     * After each evaluation on the test set, a row of metrics.csv already in {@code state.history()};
     * {@code checkSeconds}: what the test pass took. {@link TrainingState#requestStop()} stops there.
     */
    default void onEvaluation(EpochMetrics row, double checkSeconds, TrainingState state) throws IOException {
    }

    /** After each whole epoch, {@code row} its last evaluation; not after an epoch stopped within. */
    default void onEpochEnd(EpochMetrics row, TrainingState state) throws IOException {
    }

    /** Once training has stopped, before the model is written: the time to choose which model is kept. */
    default void onTrainingEnd(TrainingState state) throws IOException {
    }

    /** Once the model directory is in place, with its card. */
    default void onModelWritten(ModelCard card) throws IOException {
    }

    /** When the run fails with {@code failure}; problems of the listener's own are added to it as suppressed. */
    default void onFailure(Throwable failure) {
    }
}
