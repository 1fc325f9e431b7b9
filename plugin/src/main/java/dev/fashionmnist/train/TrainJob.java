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
 * @param auto         whether the {@code device} parameter was {@code auto}: a GPU that fails its proof gives way to
 *                     the CPU
 */
public record TrainJob(TrainSettings settings, String datasetName, List<String> classNames,
                       Map<DatasetFile, Path> dataFiles, Map<DatasetFile, String> dataSha256, int testSize,
                       Path outputDirectory, int gpuIndex, String fingerprint, String pluginVersion,
                       boolean interactive, boolean auto) {

    /** A builder with nothing chosen yet, training on the CPU ({@code gpuIndex} -1) unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this job, for a copy with some of it changed. */
    public Builder toBuilder() {
        return new Builder().settings(settings).datasetName(datasetName).classNames(classNames).dataFiles(dataFiles)
                .dataSha256(dataSha256).testSize(testSize).outputDirectory(outputDirectory).gpuIndex(gpuIndex)
                .fingerprint(fingerprint).pluginVersion(pluginVersion).interactive(interactive).auto(auto);
    }

    public Path modelDirectory() {
        return outputDirectory.resolve("model");
    }

    public Path checkpointDirectory() {
        return outputDirectory.resolve("checkpoints");
    }

    public Path metricsFile() {
        return outputDirectory.resolve("metrics.csv");
    }

    /** {@link TrainJob} by name, one part at a time. */
    public static final class Builder {
        private TrainSettings settings;
        private String datasetName;
        private List<String> classNames;
        private Map<DatasetFile, Path> dataFiles;
        private Map<DatasetFile, String> dataSha256;
        private int testSize;
        private Path outputDirectory;
        private int gpuIndex = -1;
        private String fingerprint;
        private String pluginVersion;
        private boolean interactive;
        private boolean auto;

        private Builder() {
        }

        /** The training settings. */
        public Builder settings(TrainSettings settings) {
            this.settings = settings;
            return this;
        }

        /** The dataset's name. */
        public Builder datasetName(String datasetName) {
            this.datasetName = datasetName;
            return this;
        }

        /** The class names, by label. */
        public Builder classNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        /** The verified dataset files. */
        public Builder dataFiles(Map<DatasetFile, Path> dataFiles) {
            this.dataFiles = dataFiles;
            return this;
        }

        /** The SHA-256 of each dataset file's decoded contents. */
        public Builder dataSha256(Map<DatasetFile, String> dataSha256) {
            this.dataSha256 = dataSha256;
            return this;
        }

        /** How many test images to evaluate on (0 = all). */
        public Builder testSize(int testSize) {
            this.testSize = testSize;
            return this;
        }

        /** Where the outputs go. */
        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
            return this;
        }

        /** The GPU to train on, or -1 for the CPU. */
        public Builder gpuIndex(int gpuIndex) {
            this.gpuIndex = gpuIndex;
            return this;
        }

        /** SHA-256 over configuration, data checksums and plugin version. */
        public Builder fingerprint(String fingerprint) {
            this.fingerprint = fingerprint;
            return this;
        }

        /** The plugin's version. */
        public Builder pluginVersion(String pluginVersion) {
            this.pluginVersion = pluginVersion;
            return this;
        }

        /** Whether the goal draws a progress bar on a terminal. */
        public Builder interactive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /** Whether the {@code device} parameter was {@code auto}: a GPU that fails its proof gives way to the CPU. */
        public Builder auto(boolean auto) {
            this.auto = auto;
            return this;
        }

        /** The job. */
        public TrainJob build() {
            return new TrainJob(settings, datasetName, classNames, dataFiles, dataSha256, testSize, outputDirectory,
                    gpuIndex, fingerprint, pluginVersion, interactive, auto);
        }
    }
}
