package dev.fashionmnist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.fashionmnist.engine.DeviceTensors;
import java.util.Random;

/**
 * The batches of one epoch, in its seeded shuffled order: the training images and labels gathered into that order on
 * the device once, after which a batch's images are a slice of a chunk of batches normalised at a time (fewer calls
 * per batch, little memory), or, with augmentation, augmented on the host. Closing it frees the epoch's images,
 * before the test pass needs the memory.
 */
final class EpochBatches implements AutoCloseable {
    private final NDManager epochManager;
    private final DeviceTensors shuffled;
    private final int[] order;
    private final BatchAugmenter augmenter;
    private final Random random;
    private final int chunkImages;
    private final long rows;
    private final long columns;
    private NDManager chunkManager;
    private NDArray chunk;
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
        this.shuffled = train.reordered(epochManager, order);
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
        if (to > chunkTo) {
            if (chunkManager != null) {
                chunkManager.close();
            }
            chunkManager = epochManager.newSubManager();
            chunkFrom = from;
            chunkTo = Math.min(order.length, from + chunkImages);
            chunk = shuffled.images(chunkManager, chunkFrom, chunkTo);
        }
        NDArray x = chunk.get(new NDIndex().addSliceDim(from - chunkFrom, to - chunkFrom));
        x.attach(batch);
        return x;
    }

    /** The labels of the epoch's positions {@code from} to {@code to}, as an array of {@code batch}. */
    NDArray labels(NDManager batch, int from, int to) {
        return shuffled.labels(batch, from, to);
    }

    @Override
    public void close() {
        if (chunkManager != null) {
            chunkManager.close();
            chunkManager = null;
        }
        shuffled.close();
    }
}
