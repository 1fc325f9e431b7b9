package dev.fashionmnist.train;

import dev.fashionmnist.results.TrainingProgress;

/** Hands each batch's progress to the goal's {@link TrainingProgress} (a terminal bar, log lines or nothing). */
final class ProgressListener implements TrainingListener {
    private final TrainingProgress progress;
    private final int lastEpoch;

    ProgressListener(TrainingProgress progress, int lastEpoch) {
        this.progress = progress;
        this.lastEpoch = lastEpoch;
    }

    @Override
    public boolean hearsBatches() {
        return true;
    }

    @Override
    public void onBatch(int epoch, long imagesDone, long imagesTotal, double seconds,
                        TrainingProgress.Running running) {
        progress.batchDone(epoch, lastEpoch, imagesDone, imagesTotal, seconds, running);
    }
}
