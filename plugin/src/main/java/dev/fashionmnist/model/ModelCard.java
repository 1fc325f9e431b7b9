package dev.fashionmnist.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.internal.CheckedModelCard;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.runtime.internal.Normalization;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code model.json}: what a trained model is and how it came to be: network, every hyperparameter, data and its
 * checksums, normalisation, the kept epoch's metrics ({@code bestEpoch}: the epoch whose parameters these are;
 * with early stopping the one with the lowest test loss), trainable parameters, device, time, versions, and the
 * fingerprint of
 * all inputs that decides whether the model is up to date.
 *
 * <p>How it came about: {@code runId} names the training run that wrote it (also in run.json beside metrics.csv),
 * {@code history} holds every epoch's metrics up to {@code epochsTrained}, {@code startFingerprint} is the
 * fingerprint of the run from scratch that a chain of resumes continued, and {@code resumedAfter} the epochs after
 * which a resumed run took over (empty for a single run). Cards written before these fields existed have them
 * {@code null}. What an application needs of it (network, classes, normalization, parameters checksum) the runtime
 * reads as its {@link CheckedModelCard}.
 */
public record ModelCard(int formatVersion, String architecture, ModelSpec model, TrainSettings hyperparameters,
                        String dataset, List<String> classNames, Map<DatasetFile, String> dataSha256,
                        int trainImages, int testImages, Normalization normalization, EpochMetrics finalMetrics,
                        int epochsTrained, int bestEpoch, long trainableParameters, String device,
                        double trainingSeconds,
                        String parametersFile, String parametersSha256, Versions versions, String fingerprint,
                        String createdAt, String runId, List<EpochMetrics> history, String startFingerprint,
                        List<Integer> resumedAfter) {

    public static final String FILE = CheckedModelCard.FILE;
    public static final String PARAMETERS_NAME = CheckedModelCard.PARAMETERS_NAME;
    public static final int FORMAT = CheckedModelCard.FORMAT;

    /**
     * {@code model.json} holds the network spec once, as {@code model}; its {@code hyperparameters} leave it out (cards
     * of plugin 0.1.0 repeat it there). Read back, the hyperparameters get the card's spec again.
     */
    public ModelCard {
        if (hyperparameters != null && hyperparameters.model() == null && model != null) {
            hyperparameters = hyperparameters.toBuilder().model(model).build();
        }
    }

    /** The software that trained the model. */
    public record Versions(String plugin, String djl, String pytorch, String java) {
    }

    /** This card with the SHA-256 of the parameters file, known once the file is written. */
    public ModelCard withParametersSha256(String sha256) {
        return toBuilder().parametersSha256(sha256).build();
    }

    /** A builder of a new card, of the current {@link #FORMAT}; every other component starts null or 0. */
    public static Builder builder() {
        return new Builder().formatVersion(FORMAT);
    }

    /** A builder that starts with every component of this card. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.formatVersion = formatVersion;
        b.architecture = architecture;
        b.model = model;
        b.hyperparameters = hyperparameters;
        b.dataset = dataset;
        b.classNames = classNames;
        b.dataSha256 = dataSha256;
        b.trainImages = trainImages;
        b.testImages = testImages;
        b.normalization = normalization;
        b.finalMetrics = finalMetrics;
        b.epochsTrained = epochsTrained;
        b.bestEpoch = bestEpoch;
        b.trainableParameters = trainableParameters;
        b.device = device;
        b.trainingSeconds = trainingSeconds;
        b.parametersFile = parametersFile;
        b.parametersSha256 = parametersSha256;
        b.versions = versions;
        b.fingerprint = fingerprint;
        b.createdAt = createdAt;
        b.runId = runId;
        b.history = history;
        b.startFingerprint = startFingerprint;
        b.resumedAfter = resumedAfter;
        return b;
    }

    /**
     * Builds a card by component name, so that no call site depends on the order of the record's 25 components: each
     * setter sets the component of its name (see the record's documentation).
     */
    public static final class Builder {
        private int formatVersion;
        private String architecture;
        private ModelSpec model;
        private TrainSettings hyperparameters;
        private String dataset;
        private List<String> classNames;
        private Map<DatasetFile, String> dataSha256;
        private int trainImages;
        private int testImages;
        private Normalization normalization;
        private EpochMetrics finalMetrics;
        private int epochsTrained;
        private int bestEpoch;
        private long trainableParameters;
        private String device;
        private double trainingSeconds;
        private String parametersFile;
        private String parametersSha256;
        private Versions versions;
        private String fingerprint;
        private String createdAt;
        private String runId;
        private List<EpochMetrics> history;
        private String startFingerprint;
        private List<Integer> resumedAfter;

        private Builder() {
        }

        public Builder formatVersion(int formatVersion) {
            this.formatVersion = formatVersion;
            return this;
        }

        public Builder architecture(String architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder model(ModelSpec model) {
            this.model = model;
            return this;
        }

        public Builder hyperparameters(TrainSettings hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        public Builder dataset(String dataset) {
            this.dataset = dataset;
            return this;
        }

        public Builder classNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        public Builder dataSha256(Map<DatasetFile, String> dataSha256) {
            this.dataSha256 = dataSha256;
            return this;
        }

        public Builder trainImages(int trainImages) {
            this.trainImages = trainImages;
            return this;
        }

        public Builder testImages(int testImages) {
            this.testImages = testImages;
            return this;
        }

        public Builder normalization(Normalization normalization) {
            this.normalization = normalization;
            return this;
        }

        public Builder finalMetrics(EpochMetrics finalMetrics) {
            this.finalMetrics = finalMetrics;
            return this;
        }

        public Builder epochsTrained(int epochsTrained) {
            this.epochsTrained = epochsTrained;
            return this;
        }

        public Builder bestEpoch(int bestEpoch) {
            this.bestEpoch = bestEpoch;
            return this;
        }

        public Builder trainableParameters(long trainableParameters) {
            this.trainableParameters = trainableParameters;
            return this;
        }

        public Builder device(String device) {
            this.device = device;
            return this;
        }

        public Builder trainingSeconds(double trainingSeconds) {
            this.trainingSeconds = trainingSeconds;
            return this;
        }

        public Builder parametersFile(String parametersFile) {
            this.parametersFile = parametersFile;
            return this;
        }

        public Builder parametersSha256(String parametersSha256) {
            this.parametersSha256 = parametersSha256;
            return this;
        }

        public Builder versions(Versions versions) {
            this.versions = versions;
            return this;
        }

        public Builder fingerprint(String fingerprint) {
            this.fingerprint = fingerprint;
            return this;
        }

        public Builder createdAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        public Builder history(List<EpochMetrics> history) {
            this.history = history;
            return this;
        }

        public Builder startFingerprint(String startFingerprint) {
            this.startFingerprint = startFingerprint;
            return this;
        }

        public Builder resumedAfter(List<Integer> resumedAfter) {
            this.resumedAfter = resumedAfter;
            return this;
        }

        public ModelCard build() {
            return new ModelCard(formatVersion, architecture, model, hyperparameters, dataset, classNames, dataSha256,
                    trainImages, testImages, normalization, finalMetrics, epochsTrained, bestEpoch,
                    trainableParameters, device, trainingSeconds, parametersFile, parametersSha256, versions,
                    fingerprint, createdAt, runId, history, startFingerprint, resumedAfter);
        }
    }

    /** Whether the model was resumed at least once. */
    public boolean resumed() {
        return resumedAfter != null && !resumedAfter.isEmpty();
    }

    /**
     * Whether this is the model of the run with {@code wanted}, or that run continued by resumes (as
     * {@code -Dfashionmnist.resume} leaves it).
     */
    public boolean isFromRun(String wanted) {
        return wanted.equals(fingerprint) || resumed() && wanted.equals(startFingerprint);
    }

    /**
     * What the diagnosis needs to know of the run that trained this model; {@code majorityShare} is the share of the
     * most frequent class among the test images (0 when not known). A card without hyperparameters gives the classes
     * only.
     */
    public RunSetup runSetup(double majorityShare) {
        int classes = model != null ? model.classCount() : classNames != null ? classNames.size() : 0;
        if (hyperparameters == null) {
            return RunSetup.ofClasses(classes, majorityShare);
        }
        TrainSettings s = hyperparameters;
        return new RunSetup(architecture, model != null ? model.hiddenLayers() : List.of(), trainImages,
                s.batchSize(), s.optimizer() != null ? s.optimizer().id() : null, s.learningRate(), epochsTrained,
                classes, majorityShare);
    }

    /**
     * Writes {@code model.json} in one style: the ids a POM uses ({@code amelie-cnn}, {@code adam}, {@code constant},
     * {@code train-images}) and the network spec once.
     */
    public void write(Path modelDirectory) throws IOException {
        JsonObject json = Json.tree(this);
        JsonElement settings = json.get("hyperparameters");
        if (settings != null && settings.isJsonObject()) {
            settings.getAsJsonObject().remove("model");
        }
        Json.writeFile(modelDirectory.resolve(FILE), json);
    }

    /**
     * Whether {@code modelDirectory} holds a complete model (its card and parameters file) of the run with
     * {@code fingerprint}, or of that run continued by resumes; {@code false} when its card cannot be read.
     */
    public static boolean upToDate(Path modelDirectory, String fingerprint) {
        try {
            ModelCard card = readIfPresent(modelDirectory);
            return card != null && card.isFromRun(fingerprint)
                    && Files.isRegularFile(ModelParameters.file(modelDirectory, PARAMETERS_NAME));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the card of a model directory; {@code null} when there is none. */
    public static ModelCard readIfPresent(Path modelDirectory) throws IOException {
        Path file = modelDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return Json.readFile(file, ModelCard.class);
    }
}
