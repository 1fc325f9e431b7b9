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
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** The inference pooling against PyTorch's max_pool2d, on the real engine. */
class MaxPool2x2Test {

    @Test
    void inferenceGivesExactlyThePoolingKernelsValuesForEvenAndOddSizes() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(3);
            for (long size : new long[] {28, 14, 7, 5}) {
                NDArray x = m.randomNormal(new Shape(3, 4, size, size));
                NDArray kernel = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
                NDArray ours = new MaxPool2x2().forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow();
                assertEquals(kernel.getShape(), ours.getShape(), "size " + size);
                assertArrayEquals(kernel.toFloatArray(), ours.toFloatArray(), 0f, "size " + size);
            }
        }
    }

    @Test
    void trainingUsesThePoolingKernelAndItsGradient() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray x = m.create(new float[] {1, 5, 2, 0, 3, 4, 7, 6, 0, 0, 9, 8, 0, 0, 8, 9}, new Shape(1, 1, 4, 4));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = new MaxPool2x2().forward(new ParameterStore(m, false), new NDList(x), true)
                        .singletonOrThrow();
                assertArrayEquals(new float[] {5, 7, 0, 9}, y.toFloatArray());
                gc.backward(y.sum());
            }
            // the whole gradient to one element per window: the first maximum of a tie (the zeros, the two nines)
            assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0},
                    x.getGradient().toFloatArray());
        }
    }

    @Test
    void parametersSavedWithDjlsPoolingBlockLoadUnchanged() throws Exception {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Block old = new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)));
            old.initialize(m, DataType.FLOAT32, new Shape(1, 1, 6, 6));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            old.saveParameters(new DataOutputStream(bytes));

            Block now = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2)
                    .build()).add(new MaxPool2x2());
            now.initialize(m, DataType.FLOAT32, new Shape(1, 1, 6, 6));
            now.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray x = m.randomNormal(new Shape(1, 1, 6, 6));
            ParameterStore store = new ParameterStore(m, false);
            assertArrayEquals(old.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray(),
                    now.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray(), 0f);
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            now.saveParameters(new DataOutputStream(again));
            assertArrayEquals(bytes.toByteArray(), again.toByteArray(), "the same file as before");
        }
    }
}
