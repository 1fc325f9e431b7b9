package dev.fashionmnist.evaluate;

/** What evaluating a model on a test set measured: the confusion matrix and the mean cross-entropy loss. */
public record EvaluationResult(ConfusionMatrix confusion, double loss) {

    public double accuracy() {
        return confusion.accuracy();
    }
}
