package dev.fashionmnist.report.plot;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of misclassified test images, each titled with its true class ({@code true: Shirt}, black) above the
 * predicted one ({@code pred: T-shirt/top}, vermillion), under a legend that says so (the PNG's title); in German
 * {@code wahr: Hemd} above {@code erkannt: T-Shirt/Top}.
 */
public final class MistakesGrid {
    public static final String FILE = "misclassified.png";

    private MistakesGrid() {
    }

    /** Draws {@code mistakes} among {@code testImages} of {@code dataset}, worded in {@code language}. */
    public static void write(IdxImages testImages, List<EvaluationResult.Mistake> mistakes, List<String> classNames,
                             String dataset, Path png, Language language) throws IOException {
        int[] indices = new int[mistakes.size()];
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < mistakes.size(); i++) {
            EvaluationResult.Mistake m = mistakes.get(i);
            indices[i] = m.index();
            titles.add(title(language,
                    new ClassName(dataset, m.trueClass(), classNames.get(m.trueClass())).in(language),
                    new ClassName(dataset, m.predictedClass(), classNames.get(m.predictedClass())).in(language)));
        }
        String legend = legend(language);
        SampleGrid.write(testImages, indices, titles, legend, legend, png, language);
    }

    /** The line above the grid that says what the titles mean; also the PNG's title. */
    static String legend(Language language) {
        return Messages.text(language, "plot.mistakes.legend");
    }

    /** The two-line title of a misclassified image, the class names already in {@code language}. */
    public static String title(Language language, String trueClass, String predictedClass) {
        return Messages.text(language, "plot.mistakes.image", trueClass, predictedClass);
    }
}
