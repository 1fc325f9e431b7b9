package dev.fashionmnist.data;

import java.nio.file.Path;
import java.util.EnumMap;
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
        Map<DatasetFile, int[]> dims = new EnumMap<>(DatasetFile.class);
        dims.put(DatasetFile.TRAIN_IMAGES, new int[] {trainImages.count(), trainImages.rows(), trainImages.columns()});
        dims.put(DatasetFile.TRAIN_LABELS, new int[] {trainLabels.count()});
        dims.put(DatasetFile.TEST_IMAGES, new int[] {testImages.count(), testImages.rows(), testImages.columns()});
        dims.put(DatasetFile.TEST_LABELS, new int[] {testLabels.count()});
        Map<DatasetFile, String> names = new EnumMap<>(DatasetFile.class);
        paths.forEach((f, p) -> names.put(f, p.toString()));
        DatasetConsistency.check(dims, names);
        return new LoadedDataset(spec, trainImages, trainLabels, testImages, testLabels);
    }
}
