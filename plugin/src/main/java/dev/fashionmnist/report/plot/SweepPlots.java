package dev.fashionmnist.report.plot;

import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.awt.Color;
import java.awt.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The sweep's plots: a heat map of test accuracy over the first two varied parameters; test and train accuracy
 * against each varied parameter (one pair of lines per combination of the others, on a log axis where the values grow
 * by factors); the learning curves of all trials as small multiples; plus the summary of what moved accuracy. All
 * worded in the reader's language.
 */
public final class SweepPlots {
    public static final String CURVES = "sweep-curves.png";
    public static final String HEATMAP = "sweep-heatmap.png";
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    private SweepPlots() {
    }

    public static String parameterPlot(String name) {
        return "sweep-" + name + ".png";
    }

    /** What the report says above the plot in {@code file}, in {@code language}. */
    public static String caption(String file, Language language) {
        if (file.equals(CURVES)) {
            return Messages.text(language, "plot.sweep.curves.caption");
        }
        if (file.equals(HEATMAP)) {
            return Messages.text(language, "plot.sweep.heatmap.caption");
        }
        return Messages.text(language, "plot.sweep.parameter.title",
                file.substring("sweep-".length(), file.length() - ".png".length()));
    }

    /** Writes the sweep's plots into {@code dir}, worded in {@code language}. */
    public static void write(List<String> names, List<SweepTable.Row> rows, Map<String, List<EpochMetrics>> curves,
                             Path dir, Language language) throws IOException {
        for (String name : names) {
            Charts.writePng(parameterChart(name, names, rows, curves, language), dir.resolve(parameterPlot(name)),
                    WIDTH, HEIGHT, language);
        }
        Path heatmap = dir.resolve(HEATMAP);
        if (names.size() >= 2) {
            Charts.writePng(heatmapChart(names, rows, language), heatmap, WIDTH, HEIGHT, language);
        } else {
            Files.deleteIfExists(heatmap);
        }
        if (!curves.isEmpty()) {
            Charts.writePng(TrialCurves.draw(curves, language), dir.resolve(CURVES), TrialCurves.title(language),
                    language);
        }
    }

    /** Test accuracy (solid) and train accuracy of the last epoch (dashed) against {@code name}. */
    public static JFreeChart parameterChart(String name, List<String> names, List<SweepTable.Row> rows,
                                     Map<String, List<EpochMetrics>> curves, Language language) {
        ParameterAxis axis = ParameterAxis.of(rows.stream().map(r -> r.values().get(name)).toList());
        Map<String, List<SweepTable.Row>> groups = new LinkedHashMap<>();
        for (SweepTable.Row r : rows) {
            groups.computeIfAbsent(others(names, name, r), k -> new ArrayList<>()).add(r);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int k = 0;
        for (Map.Entry<String, List<SweepTable.Row>> group : groups.entrySet()) {
            String suffix = group.getKey().isEmpty() ? "" : ", " + group.getKey();
            XYSeries test = new XYSeries(Messages.text(language, "plot.test") + suffix);
            XYSeries train = new XYSeries(Messages.text(language, "plot.train") + suffix);
            for (SweepTable.Row r : group.getValue()) {
                double x = axis.position(r.values().get(name));
                test.add(x, r.finalTestAccuracy());
                List<EpochMetrics> epochs = curves.get(r.id());
                if (epochs != null && !epochs.isEmpty()) {
                    train.add(x, epochs.get(epochs.size() - 1).trainAccuracy());
                }
            }
            int s = data.getSeriesCount();
            data.addSeries(test);
            data.addSeries(train);
            boolean single = groups.size() == 1;
            Color colour = single ? Charts.TEST : Charts.PALETTE[k % Charts.PALETTE.length];
            Shape shape = single ? Charts.TEST_MARKER
                    : Charts.SHAPES[k / Charts.PALETTE.length % Charts.SHAPES.length];
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesStroke(s, Charts.LINE);
            renderer.setSeriesShape(s, shape);
            renderer.setSeriesPaint(s + 1, single ? Charts.TRAIN : colour);
            renderer.setSeriesStroke(s + 1, Charts.DASHED);
            renderer.setSeriesShape(s + 1, single ? Charts.SHAPES[0] : shape);
            renderer.setSeriesShapesFilled(s + 1, false);
            k++;
        }
        NumberAxis accuracy = Charts.valueAxis(Messages.text(language, "plot.accuracy.axis"), language);
        accuracy.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, axis.axis(name, language), accuracy, renderer);
        Charts.plain(plot);
        JFreeChart chart = new JFreeChart(Messages.text(language, "plot.sweep.parameter.title", name),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(Messages.text(language, "plot.sweep.parameter.subtitle"),
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12)));
        return chart;
    }

    /**
     * Test accuracy over the first two parameters: rows the first, columns the second, the mean over any further
     * parameters in each cell, the best cell framed.
     */
    public static JFreeChart heatmapChart(List<String> names, List<SweepTable.Row> rows, Language language) {
        String down = names.get(0);
        String across = names.get(1);
        ParameterAxis rowAxis = ParameterAxis.of(rows.stream().map(r -> r.values().get(down)).toList());
        ParameterAxis columnAxis = ParameterAxis.of(rows.stream().map(r -> r.values().get(across)).toList());
        int height = rowAxis.values().size();
        int width = columnAxis.values().size();
        double[][] sums = new double[height][width];
        int[][] counts = new int[height][width];
        for (SweepTable.Row r : rows) {
            int i = rowAxis.values().indexOf(r.values().get(down));
            int j = columnAxis.values().indexOf(r.values().get(across));
            sums[i][j] += r.finalTestAccuracy();
            counts[i][j]++;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int bestRow = 0;
        int bestColumn = 0;
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                if (counts[i][j] > 0) {
                    double mean = sums[i][j] / counts[i][j];
                    min = Math.min(min, mean);
                    if (mean > max) {
                        max = mean;
                        bestRow = i;
                        bestColumn = j;
                    }
                }
            }
        }
        double[][] shades = new double[height][width];
        String[][] texts = new String[height][width];
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                if (counts[i][j] == 0) {
                    shades[i][j] = Double.NaN;
                    continue;
                }
                double mean = sums[i][j] / counts[i][j];
                // the worst cell pale blue, the best deep blue: every cell visibly filled
                shades[i][j] = max > min ? 0.2 + 0.8 * (mean - min) / (max - min) : 0.6;
                double percent = Numbers.rounded(100 * mean, 1).doubleValue();
                texts[i][j] = i == bestRow && j == bestColumn
                        ? Messages.text(language, "plot.sweep.heatmap.best", percent)
                        : Messages.text(language, "plot.sweep.heatmap.cell", percent);
            }
        }
        List<String> further = names.subList(2, names.size());
        String title = further.isEmpty() ? Messages.text(language, "plot.sweep.heatmap.title", down, across)
                : Messages.text(language, "plot.sweep.heatmap.title.mean", down, across, String.join(", ", further));
        return new HeatmapChart(columnAxis.cellsLabel(across, language), columnAxis.values(),
                rowAxis.cellsLabel(down, language), rowAxis.values(), shades, texts, 14).mark(bestRow, bestColumn)
                .chart(title);
    }

    private static String others(List<String> names, String name, SweepTable.Row r) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            if (!n.equals(name)) {
                parts.add(n + "=" + r.values().get(n));
            }
        }
        return String.join(", ", parts);
    }

    /**
     * The log summary in {@code language}: the best trial, and how far each parameter moved the mean accuracy (the
     * best trial's diagnosis as the sweep table recorded it).
     */
    public static List<String> summary(List<String> names, List<SweepTable.Row> rows, Language language) {
        List<String> lines = new ArrayList<>();
        SweepTable.Row best = rows.stream().max(Comparator.comparingDouble(SweepTable.Row::finalTestAccuracy))
                .orElseThrow();
        lines.add(Messages.text(language, "plot.sweep.summary.best", best.id(),
                Numbers.rounded(100 * best.finalTestAccuracy(), 2), Diagnosis.verdictText(best.diagnosis())));
        for (String name : names) {
            Map<String, double[]> byValue = new LinkedHashMap<>();
            for (SweepTable.Row r : rows) {
                double[] acc = byValue.computeIfAbsent(r.values().get(name), v -> new double[2]);
                acc[0] += r.finalTestAccuracy();
                acc[1]++;
            }
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            List<String> means = new ArrayList<>();
            for (Map.Entry<String, double[]> e : byValue.entrySet()) {
                double mean = e.getValue()[0] / e.getValue()[1];
                min = Math.min(min, mean);
                max = Math.max(max, mean);
                means.add(Messages.text(language, "plot.sweep.summary.mean", name, e.getKey(),
                        Numbers.rounded(100 * mean, 2)));
            }
            lines.add(Messages.text(language, "plot.sweep.summary.parameter", name,
                    Numbers.rounded(100 * (max - min), 1), String.join(", ", means)));
        }
        return lines;
    }
}
