package dev.fashionmnist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.fashionmnist.engine.DeviceTensors;
import java.util.Random;

/**
 * The batches of one epoch, in its seeded shuffled order: the training images and labels gathered into that order on
 * the device a chunk of batches at a time (the chunk's images normalised at once: fewer calls per batch, and no
 * second copy of the whole training set for the epoch's order), a batch being a slice of its chunk; with augmentation
 * a batch's images are augmented on the host. Closing it frees the chunk, before the test pass needs the memory.
 */
final class EpochBatches implements AutoCloseable {
    private final NDManager epochManager;
    private final DeviceTensors train;
    private final int[] order;
    private final BatchAugmenter augmenter;
    private final Random random;
    private final int chunkImages;
    private final long rows;
    private final long columns;
    private NDManager chunkManager;
    private NDArray chunk;
    private NDArray chunkLabels;
    private int chunkFrom;
    private int chunkTo;

    /**
     * @param order       the epoch's order of {@code train}'s images, from {@link #shuffled}
     * @param augmenter   {@code null} without augmentation
     * @param random      the epoch's generator that shuffled {@code order}, for the augmentation
     * @param chunkImages how many images are normalised at a time
     */
    EpochBatches(NDManager epochManager, DeviceTensors train, int[] order, BatchAugmenter augmenter, Random random,
                 int chunkImages) {
        this.epochManager = epochManager;
        this.train = train;
        this.order = order;
        this.augmenter = augmenter;
        this.random = random;
        this.chunkImages = chunkImages;
        this.rows = train.imageShape().get(0);
        this.columns = train.imageShape().get(1);
    }

    /** The indices 0 to {@code n - 1} in an order shuffled by {@code random}. */
    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The normalised images of the epoch's positions {@code from} to {@code to}, as an array of {@code batch}. */
    NDArray images(NDManager batch, int from, int to) {
        if (augmenter != null) {
            return batch.create(augmenter.batch(order, from, to, random), new Shape(to - from, 1, rows, columns));
        }
        chunkFor(from, to);
        return slice(chunk, batch, from, to);
    }

    /** The labels of the epoch's positions {@code from} to {@code to}, as an array of {@code batch}. */
    NDArray labels(NDManager batch, int from, int to) {
        chunkFor(from, to);
        return slice(chunkLabels, batch, from, to);
    }

    /** Gathers the chunk that starts at {@code from} unless the current one holds the positions up to {@code to}. */
    private void chunkFor(int from, int to) {
        if (chunkManager != null && from >= chunkFrom && to <= chunkTo) {
            return;
        }
        if (chunkManager != null) {
            chunkManager.close();
        }
        chunkManager = epochManager.newSubManager();
        chunkFrom = from;
        chunkTo = Math.min(order.length, from + chunkImages);
        chunk = augmenter == null ? train.images(chunkManager, order, chunkFrom, chunkTo) : null;
        chunkLabels = train.labels(chunkManager, order, chunkFrom, chunkTo);
    }

    private NDArray slice(NDArray whole, NDManager batch, int from, int to) {
        NDArray part = whole.get(new NDIndex().addSliceDim(from - chunkFrom, to - chunkFrom));
        part.attach(batch);
        return part;
    }

    @Override
    public void close() {
        if (chunkManager != null) {
            chunkManager.close();
            chunkManager = null;
        }
    }
}
