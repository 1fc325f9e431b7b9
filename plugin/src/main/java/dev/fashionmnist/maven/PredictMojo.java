package dev.fashionmnist.maven;

import dev.fashionmnist.engine.EngineChoice;
import dev.fashionmnist.evaluate.ImageInput;
import dev.fashionmnist.evaluate.ModelCards;
import dev.fashionmnist.evaluate.PredictJob;
import dev.fashionmnist.evaluate.Predictor;
import dev.fashionmnist.fork.ForkMain;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.csv.PredictionsCsv;
import dev.fashionmnist.results.ClassifiedImage;
import dev.fashionmnist.results.Predictions;
import dev.fashionmnist.runtime.internal.ImagePreparation;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Classifies your own PNG or JPEG images with the trained model: grey values, fitted into the model's image size
 * keeping the aspect ratio, inverted where needed, then the top three classes with probabilities in the log and in
 * {@code predictions.csv}.
 */
@Mojo(name = "predict", threadSafe = true)
public class PredictMojo extends AbstractModelMojo {

    /** A PNG or JPEG file, or a folder of them. */
    @Parameter(property = "fashionmnist.images", required = true)
    File images;

    /** auto (decide from the image border: a light background is inverted), true or false. */
    @Parameter(property = "fashionmnist.invert", defaultValue = "auto")
    String invert;

    @Override
    void run(BuildLog log) throws MojoExecutionException {
        ImagePreparation.Invert mode = ImageInput.parseInvert(invert);
        Path out = outputDirectory.toPath();
        Path modelDir = modelDirectory(out);
        ModelCard card = ModelCards.read(modelDir);
        ModelCards.checkParameters(modelDir, card);
        List<ImageInput.Prepared> prepared = new ArrayList<>();
        for (Path file : ImageInput.find(images.toPath())) {
            prepared.add(ImageInput.prepare(file, card.model().imageRows(), card.model().imageColumns(), mode));
        }
        EngineChoice engine = engineChoice();
        try {
            Files.createDirectories(out);
            Path resultFile = out.resolve(".predict-result.json").toAbsolutePath();
            fork(log, engine, ForkMain.PREDICT, new PredictJob(modelDir.toAbsolutePath(), prepared, engine.gpuIndex(),
                    engine.auto(), resultFile), out.resolve(".predict-job.json"), progressOutput(log));
            List<ClassifiedImage> classified = Json.readFile(resultFile, Predictions.class).images();
            Files.deleteIfExists(resultFile);
            log.info(Messages.of("maven.predict.heading", card.model().describe(), card.dataset()));
            for (ClassifiedImage image : classified) {
                log.info("  " + PredictionsCsv.logLine(image, log.language(), card.dataset()));
            }
            PredictionsCsv.write(classified, Predictor.TOP, out.resolve(PredictionsCsv.FILE));
            log.info(Messages.of("maven.predict.written", out.resolve(PredictionsCsv.FILE)));
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.predict.cannotWrite", out, e));
        }
    }
}
