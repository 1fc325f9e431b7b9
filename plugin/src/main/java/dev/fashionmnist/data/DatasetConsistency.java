package dev.fashionmnist.data;

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
     * Throws an {@link IdxFormatException} naming the files (as {@code names} says, e.g. path or URL) when the four
     * headers do not fit together.
     */
    static void check(Map<DatasetFile, int[]> dims, Map<DatasetFile, String> names) {
        checkCounts(dims, names, DatasetFile.TRAIN_IMAGES, DatasetFile.TRAIN_LABELS);
        checkCounts(dims, names, DatasetFile.TEST_IMAGES, DatasetFile.TEST_LABELS);
        int[] train = dims.get(DatasetFile.TRAIN_IMAGES);
        int[] test = dims.get(DatasetFile.TEST_IMAGES);
        if (train[1] != test[1] || train[2] != test[2]) {
            throw new IdxFormatException(names.get(DatasetFile.TEST_IMAGES) + ": test images are " + test[1] + "x"
                    + test[2] + " pixels but training images (" + names.get(DatasetFile.TRAIN_IMAGES) + ") are "
                    + train[1] + "x" + train[2] + "; both sets need the same image size");
        }
    }

    private static void checkCounts(Map<DatasetFile, int[]> dims, Map<DatasetFile, String> names,
                                    DatasetFile imagesFile, DatasetFile labelsFile) {
        int images = dims.get(imagesFile)[0];
        int labels = dims.get(labelsFile)[0];
        if (images != labels) {
            throw new IdxFormatException(names.get(labelsFile) + ": holds " + labels + " labels but "
                    + names.get(imagesFile) + " holds " + images + " images; each image needs exactly one label");
        }
    }
}
