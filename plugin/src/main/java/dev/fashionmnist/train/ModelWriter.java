package dev.fashionmnist.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.engine.Devices;
import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the model directory of a finished run: the kept model's parameters file (the network's current parameters or
 * their weight average, as the kept row says, or those of the checkpoint early stopping kept), and {@code model.json},
 * the card of the plan, the kept epoch's metrics, versions and the parameters' checksum. The directory is made beside
 * the old one and replaces it in one rename, which a cancelled run never does.
 */
final class ModelWriter {
    private final RunPlan plan;
    private final Cancellation cancellation;

    ModelWriter(RunPlan plan, Cancellation cancellation) {
        this.plan = plan;
        this.cancellation = cancellation;
    }

    /**
     * Writes the model that {@code state} keeps, from {@code model} or a checkpoint; returns its card.
     *
     * @param trainableParameters the network's trainable parameter count
     * @param seconds             how long the run took so far
     */
    ModelCard write(Model model, TrainingState state, long trainableParameters, double seconds) throws IOException {
        return write(model, state, card(state, trainableParameters, seconds));
    }

    /** The card of the kept model, without the parameters' checksum. */
    ModelCard card(TrainingState state, long trainableParameters, double seconds) {
        TrainJob job = plan.job();
        TrainSettings s = plan.settings();
        ModelSpec spec = plan.spec();
        EpochMetrics kept = state.kept();
        return ModelCard.builder()
                .architecture(spec.architecture().id())
                .model(spec)
                .hyperparameters(s)
                .dataset(job.datasetName())
                .classNames(job.classNames())
                .dataSha256(job.dataSha256())
                .trainImages(plan.imagesUsed())
                .testImages(plan.testCount())
                .normalization(plan.normalization())
                .finalMetrics(kept)
                .epochsTrained(state.trainedEpoch())
                .bestEpoch(kept.epoch())
                .trainableParameters(trainableParameters)
                .device(Devices.name(plan.device()))
                .trainingSeconds(seconds)
                .parametersFile(ModelParameters.file(Path.of(""), ModelCard.PARAMETERS_NAME).toString())
                .versions(versions(job.pluginVersion(), plan.engine()))
                .fingerprint(job.fingerprint())
                .createdAt(Instant.now().toString())
                .runId(plan.status().runId())
                .history(List.copyOf(state.history()))
                .startFingerprint(plan.startFingerprint())
                .resumedAfter(plan.resumedAfter())
                .build();
    }

    /**
     * Writes the model directory with the kept row's weights: the network's current parameters or their average (as
     * the row says), or those of the checkpoint early stopping kept: its parameters, or its average put into the
     * run's average first.
     */
    private ModelCard write(Model model, TrainingState state, ModelCard card) throws IOException {
        Path best = state.keptParameters();
        boolean averaged = state.kept().averaged() && state.average() != null;
        Path target = plan.job().modelDirectory();
        Files.createDirectories(target.getParent());
        Path temp = AtomicFiles.tempDirectoryFor(target);
        try {
            if (best != null && averaged) {
                Checkpoints.readAverage(best, state.average(), model.getNDManager());
                state.average().saveParameters(temp, model);
            } else if (best != null) {
                Files.copy(ModelParameters.file(best, ModelCard.PARAMETERS_NAME),
                        ModelParameters.file(temp, ModelCard.PARAMETERS_NAME));
            } else if (averaged) {
                state.average().saveParameters(temp, model);
            } else {
                model.setProperty("Epoch", "0");
                model.save(temp, ModelCard.PARAMETERS_NAME);
            }
            ModelCard complete = card.withParametersSha256(
                    Digests.sha256(ModelParameters.file(temp, ModelCard.PARAMETERS_NAME)));
            complete.write(temp);
            cancellation.commit(() -> AtomicFiles.replaceDirectory(temp, target));
            return complete;
        } finally {
            AtomicFiles.deleteTree(temp);
        }
    }

    /** The software that trains: this plugin, DJL, PyTorch and Java. */
    static ModelCard.Versions versions(String pluginVersion, Engine engine) {
        return new ModelCard.Versions(pluginVersion, Engine.getDjlVersion(), engine.getVersion(),
                System.getProperty("java.version"));
    }
}
