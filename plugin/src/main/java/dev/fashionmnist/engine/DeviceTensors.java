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

    /** The chosen images (in the given order) and their labels, as arrays of {@code manager}. */
    public static DeviceTensors of(NDManager manager, IdxImages images, IdxLabels labels, int[] chosen,
                                   Normalization normalization) {
        int size = images.pixelsPerImage();
        byte[] pixels = new byte[chosen.length * size];
        long[] classes = new long[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(images.pixels(), chosen[i] * size, pixels, i * size, size);
            classes[i] = labels.label(chosen[i]);
        }
        NDArray x = manager.create(ByteBuffer.wrap(pixels), new Shape(chosen.length, 1, images.rows(),
                images.columns()), DataType.UINT8);
        NDArray y = manager.create(classes);
        return new DeviceTensors(x, y, chosen.length, normalization.scale(), normalization.shift());
    }

    public int count() {
        return count;
    }

    /** Rows and columns of an image. */
    public Shape imageShape() {
        return new Shape(images.getShape().get(2), images.getShape().get(3));
    }

    /**
     * The same images and labels in the order {@code order} (indices into this set), as arrays of {@code manager}:
     * one gather per epoch, after which every batch is a slice.
     */
    public DeviceTensors reordered(NDManager manager, int[] order) {
        long[] idx = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            idx[i] = order[i];
        }
        NDArray index = manager.create(idx);
        NDArray x = images.get(index);
        NDArray y = labels.get(index);
        x.attach(manager);
        y.attach(manager);
        index.close();
        return new DeviceTensors(x, y, order.length, scale, shift);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), normalised float32, as arrays of {@code batch}. */
    public NDArray images(NDManager batch, int from, int to) {
        NDArray raw = images.get(new NDIndex().addSliceDim(from, to));
        raw.attach(batch);
        NDArray x = raw.toType(DataType.FLOAT32, false);
        x.attach(batch);
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
