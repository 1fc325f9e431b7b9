package dev.fashionmnist.runtime.internal.network;

import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated description of a network: architecture, its size parameters, the input image size and the
 * number of classes. Everything needed to build the same network again, e.g. to load its parameters.
 *
 * @param hiddenLayers  mlp only: the sizes of the hidden layers (the notebook's {@code hidden_size} is one layer)
 * @param resnetBlocks  resnet only: residual blocks per stage (three stages at 64, 128, 256 channels)
 */
public record ModelSpec(Architecture architecture, List<Integer> hiddenLayers, List<Integer> resnetBlocks,
                        int imageRows, int imageColumns, int classCount) {

    public static final List<Integer> DEFAULT_RESNET_BLOCKS = List.of(2, 2, 2);

    public ModelSpec {
        hiddenLayers = List.copyOf(hiddenLayers);
        resnetBlocks = List.copyOf(resnetBlocks);
    }

    /**
     * Builds a spec from the user's parameters. {@code hiddenLayers} (comma-separated) wins over
     * {@code hiddenSize}; both only matter for mlp, {@code resnetBlocks} only for resnet.
     */
    public static ModelSpec of(String architecture, int hiddenSize, String hiddenLayers, String resnetBlocks,
                               int imageRows, int imageColumns, int classCount) {
        Architecture arch = Architecture.parse(architecture);
        List<Integer> hidden = List.of();
        List<Integer> blocks = List.of();
        if (arch == Architecture.MLP) {
            if (hiddenLayers != null && !hiddenLayers.isBlank()) {
                hidden = positiveList(hiddenLayers, "hiddenLayers",
                        Message.runtime("runtime.numbers.example.hiddenLayers"), 0);
            } else {
                if (hiddenSize < 1) {
                    throw new ClassifierException(Message.runtime("runtime.hiddenSize.small", hiddenSize));
                }
                hidden = List.of(hiddenSize);
            }
        } else if (arch == Architecture.RESNET) {
            blocks = resnetBlocks == null || resnetBlocks.isBlank() ? DEFAULT_RESNET_BLOCKS
                    : positiveList(resnetBlocks, "resnetBlocks",
                    Message.runtime("runtime.numbers.example.resnetBlocks"), 3);
        }
        if (arch == Architecture.NET && (imageRows < 6 || imageColumns < 6)) {
            throw new ClassifierException(Message.runtime("runtime.net.tooSmall", imageRows, imageColumns));
        }
        return new ModelSpec(arch, hidden, blocks, imageRows, imageColumns, classCount);
    }

    private static List<Integer> positiveList(String text, String parameter, Message example, int exactCount) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new ClassifierException(Message.runtime("runtime.numbers.notWhole", parameter, text, p,
                        example));
            }
            if (v < 1 || v > 65536) {
                throw new ClassifierException(Message.runtime("runtime.numbers.range", parameter, text, v,
                        example));
            }
            values.add(v);
        }
        if (exactCount > 0 && values.size() != exactCount) {
            throw new ClassifierException(Message.runtime("runtime.numbers.count", parameter, text,
                    exactCount, example));
        }
        return values;
    }

    /** A short description for logs, e.g. {@code mlp 784-128-10}. */
    public String describe() {
        return switch (architecture) {
            case MLP -> {
                StringBuilder s = new StringBuilder("mlp ").append(imageRows * imageColumns);
                hiddenLayers.forEach(h -> s.append('-').append(h));
                yield s.append('-').append(classCount).toString();
            }
            case RESNET -> "resnet blocks " + resnetBlocks.toString().replace(" ", "");
            default -> architecture.id();
        };
    }
}
