package dev.fashionmnist.results;

/**
 * How far the current epoch has come: images trained on so far, the training seconds they took, and the running
 * training loss and accuracy over them (the numbers of the notebook's tqdm bar).
 *
 * @param seconds  training seconds of the epoch so far (test passes within the epoch not included)
 */
public record EpochProgress(int epoch, int lastEpoch, long imagesDone, long imagesTotal, double seconds, double loss,
                            double accuracy) {

    /** The share of the epoch done, from 0 to 1. */
    public double fraction() {
        return imagesTotal <= 0 ? 0 : Math.min(1, (double) imagesDone / imagesTotal);
    }

    public double imagesPerSecond() {
        return seconds > 0 ? imagesDone / seconds : 0;
    }

    /** Seconds the rest of the epoch takes at the rate so far; negative while there is no rate yet. */
    public double secondsLeft() {
        double rate = imagesPerSecond();
        return rate > 0 ? (imagesTotal - imagesDone) / rate : -1;
    }
}
