package dev.fashionmnist.evaluate;

import dev.fashionmnist.data.Digests;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.model.Architecture;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.model.ModelParameters;
import dev.fashionmnist.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a model directory's {@code model.json} for evaluation and checks that it is complete and consistent, that
 * the parameters file is the one it describes (SHA-256), and that the model fits the data it is evaluated on.
 */
public final class ModelCards {
    private ModelCards() {
    }

    /** The card of {@code dir}, checked field by field; a missing directory or card says how to get a model. */
    public static ModelCard read(Path dir) {
        Path file = dir.resolve(ModelCard.FILE);
        if (Files.isRegularFile(dir)) {
            throw new ModelException(dir + " is a file, expected a model directory (holding " + ModelCard.FILE
                    + " and the parameters file, as the train goal writes it)");
        }
        if (Files.isDirectory(file)) {
            throw new ModelException(file + " is a directory, expected the model card file " + ModelCard.FILE
                    + " that the train goal writes; retrain with 'mvn fashionmnist:train -Dfashionmnist.force'");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelException("No trained model in " + dir + " (" + ModelCard.FILE + " is missing): run "
                    + "'mvn fashionmnist:train' first or bind the train goal before evaluate, or point "
                    + "'modelDirectory' at a model, or 'modelArtifact' at an installed one (groupId:artifactId:version)");
        }
        ModelCard card;
        try {
            card = ModelCard.readIfPresent(dir);
        } catch (IOException e) {
            throw new ModelException(e.getMessage() + ": retrain with 'mvn fashionmnist:train -Dfashionmnist.force'");
        }
        check(card != null && card.formatVersion() == ModelCard.FORMAT, file, "formatVersion",
                "must be " + ModelCard.FORMAT);
        ModelSpec spec = card.model();
        check(spec != null && spec.architecture() != null, file, "model", "is missing or names no architecture");
        check(card.architecture() != null && card.architecture().equals(spec.architecture().id()), file,
                "architecture", "is '" + card.architecture() + "' but the network spec is "
                        + spec.architecture().id() + " (one of " + Architecture.validIds() + ")");
        check(spec.imageRows() > 0 && spec.imageColumns() > 0 && spec.classCount() >= 2, file, "model",
                "needs positive image sizes and at least 2 classes");
        check(spec.architecture() != Architecture.MLP || (spec.hiddenLayers() != null && !spec.hiddenLayers().isEmpty()
                && spec.hiddenLayers().stream().allMatch(h -> h != null && h > 0)), file, "model.hiddenLayers",
                "must list the positive hidden layer sizes of the mlp");
        check(spec.architecture() != Architecture.RESNET || (spec.resnetBlocks() != null
                && spec.resnetBlocks().size() == 3 && spec.resnetBlocks().stream().allMatch(b -> b != null && b > 0)),
                file, "model.resnetBlocks", "must list three positive block counts");
        check(card.classNames() != null && card.classNames().size() == spec.classCount(), file, "classNames",
                "must name the model's " + spec.classCount() + " classes");
        check(card.normalization() != null && card.normalization().std() > 0
                && Double.isFinite(card.normalization().mean()), file, "normalization",
                "must give the training images' mean and a positive standard deviation");
        check(card.parametersSha256() != null && card.parametersSha256().matches("[0-9a-f]{64}"), file,
                "parametersSha256", "must be the SHA-256 of the parameters file (64 hex digits)");
        return card;
    }

    /** The parameters file must be exactly the one the card describes: a truncated or bit-flipped file is refused. */
    public static void checkParameters(Path dir, ModelCard card) {
        Path params = ModelParameters.file(dir, ModelCard.PARAMETERS_NAME);
        ModelParameters.requireFile(params);
        String actual;
        try {
            actual = Digests.sha256(params);
        } catch (IOException e) {
            throw new ModelException(params + " cannot be read: " + e.getMessage());
        }
        if (!actual.equals(card.parametersSha256())) {
            throw new ModelException(params + " is damaged or was replaced: its SHA-256 is " + actual + ", "
                    + ModelCard.FILE + " says " + card.parametersSha256() + "; retrain with "
                    + "'mvn fashionmnist:train -Dfashionmnist.force'");
        }
    }

    /** The model must have been trained for this dataset's classes and image size. */
    public static void checkFits(ModelCard card, LoadedDataset data, Path dir) {
        if (!card.classNames().equals(data.classNames())) {
            throw new ModelException("The model in " + dir + " was trained on " + card.dataset() + " with classes "
                    + card.classNames() + ", but the test data (" + data.spec().name() + ") has classes "
                    + data.classNames() + ": set 'dataset' to the model's dataset");
        }
        if (card.model().imageRows() != data.testImages().rows()
                || card.model().imageColumns() != data.testImages().columns()) {
            throw new ModelException("The model in " + dir + " takes " + card.model().imageRows() + "x"
                    + card.model().imageColumns() + " images, the test images are " + data.testImages().rows() + "x"
                    + data.testImages().columns());
        }
    }

    private static void check(boolean ok, Path file, String field, String what) {
        if (!ok) {
            throw new ModelException(file + ": field '" + field + "' " + what
                    + "; the file was edited or comes from another tool: retrain with "
                    + "'mvn fashionmnist:train -Dfashionmnist.force'");
        }
    }
}
