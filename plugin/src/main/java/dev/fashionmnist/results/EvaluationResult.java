package dev.fashionmnist.results;

import java.util.List;

/**
 * What evaluating a model on a test set measured: the confusion matrix, the mean cross-entropy loss, and the first
 * misclassified test images (for the grid of mistakes).
 */
public record EvaluationResult(ConfusionMatrix confusion, double loss, List<Mistake> mistakes) {
    /** How many misclassified images are kept. */
    public static final int MISTAKES_KEPT = 18;

    public EvaluationResult {
        mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
    }

    public EvaluationResult(ConfusionMatrix confusion, double loss) {
        this(confusion, loss, List.of());
    }

    public double accuracy() {
        return confusion.accuracy();
    }

    /** A misclassified test image: its index in the test set, true and predicted class. */
    public record Mistake(int index, int trueClass, int predictedClass) {
    }
}
