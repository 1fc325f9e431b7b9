package dev.fashionmnist.report;

import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.evaluate.EvaluationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A grid of misclassified test images, each titled "true → predicted". */
public final class MistakesGrid {
    public static final String FILE = "misclassified.png";

    private MistakesGrid() {
    }

    public static void write(IdxImages testImages, List<EvaluationResult.Mistake> mistakes, List<String> classNames,
                             Path png) throws IOException {
        int[] indices = new int[mistakes.size()];
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < mistakes.size(); i++) {
            EvaluationResult.Mistake m = mistakes.get(i);
            indices[i] = m.index();
            titles.add(classNames.get(m.trueClass()) + " \u2192 " + classNames.get(m.predictedClass()));
        }
        SampleGrid.write(testImages, indices, titles, png);
    }
}
