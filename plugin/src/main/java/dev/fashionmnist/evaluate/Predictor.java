package dev.fashionmnist.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.train.Normalization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Classifies prepared images with a trained model: the top classes with their softmax probabilities. */
public final class Predictor {
    public static final int TOP = 3;

    private Predictor() {
    }

    public static List<Prediction> predict(Path modelDirectory, List<ImageInput.Prepared> images, int gpuIndex) {
        try (ModelEvaluator.OpenModel open = ModelEvaluator.open(modelDirectory, gpuIndex)) {
            ModelCard card = open.card();
            int rows = card.model().imageRows();
            int columns = card.model().imageColumns();
            Normalization norm = card.normalization();
            List<Prediction> out = new ArrayList<>();
            try (NDManager manager = open.model().getNDManager().newSubManager(open.device())) {
                ParameterStore store = new ParameterStore(manager, false);
                for (ImageInput.Prepared image : images) {
                    if (image.pixels().length != rows * columns) {
                        throw new ModelException(image.file() + " was prepared as " + image.pixels().length
                                + " pixels, the model takes " + rows + "x" + columns);
                    }
                    float[] x = norm.apply(image.pixels(), rows * columns, new int[] {0});
                    try (NDManager batch = manager.newSubManager()) {
                        NDArray input = batch.create(x, new Shape(1, 1, rows, columns));
                        NDArray logits = open.block().forward(store, new NDList(input), false).singletonOrThrow();
                        logits.attach(batch);
                        float[] p = logits.softmax(1).toFloatArray();
                        List<Prediction.Ranked> top = IntStream.range(0, p.length).boxed()
                                .sorted(Comparator.comparingDouble((Integer c) -> -p[c]).thenComparing(c -> c))
                                .limit(Math.min(TOP, p.length))
                                .map(c -> new Prediction.Ranked(c, card.classNames().get(c), p[c]))
                                .toList();
                        out.add(new Prediction(image.file().toString(), image.inverted(), top));
                    }
                }
            }
            return out;
        }
    }
}
