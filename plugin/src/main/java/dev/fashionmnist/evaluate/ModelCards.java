package dev.fashionmnist.evaluate;

import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.runtime.ModelDescription;
import dev.fashionmnist.runtime.ModelParameters;
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
        ModelDescription.read(dir); // the runtime's checks: format, network spec, classes, normalization, SHA-256
        return card;
    }

    /** The parameters file must be exactly the one the card describes: a truncated or bit-flipped file is refused. */
    public static void checkParameters(Path dir, ModelCard card) {
        ModelParameters.checkSha256(dir, card.parametersSha256());
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
}
