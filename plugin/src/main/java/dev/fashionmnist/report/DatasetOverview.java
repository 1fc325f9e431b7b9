package dev.fashionmnist.report;

import dev.fashionmnist.data.LoadedDataset;
import java.util.ArrayList;
import java.util.List;

/** The notebook's "Form der Trainingsdaten": the shapes of the four arrays and the class names, as log lines. */
public final class DatasetOverview {
    private DatasetOverview() {
    }

    public static List<String> lines(LoadedDataset data) {
        List<String> lines = new ArrayList<>();
        lines.add("train images: " + data.trainImages().shape() + ", train labels: " + data.trainLabels().count());
        lines.add("test images:  " + data.testImages().shape() + ", test labels:  " + data.testLabels().count());
        StringBuilder classes = new StringBuilder("classes (" + data.classNames().size() + "):");
        for (int i = 0; i < data.classNames().size(); i++) {
            classes.append(i == 0 ? " " : ", ").append(i).append(' ').append(data.classNames().get(i));
        }
        lines.add(classes.toString());
        return lines;
    }
}
