package dev.fashionmnist.runtime;

/**
 * One class the model sees in an image, with its probability (the softmax of the network's outputs). The
 * {@link Classifier} returns them most probable first.
 *
 * @param className   the class, as the model card names it, e.g. {@code Ankle boot}
 * @param classIndex  the network's output for the class, 0-based (the label in the dataset)
 * @param probability between 0 and 1; the probabilities of all classes of one image add up to 1
 * @since 0.1.0
 */
public record Prediction(String className, int classIndex, double probability) {
}
