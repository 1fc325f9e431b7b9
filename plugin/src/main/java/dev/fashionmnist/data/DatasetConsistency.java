package dev.fashionmnist.data;

import dev.fashionmnist.text.Messages;
import java.util.Map;

/**
 * The checks across the four files of a dataset: each image set has exactly one label per image, and training and
 * test images have the same size. Works on the headers alone, so the fetcher can run it before anything is
 * committed to the cache, and on decoded data alike.
 */
final class DatasetConsistency {
    private DatasetConsistency() {
    }

    /**
     * Throws an {@link IdxFormatException} naming the files as {@code names} says (a path or URL, or a message such as
     * "path (in the cache)") when the four headers do not fit together.
     */
    static void check(Map<DatasetFile, int[]> dims, Map<DatasetFile, ?> names) {
        checkCounts(dims, names, DatasetFile.TRAIN_IMAGES, DatasetFile.TRAIN_LABELS);
        checkCounts(dims, names, DatasetFile.TEST_IMAGES, DatasetFile.TEST_LABELS);
        int[] train = dims.get(DatasetFile.TRAIN_IMAGES);
        int[] test = dims.get(DatasetFile.TEST_IMAGES);
        if (train[1] != test[1] || train[2] != test[2]) {
            throw new IdxFormatException(Messages.of("data.consistency.imageSize", names.get(DatasetFile.TEST_IMAGES),
                    test[1], test[2], names.get(DatasetFile.TRAIN_IMAGES), train[1], train[2]));
        }
    }

    private static void checkCounts(Map<DatasetFile, int[]> dims, Map<DatasetFile, ?> names,
                                    DatasetFile imagesFile, DatasetFile labelsFile) {
        int images = dims.get(imagesFile)[0];
        int labels = dims.get(labelsFile)[0];
        if (images != labels) {
            throw new IdxFormatException(Messages.of("data.consistency.counts", names.get(labelsFile), labels,
                    names.get(imagesFile), images));
        }
    }
}
