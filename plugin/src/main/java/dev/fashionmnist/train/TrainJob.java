package dev.fashionmnist.train;

import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the Maven goal hands to the training fork, as JSON: the settings, the verified data files, where outputs go,
 * which device to use, and the identity of the run.
 *
 * @param testSize     how many test images to evaluate on (0 = all)
 * @param gpuIndex     the GPU to train on, or -1 for the CPU
 * @param fingerprint  SHA-256 over configuration, data checksums and plugin version
 * @param interactive  whether the goal draws a progress bar on a terminal (frequent progress) or not (progress log
 *                     lines, at most three per epoch)
 */
public record TrainJob(TrainSettings settings, String datasetName, List<String> classNames,
                       Map<DatasetFile, Path> dataFiles, Map<DatasetFile, String> dataSha256, int testSize,
                       Path outputDirectory, int gpuIndex, String fingerprint, String pluginVersion,
                       boolean interactive) {

    public Path modelDirectory() {
        return outputDirectory.resolve("model");
    }

    public Path checkpointDirectory() {
        return outputDirectory.resolve("checkpoints");
    }

    public Path metricsFile() {
        return outputDirectory.resolve("metrics.csv");
    }
}
