package dev.fashionmnist.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.io.Json;
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
        return new ModelCard(formatVersion, architecture, model, hyperparameters, dataset, classNames, dataSha256,
                trainImages, testImages, normalization, finalMetrics, epochsTrained, bestEpoch, trainableParameters,
                device,
                trainingSeconds, parametersFile, sha256, versions, fingerprint, createdAt, runId, history,
                startFingerprint, resumedAfter);
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
