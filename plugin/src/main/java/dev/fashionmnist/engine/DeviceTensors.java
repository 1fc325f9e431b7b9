package dev.fashionmnist.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.IdxLabels;
import dev.fashionmnist.runtime.internal.Normalization;
import java.nio.ByteBuffer;

/**
 * A set of images and labels resident on the training device: images (N, 1, rows, columns) as their raw grey bytes
 * (uint8, a quarter of float32's memory: 47 MB instead of 188 MB for Fashion-MNIST's training set), labels (N) as
 * int64. A batch is cut as a contiguous slice and normalised on the device into float32, with the same float
 * operations as {@link Normalization#apply} (multiply, then subtract), so its values are those of the host path.
 */
public final class DeviceTensors implements AutoCloseable {
    /**
     * Images per evaluation batch: small enough that a CNN's activations stay in the CPU's caches (measured: 128
     * gives amelie-cnn about 35% more test images/s than 500), large enough to keep per-call overhead small.
     */
    public static final int EVALUATION_BATCH = 128;

    private final NDArray images;
    private final NDArray labels;
    private final int count;
    private final float scale;
    private final float shift;

    private DeviceTensors(NDArray images, NDArray labels, int count, float scale, float shift) {
        this.images = images;
        this.labels = labels;
        this.count = count;
        this.scale = scale;
        this.shift = shift;
    }

    /**
     * The chosen images (in the given order) and their labels, as arrays of {@code manager}. When the chosen images
     * are the whole set in file order (a run on all training images, an evaluation of all test images), the images'
     * array is made over the decoded buffer itself: on the CPU the engine's tensor is that memory, so the set is held
     * once (47 MB for Fashion-MNIST's training set, not twice).
     */
    public static DeviceTensors of(NDManager manager, IdxImages images, IdxLabels labels, int[] chosen,
                                   Normalization normalization) {
        int size = images.pixelsPerImage();
        long[] classes = new long[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            classes[i] = labels.label(chosen[i]);
        }
        ByteBuffer pixels;
        if (wholeSet(chosen, images.count())) {
            // the engine only reads it: batches are gathered or sliced, then converted to new float arrays
            pixels = images.pixels();
        } else {
            // copied straight into native memory: on the CPU the engine's tensor is this buffer itself, while a heap
            // array would be copied once more and leave the chosen images as garbage on the heap
            pixels = ByteBuffer.allocateDirect(chosen.length * size);
            ByteBuffer all = images.pixels();
            for (int i = 0; i < chosen.length; i++) {
                pixels.put(all.slice(chosen[i] * size, size));
            }
            pixels.flip();
        }
        NDArray x = manager.create(pixels, new Shape(chosen.length, 1, images.rows(), images.columns()),
                DataType.UINT8);
        NDArray y = manager.create(classes);
        return new DeviceTensors(x, y, chosen.length, normalization.scale(), normalization.shift());
    }

    /** Whether {@code chosen} is 0, 1, ..., {@code count} - 1. */
    static boolean wholeSet(int[] chosen, int count) {
        if (chosen.length != count) {
            return false;
        }
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] != i) {
                return false;
            }
        }
        return true;
    }

    public int count() {
        return count;
    }

    /** Rows and columns of an image. */
    public Shape imageShape() {
        return new Shape(images.getShape().get(2), images.getShape().get(3));
    }

    /**
     * The images at the positions {@code from} (inclusive) to {@code to} (exclusive) of {@code order} (indices into
     * this set), normalised float32, as arrays of {@code manager}: gathered on the device a part of an epoch at a time,
     * so that an epoch's shuffled order needs no second copy of the whole set.
     */
    public NDArray images(NDManager manager, int[] order, int from, int to) {
        return normalised(images.get(index(manager, order, from, to)), manager);
    }

    /** The labels at the positions {@code from} (inclusive) to {@code to} (exclusive) of {@code order}. */
    public NDArray labels(NDManager manager, int[] order, int from, int to) {
        NDArray y = labels.get(index(manager, order, from, to));
        y.attach(manager);
        return y;
    }

    private static NDArray index(NDManager manager, int[] order, int from, int to) {
        long[] idx = new long[to - from];
        for (int i = from; i < to; i++) {
            idx[i - from] = order[i];
        }
        return manager.create(idx);
    }

    /**
     * The images and labels at {@code positions} (indices into this set, in that order) as a set of their own, as
     * arrays of {@code manager}: for a small part of a set, such as the test sample that checks within an epoch take
     * (an epoch's shuffled order is gathered a part at a time instead, {@link #images(NDManager, int[], int, int)}).
     */
    public DeviceTensors subset(NDManager manager, int[] positions) {
        NDArray index = index(manager, positions, 0, positions.length);
        NDArray x = images.get(index);
        NDArray y = labels.get(index);
        x.attach(manager);
        y.attach(manager);
        index.close();
        return new DeviceTensors(x, y, positions.length, scale, shift);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), normalised float32, as arrays of {@code batch}. */
    public NDArray images(NDManager batch, int from, int to) {
        return normalised(images.get(new NDIndex().addSliceDim(from, to)), batch);
    }

    /** {@code raw} grey bytes as normalised float32 (multiply, then subtract), both arrays of {@code manager}. */
    private NDArray normalised(NDArray raw, NDManager manager) {
        raw.attach(manager);
        NDArray x = raw.toType(DataType.FLOAT32, false);
        x.attach(manager);
        return x.muli(scale).subi(shift);
    }

    /** Labels {@code from} (inclusive) to {@code to} (exclusive), as an array of {@code batch}. */
    public NDArray labels(NDManager batch, int from, int to) {
        NDArray y = labels.get(new NDIndex().addSliceDim(from, to));
        y.attach(batch);
        return y;
    }

    @Override
    public void close() {
        images.close();
        labels.close();
    }
}
