package dev.fashionmnist.runtime.internal.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import java.util.ArrayList;
import java.util.List;

/** The notebook's four networks as DJL blocks, built from a {@link ModelSpec}. Input: (N, 1, rows, columns). */
public final class Networks {
    private static final int[] RESNET_CHANNELS = {64, 128, 256};
    private static final int[] RESNET_STRIDES = {1, 2, 2};

    private Networks() {
    }

    public static Block build(ModelSpec spec) {
        return switch (spec.architecture()) {
            case MLP -> mlp(spec);
            case NET -> net(spec);
            case AMELIE_CNN -> amelieCnn(spec);
            case RESNET -> resnet(spec);
        };
    }

    /** The input shape for a batch of {@code batch} images. */
    public static Shape inputShape(ModelSpec spec, int batch) {
        return new Shape(batch, 1, spec.imageRows(), spec.imageColumns());
    }

    private static Block mlp(ModelSpec spec) {
        SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int hidden : spec.hiddenLayers()) {
            net.add(linear(hidden)).add(Activation.reluBlock());
        }
        return net.add(linear(spec.classCount()));
    }

    private static Block net(ModelSpec spec) {
        return new SequentialBlock()
                .add(conv(32, 3, 1, 0, true)).add(Activation.reluBlock())
                .add(conv(64, 3, 1, 0, true)).add(Activation.reluBlock())
                .add(new MaxPool2x2())
                .add(Blocks.batchFlattenBlock())
                .add(linear(128)).add(Activation.reluBlock())
                .add(linear(spec.classCount()));
    }

    private static Block amelieCnn(ModelSpec spec) {
        SequentialBlock net = new SequentialBlock();
        for (int channels : new int[] {32, 64, 128}) {
            // the first block's output goes channels-last, and the rest of the network stays so
            Conv2d.Builder builder = channels == 32 ? ChannelsLastConv2d.channelsLastBuilder() : Conv2d.builder();
            net.add(conv(builder, channels, 3, 1, 1, true))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(new MaxPool2x2());
        }
        return net.add(Blocks.batchFlattenBlock()).add(linear(spec.classCount()));
    }

    private static Block resnet(ModelSpec spec) {
        SequentialBlock net = new SequentialBlock()
                .add(conv(64, 3, 1, 1, false))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
        int in = 64;
        for (int stage = 0; stage < RESNET_CHANNELS.length; stage++) {
            int out = RESNET_CHANNELS[stage];
            for (int b = 0; b < spec.resnetBlocks().get(stage); b++) {
                int stride = b == 0 ? RESNET_STRIDES[stage] : 1;
                net.add(residualBlock(in, out, stride));
                in = out;
            }
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(linear(spec.classCount()));
    }

    /** conv3x3-BN-ReLU-conv3x3-BN plus an identity or 1x1-conv+BN projection shortcut, added, then ReLU. */
    private static Block residualBlock(int in, int out, int stride) {
        Block main = new SequentialBlock()
                .add(conv(out, 3, stride, 1, false))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(conv(out, 3, 1, 1, false))
                .add(BatchNorm.builder().build());
        Block shortcut = stride != 1 || in != out
                ? new SequentialBlock().add(conv(out, 1, stride, 0, false)).add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new ParallelBlock(branches -> {
            NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
            return new NDList(Activation.relu(sum));
        }, List.of(main, shortcut));
    }

    private static Block conv(int filters, int kernel, int stride, int padding, boolean bias) {
        return conv(Conv2d.builder(), filters, kernel, stride, padding, bias);
    }

    private static Block conv(Conv2d.Builder builder, int filters, int kernel, int stride, int padding, boolean bias) {
        return builder
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(bias)
                .build();
    }

    private static Block linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    /** Trainable parameters as the notebook's count_parameters counts them (BatchNorm running stats excluded). */
    public static long trainableParameters(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                total += p.getValue().getArray().size();
            }
        }
        return total;
    }

    /**
     * The layer summary: one line per top-level layer with its output shape for one image and its trainable
     * parameters, headed in {@code language} (counts grouped as the language groups them). The block must be
     * initialized.
     */
    public static List<String> layerSummary(Block block, ModelSpec spec, Language language) {
        List<String> lines = new ArrayList<>();
        Shape[] shapes = {inputShape(spec, 1)};
        lines.add(String.format("%-22s %-20s %12s", Message.runtime("runtime.layers.layer").in(language),
                Message.runtime("runtime.layers.output").in(language),
                Message.runtime("runtime.layers.parameters").in(language)));
        lines.add(String.format("%-22s %-20s %12s", Message.runtime("runtime.layers.input").in(language),
                shapes[0], ""));
        for (Pair<String, Block> child : block.getChildren()) {
            shapes = child.getValue().getOutputShapes(shapes);
            long params = 0;
            for (Pair<String, Parameter> p : child.getValue().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    params += p.getValue().getArray().size();
                }
            }
            lines.add(String.format(language.locale(), "%-22s %-20s %,12d", child.getKey().substring(0, 2) + " "
                    + layerName(child.getValue()), shapes[0], params));
        }
        return lines;
    }

    /**
     * What a layer of these networks is, as PyTorch names it: {@code Flatten}, {@code ReLU}, {@code MaxPool 2x2},
     * {@code Residual}; DJL's own name would be {@code LambdaBlock} for the first three.
     */
    static String layerName(Block block) {
        if (block instanceof MaxPool2x2) {
            return "MaxPool 2x2";
        }
        if (block instanceof Conv2d) {
            return "Conv2d"; // also the channels-last one: the same layer to the user
        }
        if (block instanceof ParallelBlock) {
            return "Residual";
        }
        if (block instanceof LambdaBlock lambda) {
            return switch (lambda.getName()) {
                case "batchFlatten" -> "Flatten";
                case "ReLU", "relu" -> "ReLU";
                case "globalAvgPool2d" -> "GlobalAvgPool";
                default -> lambda.getName();
            };
        }
        return block.getClass().getSimpleName();
    }

    /** One line per parameter: name, shape, count, whether it is trained. */
    public static List<String> summary(Block block) {
        List<String> lines = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            lines.add(String.format("%-40s %-20s %,12d%s", p.getKey(), a.getShape(), a.size(),
                    p.getValue().requiresGradient() ? "" : "  (running statistic, not trained)"));
        }
        return lines;
    }
}
