package dev.fashionmnist.train;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.TrainingProgress;
import java.io.IOException;
import java.util.List;

/**
 * The listeners of one run, told in their order; after each batch only those that {@link #hearsBatches() hear
 * batches}, so that listeners without per-batch work cost the batch loop nothing.
 */
final class TrainingListeners implements TrainingListener {
    private final TrainingListener[] all;
    private final TrainingListener[] batches;

    TrainingListeners(List<TrainingListener> listeners) {
        this.all = listeners.toArray(new TrainingListener[0]);
        this.batches = listeners.stream().filter(TrainingListener::hearsBatches).toArray(TrainingListener[]::new);
    }

    @Override
    public void onTrainingStart(TrainingState state) throws IOException {
        for (TrainingListener l : all) {
            l.onTrainingStart(state);
        }
    }

    @Override
    public boolean hearsBatches() {
        return batches.length > 0;
    }

    @Override
    public void onBatch(int epoch, long imagesDone, long imagesTotal, double seconds,
                        TrainingProgress.Running running) {
        for (TrainingListener l : batches) {
            l.onBatch(epoch, imagesDone, imagesTotal, seconds, running);
        }
    }

    @Override
    public void onLossSum(int epoch, float lossSum) {
        for (TrainingListener l : all) {
            l.onLossSum(epoch, lossSum);
        }
    }

    @Override
    public void onEvaluation(EpochMetrics row, double checkSeconds, TrainingState state) throws IOException {
        for (TrainingListener l : all) {
            l.onEvaluation(row, checkSeconds, state);
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics row, TrainingState state) throws IOException {
        for (TrainingListener l : all) {
            l.onEpochEnd(row, state);
        }
    }

    @Override
    public void onTrainingEnd(TrainingState state) throws IOException {
        for (TrainingListener l : all) {
            l.onTrainingEnd(state);
        }
    }

    @Override
    public void onModelWritten(ModelCard card) throws IOException {
        for (TrainingListener l : all) {
            l.onModelWritten(card);
        }
    }

    @Override
    public void onFailure(Throwable failure) {
        for (TrainingListener l : all) {
            l.onFailure(failure);
        }
    }
}
