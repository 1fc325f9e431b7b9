package dev.fashionmnist.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import dev.fashionmnist.engine.DeviceTensors;

/**
 * The one pass of a network over a test set, shared by the training loop (its test evaluations) and the evaluate
 * goal: batches of {@link DeviceTensors#EVALUATION_BATCH} images, each in its own NDManager scope, through a forward
 * pass that records no gradients, summing the plain cross-entropy loss (whatever loss training used) and the correct
 * predictions.
 */
public final class BatchedEvaluation {
    private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

    private BatchedEvaluation() {
    }

    /** The network's forward pass in inference mode (no gradients, BatchNorm's running statistics). */
    @FunctionalInterface
    public interface Forward {
        NDList forward(NDList input);
    }

    /** Hears each batch's predicted classes and true labels; both arrays are freed when it returns. */
    @FunctionalInterface
    public interface BatchPredictions {
        void batch(int from, NDArray predicted, NDArray labels);
    }

    /** The mean loss and the accuracy over the whole set. */
    public record Result(double loss, double accuracy) {
    }

    /** {@code forward} over {@code set}, batch by batch in scopes below {@code manager}. */
    public static Result run(NDManager manager, DeviceTensors set, Forward forward) {
        return run(manager, set, forward, null);
    }

    /** As {@link #run(NDManager, DeviceTensors, Forward)}, telling {@code each} (if not null) every batch's classes. */
    public static Result run(NDManager manager, DeviceTensors set, Forward forward, BatchPredictions each) {
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < set.count(); from += DeviceTensors.EVALUATION_BATCH) {
            int to = Math.min(set.count(), from + DeviceTensors.EVALUATION_BATCH);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = set.images(batch, from, to);
                NDArray y = set.labels(batch, from, to);
                NDArray logits = forward.forward(new NDList(x)).singletonOrThrow();
                // a block's output may belong to another manager than its input: free it with the batch
                logits.attach(batch);
                lossSum += (double) LOSS.evaluate(new NDList(y), new NDList(logits)).getFloat() * (to - from);
                NDArray predicted = logits.argMax(1);
                correct += predicted.eq(y).countNonzero().getLong();
                if (each != null) {
                    each.batch(from, predicted, y);
                }
            }
        }
        return new Result(lossSum / set.count(), (double) correct / set.count());
    }
}
