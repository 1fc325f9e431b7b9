package dev.fashionmnist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross entropy with label smoothing, for sparse labels and logits: per image
 * {@code (1 - ε) · (-log softmax(x)[y]) + ε · mean over classes of (-log softmax(x))}, averaged over the batch. That is
 * the cross entropy against a target that puts {@code 1 - ε + ε/K} on the true class and {@code ε/K} on each of the
 * other {@code K - 1}. With ε = 0 it computes exactly what DJL's {@code softmaxCrossEntropyLoss()} computes.
 */
public final class SmoothedCrossEntropy extends Loss {
    private final double epsilon;

    public SmoothedCrossEntropy(double epsilon) {
        super("SmoothedCrossEntropy");
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("label smoothing must lie in [0, 1), not " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** The loss to train with: plain softmax cross entropy for ε = 0, else the smoothed one. */
    public static Loss of(double epsilon) {
        return epsilon == 0 ? Loss.softmaxCrossEntropyLoss() : new SmoothedCrossEntropy(epsilon);
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return batch(labels.singletonOrThrow(), predictions.singletonOrThrow()).objective();
    }

    /**
     * The objective of one batch (the same value, computed by the same operations, as {@link #evaluate}), with what
     * the batch's plain cross entropy is read from afterwards: one log-softmax serves both.
     */
    Batch batch(NDArray labels, NDArray logits) {
        NDArray logProbabilities = logits.logSoftmax(-1);
        int classAxis = logProbabilities.getShape().dimension() - 1;
        int classes = (int) logProbabilities.getShape().get(classAxis);
        // the smoothed target as one array, (1 - ε + ε/K) on the true class and ε/K elsewhere, times the log
        // probabilities: no gather, whose backward scatters into the same rows as the mean's (runs differed)
        NDArray oneHot = labels.oneHot(classes, logProbabilities.getDataType());
        NDArray target = oneHot.mul(1 - epsilon).add(epsilon / classes);
        NDArray objective = logProbabilities.mul(target).sum(new int[] {classAxis}).neg().mean();
        return new Batch(objective, logProbabilities, oneHot);
    }

    /**
     * One batch's training objective (its mean over the batch, to train on) and the log probabilities and one-hot
     * labels it came from.
     */
    record Batch(NDArray objective, NDArray logProbabilities, NDArray oneHot) {
        /**
         * The log likelihood of the batch's labels, {@code Σ log softmax(x)[y]} over its images: minus the sum of
         * their plain cross entropies, from the objective's own log-softmax. Two operations; made outside the
         * gradient collector it joins no autograd graph.
         */
        NDArray logLikelihood() {
            return logProbabilities.mul(oneHot).sum();
        }
    }
}
