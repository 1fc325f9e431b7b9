package dev.fashionmnist.report;

import dev.fashionmnist.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The sweep's plots: test accuracy against each varied parameter (one line per combination of the others), and the
 * test accuracy curves of all trials overlaid; plus the summary of what moved accuracy.
 */
public final class SweepPlots {
    public static final String CURVES = "sweep-curves.png";

    private SweepPlots() {
    }

    public static String parameterPlot(String name) {
        return "sweep-" + name + ".png";
    }

    public static void write(List<String> names, List<SweepTable.Row> rows, Map<String, List<EpochMetrics>> curves,
                             Path dir) throws IOException {
        for (String name : names) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (SweepTable.Row r : rows) {
                data.addValue(r.finalTestAccuracy(), others(names, name, r), r.values().get(name));
            }
            JFreeChart chart = ChartFactory.createLineChart("Test accuracy by " + name, name, "test accuracy", data,
                    PlotOrientation.VERTICAL, true, false, false);
            CategoryPlot plot = chart.getCategoryPlot();
            plot.setBackgroundPaint(java.awt.Color.WHITE);
            plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
            ((LineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
            Charts.writePng(chart, dir.resolve(parameterPlot(name)), 800, 500);
        }
        if (!curves.isEmpty()) {
            XYSeriesCollection data = new XYSeriesCollection();
            curves.forEach((id, epochs) -> {
                XYSeries s = new XYSeries(id);
                epochs.forEach(e -> s.add(e.at(), e.testAccuracy()));
                data.addSeries(s);
            });
            JFreeChart chart = ChartFactory.createXYLineChart("Test accuracy per epoch, all trials", "epoch",
                    "test accuracy", data, PlotOrientation.VERTICAL, true, false, false);
            XYPlot plot = chart.getXYPlot();
            plot.setBackgroundPaint(java.awt.Color.WHITE);
            plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
            Charts.writePng(chart, dir.resolve(CURVES), 900, 560);
        }
    }

    private static String others(List<String> names, String name, SweepTable.Row r) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            if (!n.equals(name)) {
                parts.add(n + "=" + r.values().get(n));
            }
        }
        return parts.isEmpty() ? "test accuracy" : String.join(", ", parts);
    }

    /** The log summary: the best trial, and how far each parameter moved the mean accuracy. */
    public static List<String> summary(List<String> names, List<SweepTable.Row> rows) {
        List<String> lines = new ArrayList<>();
        SweepTable.Row best = rows.stream().max(java.util.Comparator.comparingDouble(SweepTable.Row::finalTestAccuracy))
                .orElseThrow();
        lines.add(String.format(Locale.ROOT, "Best trial: %s with test accuracy %.2f%% (%s)", best.id(),
                100 * best.finalTestAccuracy(), best.diagnosis()));
        for (String name : names) {
            Map<String, double[]> byValue = new LinkedHashMap<>();
            for (SweepTable.Row r : rows) {
                double[] acc = byValue.computeIfAbsent(r.values().get(name), v -> new double[2]);
                acc[0] += r.finalTestAccuracy();
                acc[1]++;
            }
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            StringBuilder means = new StringBuilder();
            for (Map.Entry<String, double[]> e : byValue.entrySet()) {
                double mean = e.getValue()[0] / e.getValue()[1];
                min = Math.min(min, mean);
                max = Math.max(max, mean);
                means.append(String.format(Locale.ROOT, "%s%s=%s: %.2f%%", means.length() == 0 ? "" : ", ", name,
                        e.getKey(), 100 * mean));
            }
            lines.add(String.format(Locale.ROOT, "%s moves mean test accuracy by %.1f points (%s)", name,
                    100 * (max - min), means));
        }
        return lines;
    }
}
