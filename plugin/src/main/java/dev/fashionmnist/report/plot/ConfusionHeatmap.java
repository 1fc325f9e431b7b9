package dev.fashionmnist.report.plot;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The confusion matrix as a heat map: true class down, predicted class across, counts in the cells; titles and class
 * names in the reader's language.
 */
public final class ConfusionHeatmap {
    public static final String FILE = "confusion-matrix.png";
    public static final int WIDTH = 900;
    public static final int HEIGHT = 800;

    private ConfusionHeatmap() {
    }

    /** Draws {@code m} of {@code dataset} (its class names in {@code language}) into {@code png}. */
    public static void write(ConfusionMatrix m, String dataset, Path png, Language language) throws IOException {
        Charts.writePng(chart(m, dataset, language), png, WIDTH, HEIGHT, language);
    }

    public static JFreeChart chart(ConfusionMatrix m, String dataset, Language language) {
        int n = m.classCount();
        double[][] shares = new double[n][n];
        String[][] counts = new String[n][n];
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                long count = m.counts()[t][p];
                shares[t][p] = count / (double) Math.max(1, m.support(t));
                counts[t][p] = String.valueOf(count);
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            names.add(new ClassName(dataset, c, m.classNames().get(c)).in(language));
        }
        HeatmapChart heatmap = new HeatmapChart(Messages.text(language, "plot.confusion.predicted"), names,
                Messages.text(language, "plot.confusion.true"), names, shares, counts, 11);
        heatmap.columnAxis().setVerticalTickLabels(true);
        return heatmap.chart(Messages.text(language, "plot.confusion.title", m.total()));
    }
}
