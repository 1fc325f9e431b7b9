package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.List;

/** The notebook's "Form der Trainingsdaten": the shapes of the four arrays and the class names, as log lines. */
public final class DatasetOverview {
    private DatasetOverview() {
    }

    /** The lines in English. */
    public static List<String> lines(LoadedDataset data) {
        return lines(data, Language.ENGLISH);
    }

    /** The lines in {@code language}; Fashion-MNIST's class names in German for a German reader. */
    public static List<String> lines(LoadedDataset data, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(Messages.text(language, "data.overview.train", data.trainImages().shape(),
                data.trainLabels().count()));
        lines.add(Messages.text(language, "data.overview.test", data.testImages().shape(), data.testLabels().count()));
        StringBuilder classes = new StringBuilder();
        for (int i = 0; i < data.classNames().size(); i++) {
            classes.append(i == 0 ? " " : ", ").append(i).append(' ')
                    .append(new ClassName(data.spec().name(), i, data.classNames().get(i)).in(language));
        }
        lines.add(Messages.text(language, "data.overview.classes", data.classNames().size(), classes));
        return lines;
    }
}
