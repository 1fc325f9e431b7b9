package dev.fashionmnist.runtime.internal.network;

import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The notebook's four networks. */
public enum Architecture {
    /** Multi-layer perceptron: 784 → hidden (ReLU) … → classes. */
    MLP("mlp"),
    /** The PyTorch MNIST example: two 3×3 convolutions, max-pool, two fully connected layers. */
    NET("net"),
    /** Three conv-BN-ReLU-pool blocks at 32, 64, 128 channels, then one fully connected layer. */
    AMELIE_CNN("amelie-cnn"),
    /** A small ResNet: stem, three stages of basic residual blocks, global average pool, fully connected layer. */
    RESNET("resnet");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static String validIds() {
        return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
    }

    public static Architecture parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Architecture a : values()) {
            if (a.id.equals(wanted)) {
                return a;
            }
        }
        throw new ClassifierException(Message.runtime("runtime.architecture.unknown", text, validIds()));
    }
}
