package dev.fashionmnist.evaluate;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.results.ClassifiedImage;
import dev.fashionmnist.runtime.Classifier;
import dev.fashionmnist.runtime.ModelDescription;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Classifies prepared images with a trained model: the top classes with their softmax probabilities. */
public final class Predictor {
    public static final int TOP = 3;

    private Predictor() {
    }

    /**
     * Classifies the prepared images with the runtime's {@link Classifier}, as an application does: the same
     * network, normalisation and ranking, so that predict and an application give the same answer. A GPU must pass
     * its proof (logged on the console).
     */
    public static List<ClassifiedImage> predict(Path modelDirectory, List<ImageInput.Prepared> images, int gpuIndex) {
        return predict(modelDirectory, images, gpuIndex, false, BuildLog.console());
    }

    /**
     * As {@link #predict(Path, List, int)}, on a GPU once it passed its proof (a forward pass of the model's network
     * on one image, as the classifier runs them), logged to {@code log}; under {@code auto} (the {@code device}
     * parameter was {@code auto}) a GPU that is not there or fails it gives way to the CPU.
     */
    public static List<ClassifiedImage> predict(Path modelDirectory, List<ImageInput.Prepared> images, int gpuIndex,
                                                boolean auto, BuildLog log) {
        // the plugin's messages for a missing model; the runtime checks the rest
        ModelCard card = ModelCards.read(modelDirectory);
        try (Classifier classifier = Classifier.load(modelDirectory,
                ModelEvaluator.device(card.model(), 1, gpuIndex, auto, log))) {
            ModelDescription description = classifier.modelDescription();
            List<ClassifiedImage> out = new ArrayList<>();
            for (ImageInput.Prepared image : images) {
                if (image.pixels().length != description.imageRows() * description.imageColumns()) {
                    throw new ModelException(Messages.of("evaluate.predict.size", image.file(), image.pixels().length,
                            description.imageRows(), description.imageColumns()));
                }
                out.add(new ClassifiedImage(image.file().toString(), image.inverted(),
                        classifier.classify(image.pixels(), TOP)));
            }
            return out;
        }
    }
}
