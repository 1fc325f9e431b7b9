package dev.fashionmnist.evaluate;

import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.runtime.internal.CheckedModelCard;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.text.Messages;
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
            throw new ModelException(Messages.of("evaluate.card.isFile", dir, ModelCard.FILE));
        }
        if (Files.isDirectory(file)) {
            throw new ModelException(Messages.of("evaluate.card.isDirectory", file, ModelCard.FILE));
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelException(Messages.of("evaluate.card.missing", dir, ModelCard.FILE));
        }
        ModelCard card;
        try {
            card = ModelCard.readIfPresent(dir);
        } catch (IOException e) {
            throw new ModelException(Messages.of("evaluate.card.unreadable", e));
        }
        CheckedModelCard.read(dir); // the runtime's checks: format, network spec, classes, normalization, SHA-256
        return card;
    }

    /** The parameters file must be exactly the one the card describes: a truncated or bit-flipped file is refused. */
    public static void checkParameters(Path dir, ModelCard card) {
        ModelParameters.checkSha256(dir, card.parametersSha256());
    }

    /** The model must have been trained for this dataset's classes and image size. */
    public static void checkFits(ModelCard card, LoadedDataset data, Path dir) {
        if (!card.classNames().equals(data.classNames())) {
            throw new ModelException(Messages.of("evaluate.card.otherClasses", dir, card.dataset(),
                    card.classNames(), data.spec().name(), data.classNames()));
        }
        if (card.model().imageRows() != data.testImages().rows()
                || card.model().imageColumns() != data.testImages().columns()) {
            throw new ModelException(Messages.of("evaluate.card.otherSize", dir, card.model().imageRows(),
                    card.model().imageColumns(), data.testImages().rows(), data.testImages().columns()));
        }
    }
}
