package dev.fashionmnist.evaluate;

import dev.fashionmnist.data.DatasetFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the {@code evaluate} goal hands to the fork: the model directory, the verified data files, the device, and
 * where to write the {@link dev.fashionmnist.results.EvaluationResult} as JSON.
 *
 * @param auto whether the {@code device} parameter was {@code auto}: a GPU that fails its proof gives way to the CPU
 */
public record EvaluateJob(Path modelDirectory, String datasetName, List<String> classNames,
                          Map<DatasetFile, Path> dataFiles, Map<DatasetFile, String> dataSha256, int gpuIndex,
                          boolean auto, Path resultFile) {
}
