package dev.fashionmnist.report;

import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.evaluate.EvaluationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of misclassified test images, each titled with its true class ({@code true: Shirt}, black) above the
 * predicted one ({@code pred: T-shirt/top}, vermillion), under a legend that says so.
 */
public final class MistakesGrid {
    public static final String FILE = "misclassified.png";
    static final String LEGEND = "true: the test image's class (black)   pred: what the model predicted (red)";

    private MistakesGrid() {
    }

    public static void write(IdxImages testImages, List<EvaluationResult.Mistake> mistakes, List<String> classNames,
                             Path png) throws IOException {
        int[] indices = new int[mistakes.size()];
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < mistakes.size(); i++) {
            EvaluationResult.Mistake m = mistakes.get(i);
            indices[i] = m.index();
            titles.add(title(classNames.get(m.trueClass()), classNames.get(m.predictedClass())));
        }
        SampleGrid.write(testImages, indices, titles, LEGEND, png);
    }

    /** The two-line title of a misclassified image. */
    static String title(String trueClass, String predictedClass) {
        return "true: " + trueClass + "\npred: " + predictedClass;
    }
}
