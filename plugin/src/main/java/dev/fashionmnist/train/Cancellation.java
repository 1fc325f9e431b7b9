package dev.fashionmnist.train;

import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Problem;
import java.io.IOException;

/**
 * A request from outside to stop a training (the Maven build that started the fork is gone, or the fork's JVM is
 * shutting down). The training checks it at batch boundaries, and the final replacement of the model directory runs
 * through {@link #commit}: once {@link #cancel} has returned, no new model is put in place; a cancel that comes
 * during a commit waits for it to finish, so the model directory is never left half-replaced.
 */
public final class Cancellation {
    private boolean cancelled;

    /** Stops the training; returns once no commit is under way and none can start. */
    public synchronized void cancel() {
        cancelled = true;
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Throws when the training was told to stop. */
    public void check() {
        if (cancelled()) {
            throw stopped();
        }
    }

    /** Runs {@code step} (the final rename of the outputs) unless the training was told to stop. */
    public synchronized void commit(Step step) throws IOException {
        if (cancelled) {
            throw stopped();
        }
        step.run();
    }

    private static Problem stopped() {
        return new Problem(Messages.of("train.cancelled"));
    }

    /** What {@link #commit} guards. */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }
}
