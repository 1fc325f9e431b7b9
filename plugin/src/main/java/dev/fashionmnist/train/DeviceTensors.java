package dev.fashionmnist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.IdxLabels;

/**
 * A set of images and labels, normalised once into tensors on the training device: images (N, 1, rows, columns)
 * as float32, labels (N) as int64. Batches are cut from them by index.
 */
public record DeviceTensors(NDArray images, NDArray labels, int count) {

    public static DeviceTensors of(NDManager manager, IdxImages images, IdxLabels labels, int[] chosen,
                                   Normalization normalization) {
        float[] pixels = normalization.apply(images.pixels(), images.pixelsPerImage(), chosen);
        long[] classes = new long[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            classes[i] = labels.label(chosen[i]);
        }
        NDArray x = manager.create(pixels, new Shape(chosen.length, 1, images.rows(), images.columns()));
        NDArray y = manager.create(classes);
        return new DeviceTensors(x, y, chosen.length);
    }
}
