package dev.fashionmnist.report;

import dev.fashionmnist.evaluate.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.Path;

/** The confusion matrix as a heat map: true class down, predicted class across, counts in the cells. */
public final class ConfusionHeatmap {
    public static final String FILE = "confusion-matrix.png";
    public static final int WIDTH = 900;
    public static final int HEIGHT = 800;

    private ConfusionHeatmap() {
    }

    public static void write(ConfusionMatrix m, Path png) throws IOException {
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
        HeatmapChart heatmap = new HeatmapChart("predicted class", m.classNames(), "true class", m.classNames(),
                shares, counts, 11);
        heatmap.columnAxis().setVerticalTickLabels(true);
        Charts.writePng(heatmap.chart("Confusion matrix (" + m.total() + " test images)"), png, WIDTH, HEIGHT);
    }
}
