package dev.fashionmnist.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A decoded dataset: training and test images with their labels, checked to fit together. */
public record LoadedDataset(DatasetSpec spec, IdxImages trainImages, IdxLabels trainLabels, IdxImages testImages,
                            IdxLabels testLabels) {

    public List<String> classNames() {
        return spec.classNames();
    }

    public static LoadedDataset decode(DatasetSpec spec, Map<DatasetFile, Path> paths) {
        int classes = spec.classCount();
        IdxImages trainImages = IdxDecoder.readImages(paths.get(DatasetFile.TRAIN_IMAGES));
        IdxLabels trainLabels = IdxDecoder.readLabels(paths.get(DatasetFile.TRAIN_LABELS), classes);
        IdxImages testImages = IdxDecoder.readImages(paths.get(DatasetFile.TEST_IMAGES));
        IdxLabels testLabels = IdxDecoder.readLabels(paths.get(DatasetFile.TEST_LABELS), classes);
        checkCounts(paths, DatasetFile.TRAIN_IMAGES, trainImages, DatasetFile.TRAIN_LABELS, trainLabels);
        checkCounts(paths, DatasetFile.TEST_IMAGES, testImages, DatasetFile.TEST_LABELS, testLabels);
        if (trainImages.rows() != testImages.rows() || trainImages.columns() != testImages.columns()) {
            throw new IdxFormatException(paths.get(DatasetFile.TEST_IMAGES) + ": test images are "
                    + testImages.rows() + "x" + testImages.columns() + " pixels but training images ("
                    + paths.get(DatasetFile.TRAIN_IMAGES) + ") are " + trainImages.rows() + "x"
                    + trainImages.columns() + "; both sets need the same image size");
        }
        return new LoadedDataset(spec, trainImages, trainLabels, testImages, testLabels);
    }

    private static void checkCounts(Map<DatasetFile, Path> paths, DatasetFile imagesFile, IdxImages images,
                                    DatasetFile labelsFile, IdxLabels labels) {
        if (images.count() != labels.count()) {
            throw new IdxFormatException(paths.get(labelsFile) + ": holds " + labels.count() + " labels but "
                    + paths.get(imagesFile) + " holds " + images.count() + " images; each image needs exactly one label");
        }
    }
}
