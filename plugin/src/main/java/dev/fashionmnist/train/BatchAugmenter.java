package dev.fashionmnist.train;

import dev.fashionmnist.data.DatasetCatalog;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.runtime.internal.Normalization;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.util.Random;

/**
 * Training-time augmentation on normalised images: a random crop with padding (the image shifted by up to
 * {@value #PAD} pixels, the border filled with the normalised value of black) and, where the classes allow it,
 * a horizontal flip with probability 1/2. Digits must not be flipped, clothes may.
 */
public final class BatchAugmenter {
    static final int PAD = 2;

    private final float[] images;
    private final int rows;
    private final int columns;
    private final boolean flip;
    private final float background;

    /**
     * @param images     the normalised training images, one after the other
     * @param background the normalised value of a black pixel
     */
    public BatchAugmenter(float[] images, int rows, int columns, boolean flip, float background) {
        this.images = images;
        this.rows = rows;
        this.columns = columns;
        this.flip = flip;
        this.background = background;
    }

    /**
     * The augmenter of a run's training images (logged): crops for every dataset; flips only for Fashion-MNIST, whose
     * classes look the same mirrored.
     */
    static BatchAugmenter of(RunPlan plan, BuildLog log) {
        String dataset = plan.job().datasetName();
        boolean flip = dataset.equals(DatasetCatalog.FASHION_MNIST);
        log.info(Messages.of("train.augment", PAD, flip ? Messages.of("train.augment.flips")
                : Messages.of("train.augment.noFlips", dataset)));
        IdxImages images = plan.data().trainImages();
        Normalization norm = plan.normalization();
        float[] host = images.normalized(norm, plan.trainIndex());
        return new BatchAugmenter(host, images.rows(), images.columns(), flip, -norm.shift());
    }

    /** The augmented images at {@code indices}, one after the other, ready for an (N, 1, rows, columns) tensor. */
    public float[] batch(int[] indices, int from, int to, Random random) {
        int pixels = rows * columns;
        float[] out = new float[(to - from) * pixels];
        for (int k = from; k < to; k++) {
            int src = indices[k] * pixels;
            int dst = (k - from) * pixels;
            int dy = random.nextInt(2 * PAD + 1) - PAD;
            int dx = random.nextInt(2 * PAD + 1) - PAD;
            boolean mirror = flip && random.nextBoolean();
            for (int r = 0; r < rows; r++) {
                int sr = r + dy;
                for (int c = 0; c < columns; c++) {
                    int sc = (mirror ? columns - 1 - c : c) + dx;
                    out[dst + r * columns + c] = sr < 0 || sr >= rows || sc < 0 || sc >= columns
                            ? background : images[src + sr * columns + sc];
                }
            }
        }
        return out;
    }
}
