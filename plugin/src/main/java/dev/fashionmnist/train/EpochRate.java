package dev.fashionmnist.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate of the current batch, as DJL's optimizers ask for it: the training loop sets it from the
 * schedule before each batch.
 */
public final class EpochRate implements Tracker {
    volatile float value;

    /** A rate that starts at {@code initial}, the settings' learning rate. */
    public EpochRate(double initial) {
        this.value = (float) initial;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return value;
    }
}
