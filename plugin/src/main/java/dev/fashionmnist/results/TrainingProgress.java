package dev.fashionmnist.results;

/** Hears how far the current epoch has come, after each batch. */
@FunctionalInterface
public interface TrainingProgress {
    /**
     * After each batch; {@code seconds}: the epoch's training time so far (test passes not counted); {@code running}
     * reads the epoch's running loss and accuracy, which waits for the device: read it only when the progress is
     * shown, not after every batch.
     */
    void batchDone(int epoch, int lastEpoch, long imagesDone, long imagesTotal, double seconds, Running running);

    TrainingProgress NONE = (epoch, lastEpoch, done, total, seconds, running) -> { };

    /** The running training loss and accuracy over the epoch's images so far. */
    interface Running {
        double loss();

        double accuracy();
    }
}
