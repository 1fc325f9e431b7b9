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
 * Classifies your own PNG or JPEG images with the trained model and writes {@code predictions.csv}.
 * <p>
 * Not bound to a phase: call it on the command line. Each image is read as grey values, fitted into the model's
 * image size (28x28 for Fashion-MNIST) keeping its aspect ratio, and inverted where needed (see {@code invert}), as
 * the runtime's {@code Classifier} does. The log shows each image's three most probable classes with their
 * probabilities, and {@code predictions.csv} in {@code outputDirectory} holds them, a row per image with the columns
 * {@code image} (its path), {@code inverted}, {@code class_1}, {@code probability_1}, {@code class_2},
 * {@code probability_2}, {@code class_3} and {@code probability_3}. The model is the one {@code train} wrote
 * ({@code modelDirectory}), or an installed one ({@code modelArtifact}).
 * <p>
 * Example: {@code mvn fashionmnist:predict -Dfashionmnist.images=photos/}
 *
 * @since 0.1.0
 */
@Mojo(name = "predict", threadSafe = true)
public class PredictMojo extends AbstractModelMojo {

    /**
     * The images to classify: a PNG or JPEG file, or a folder of them.
     * <p>
     * In a folder, the files whose names end in {@code .png}, {@code .jpg} or {@code .jpeg} (in any case) are
     * classified in name order; subfolders are not searched. A relative path is taken from the project's folder. An
     * image may have at most 16,777,216 pixels (4096x4096): a larger one is refused from its header, before it is
     * decoded. A missing path, a folder without such files, a file that is no readable image, or one too large stops
     * the goal. Required. Example: {@code -Dfashionmnist.images=photos/boot.jpg}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.images", required = true)
    File images;

    /**
     * Whether to invert the images' grey values: {@code auto}, {@code true} or {@code false}.
     * <p>
     * The datasets show light objects on black; a photo usually shows a dark object on a light background.
     * {@code auto} decides per image from its border: a light border (mean grey above half) is inverted.
     * {@code true} always inverts, {@code false} never. Case does not matter; another value stops the goal.
     * Default: {@code auto}. Example: {@code -Dfashionmnist.invert=false}.
     *
     * @since 0.1.0
     */
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
