package dev.fashionmnist.runtime.internal.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D convolution whose output is laid out channels-last (NHWC strides, still the NCHW shape and the same values),
 * so that the layers after it (batch norm, ReLU, max pooling, the next convolutions, which keep the layout) run
 * PyTorch's channels-last CPU kernels. For amelie-cnn that takes max pooling from a fifth of a training step to a few
 * percent (PyTorch's NCHW pooling kernel is not vectorised; the channels-last one is), at the cost of one copy of the
 * first block's output. DJL 0.29 has no memory-format API: the layout comes from a permute to NHWC, a reshape that
 * must copy, and a permute back. Saved parameters are those of a {@link Conv2d}: models load either way.
 */
public final class ChannelsLastConv2d extends Conv2d {
    private ChannelsLastConv2d(Conv2d.Builder builder) {
        super(builder);
    }

    /** A builder whose {@code build()} gives a {@link ChannelsLastConv2d}. */
    public static Builder channelsLastBuilder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList out = super.forwardInternal(parameterStore, inputs, training, params);
        return new NDList(channelsLast(out.singletonOrThrow()));
    }

    /** {@code x} (N, C, H, W) copied into channels-last memory order; the shape and values stay the same. */
    static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).reshape(s.get(0), -1).reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);
    }

    /** Builds {@link ChannelsLastConv2d}s. */
    public static final class Builder extends Conv2d.Builder {
        @Override
        public ChannelsLastConv2d build() {
            validate();
            return new ChannelsLastConv2d(this);
        }
    }
}
