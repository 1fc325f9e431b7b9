package dev.fashionmnist.runtime;

import java.util.List;

/**
 * What a loaded model is, as its model card ({@code model.json}) says: the network, the data it learnt from, its
 * classes and how well it did. {@link Classifier#modelDescription()} gives it.
 *
 * @param architecture     the network, e.g. {@code amelie-cnn} (one of mlp, net, amelie-cnn, resnet)
 * @param network          the network's exact configuration in short, e.g. {@code mlp 784-128-10} or
 *                         {@code resnet blocks [2,2,2]}
 * @param dataset          the dataset it was trained on, e.g. {@code fashion-mnist}
 * @param classNames       the class of each output, in output order
 * @param imageRows        the height of the images the network takes, in pixels (28 for Fashion-MNIST)
 * @param imageColumns     the width of the images the network takes, in pixels
 * @param parametersSha256 the SHA-256 of the parameters file: which trained parameters these are
 * @param testAccuracy     the test accuracy of the kept epoch (0..1), {@code null} when the card has none
 * @since 0.1.0
 */
public record ModelDescription(String architecture, String network, String dataset, List<String> classNames,
                               int imageRows, int imageColumns, String parametersSha256, Double testAccuracy) {
    /**
     * A description with an unmodifiable copy of {@code classNames}.
     *
     * @param architecture     the network, e.g. {@code amelie-cnn}
     * @param network          the network's exact configuration in short, e.g. {@code mlp 784-128-10}
     * @param dataset          the dataset it was trained on, e.g. {@code fashion-mnist}
     * @param classNames       the class of each output, in output order
     * @param imageRows        the height of the images the network takes, in pixels
     * @param imageColumns     the width of the images the network takes, in pixels
     * @param parametersSha256 the SHA-256 of the parameters file
     * @param testAccuracy     the test accuracy of the kept epoch (0..1), {@code null} when unknown
     */
    public ModelDescription {
        classNames = List.copyOf(classNames);
    }
}
