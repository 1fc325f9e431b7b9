package dev.fashionmnist.runtime.internal.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** The channels-last convolution against DJL's Conv2d with the same parameters, on the real engine. */
class ChannelsLastConv2dTest {
    private static final Shape INPUT = new Shape(4, 1, 28, 28);

    private static Block block(Conv2d.Builder builder) {
        return new SequentialBlock()
                .add(builder.setKernelShape(new Shape(3, 3)).setFilters(8).optPadding(new Shape(1, 1)).build())
                .add(BatchNorm.builder().build())
                .add(new MaxPool2x2());
    }

    private static byte[] parameters(Block block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        block.saveParameters(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void sameValuesAndGradientsAsConv2dAndTheSameParameterFile() throws Exception {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            Block plain = block(Conv2d.builder());
            plain.initialize(m, DataType.FLOAT32, INPUT);
            byte[] saved = parameters(plain);
            Block channelsLast = block(ChannelsLastConv2d.channelsLastBuilder());
            channelsLast.initialize(m, DataType.FLOAT32, INPUT);
            channelsLast.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved)));
            assertArrayEquals(saved, parameters(channelsLast), "a model file of either block loads into the other");

            NDArray x = m.randomNormal(INPUT);
            for (boolean training : new boolean[] {false, true}) {
                NDArray[] outputs = new NDArray[2];
                float[][] gradients = new float[2][];
                Block[] blocks = {plain, channelsLast};
                for (int i = 0; i < 2; i++) {
                    NDArray input = x.duplicate();
                    input.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                        outputs[i] = blocks[i].forward(new ParameterStore(m, false), new NDList(input), training)
                                .singletonOrThrow();
                        gc.backward(outputs[i].mul(outputs[i]).sum());
                    }
                    gradients[i] = input.getGradient().toFloatArray();
                }
                assertEquals(outputs[0].getShape(), outputs[1].getShape());
                assertArrayEquals(outputs[0].toFloatArray(), outputs[1].toFloatArray(), 1e-4f,
                        "training " + training);
                assertArrayEquals(gradients[0], gradients[1], 1e-3f, "input gradient, training " + training);
            }
        }
    }

    @Test
    void layoutChangeKeepsShapeAndValuesExactly() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray x = m.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5).toType(DataType.FLOAT32, false);
            NDArray y = ChannelsLastConv2d.channelsLast(x);
            assertEquals(x.getShape(), y.getShape());
            assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f);
        }
    }
}
