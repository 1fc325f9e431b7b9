package dev.fashionmnist.report;

import static dev.fashionmnist.testing.PlotPixels.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.plot.Charts;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.report.plot.ParameterAxis;
import dev.fashionmnist.report.plot.SweepPlots;
import dev.fashionmnist.report.plot.TrialCurves;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.PlotPixels;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures that answer "what does quality depend on?" checked by their pixels: the heat map's cells, values and
 * best cell; the per-parameter plot's series and its log axis; the small multiples of 1-epoch trials; whole-number
 * epoch ticks and single-epoch markers in the learning curves.
 */
class SweepPicturesTest {
    private static final List<String> HIDDEN = List.of("2", "8", "32", "128");
    private static final List<String> TRAIN = List.of("1000", "10000");

    @TempDir
    Path dir;

    /** hiddenSize x trainSize, 4 x 2; accuracy grows with both, the best is hiddenSize 32 with 10000 images. */
    private static List<SweepTable.Row> grid() {
        List<SweepTable.Row> rows = new ArrayList<>();
        double[][] accuracy = {{0.61, 0.66}, {0.72, 0.78}, {0.80, 0.86}, {0.79, 0.84}};
        for (int h = 0; h < HIDDEN.size(); h++) {
            for (int t = 0; t < TRAIN.size(); t++) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put("trainSize", TRAIN.get(t));
                values.put("hiddenSize", HIDDEN.get(h));
                rows.add(SweepTable.Row.builder().trial(rows.size() + 1)
                        .id("trainSize-" + TRAIN.get(t) + "_hiddenSize-" + HIDDEN.get(h)).values(values)
                        .finalTestAccuracy(accuracy[h][t]).bestTestAccuracy(accuracy[h][t]).testLoss(0.5)
                        .trainableParameters(1000).trainingSeconds(3.0).diagnosis("healthy").build());
            }
        }
        rows.sort(java.util.Comparator.comparing(r -> r.values().get("trainSize").length()));
        return rows;
    }

    private static List<EpochMetrics> epochs(double... at) {
        List<EpochMetrics> list = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            list.add(EpochMetrics.builder().epoch((int) Math.round(at[i])).trainLoss(0.9 - 0.1 * i)
                    .trainAccuracy(0.70 + 0.04 * i).testLoss(0.8 - 0.05 * i).testAccuracy(0.68 + 0.03 * i)
                    .learningRate(0.01).epochSeconds(1.0).trainImagesPerSecond(1000).build());
        }
        return list;
    }

    private static Map<String, List<EpochMetrics>> oneEpochCurves(List<SweepTable.Row> rows) {
        Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
        for (SweepTable.Row r : rows) {
            // the second trial's train and test accuracy are equal: both markers must still show
            double gap = curves.size() == 1 ? 0 : 0.05;
            curves.put(r.id(), List.of(EpochMetrics.builder().epoch(1).trainLoss(0.5)
                    .trainAccuracy(r.finalTestAccuracy() + gap).testLoss(0.6).testAccuracy(r.finalTestAccuracy())
                    .learningRate(0.01).epochSeconds(1.0).trainImagesPerSecond(1000).build()));
        }
        return curves;
    }

    /** Copies the pictures to target/pictures when -Dpictures.keep is set, to look at them. */
    private void keep(String... names) throws Exception {
        keepAs("", names);
    }

    /** {@link #keep}, each copy's name beginning with {@code prefix} (e.g. "de-" for the German pictures). */
    private void keepAs(String prefix, String... names) throws Exception {
        if (System.getProperty("pictures.keep") != null) {
            Path to = Files.createDirectories(Path.of("target/pictures"));
            for (String name : names) {
                Files.copy(dir.resolve(name), to.resolve(prefix + name),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Color centre(BufferedImage img, Rectangle cell) {
        // a little off the centre, where the value's text is
        return new Color(img.getRGB(cell.x + cell.width / 8, cell.y + cell.height / 8));
    }

    @Test
    void heatmapShowsEveryCellItsValueAndFramesTheBest() throws Exception {
        List<String> names = List.of("hiddenSize", "trainSize");
        SweepPlots.write(names, grid(), oneEpochCurves(grid()), dir, Language.ENGLISH);
        keep(SweepPlots.HEATMAP, SweepPlots.CURVES);
        BufferedImage img = PlotPixels.read(dir.resolve(SweepPlots.HEATMAP));
        assertEquals(SweepPlots.WIDTH, img.getWidth());
        assertEquals(SweepPlots.HEIGHT, img.getHeight());
        Rectangle area = PlotPixels.plotArea(SweepPlots.heatmapChart(names, grid(), Language.ENGLISH), SweepPlots.WIDTH,
                SweepPlots.HEIGHT);
        int rows = HIDDEN.size();
        int columns = TRAIN.size();
        List<Color> fills = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                Rectangle cell = new Rectangle(area.x + c * area.width / columns, area.y + r * area.height / rows,
                        area.width / columns, area.height / rows);
                Color fill = centre(img, cell);
                assertFalse(fill.equals(Color.WHITE), "cell " + r + "," + c + " is filled");
                assertTrue(fill.getBlue() > fill.getRed(), "cell " + r + "," + c + " is a shade of blue: " + fill);
                fills.add(fill);
                Rectangle middle = new Rectangle(cell.x + cell.width / 4, cell.y + cell.height / 3, cell.width / 2,
                        cell.height / 3);
                long text = middle.width * (long) middle.height - count(img, middle, fill, 8);
                assertTrue(text > 40, "cell " + r + "," + c + " shows its value: " + text + " text pixels");
                long frame = count(img, cell, Charts.BEST, 10);
                if (r == 2 && c == 1) {
                    assertTrue(frame > 500, "the best cell (hiddenSize 32, trainSize 10000) is framed: " + frame);
                } else {
                    assertEquals(0, frame, "cell " + r + "," + c + " is not framed");
                }
            }
        }
        assertEquals(fills.size(), fills.stream().distinct().count(), "eight accuracies, eight shades: " + fills);
        // the darkest cell is the best one, the palest the worst (hiddenSize 2, trainSize 1000)
        Color best = fills.get(2 * columns + 1);
        Color worst = fills.get(0);
        assertTrue(best.getRed() + best.getGreen() < worst.getRed() + worst.getGreen(), best + " vs " + worst);
        // rows are hiddenSize in ascending order, whatever order the grid ran in
        List<PlotPixels.Label> columnLabels = PlotPixels.tickLabels(img, area, 14);
        assertEquals(2, columnLabels.size(), "two column labels: " + columnLabels);
        PlotPixels.assertDistinct(columnLabels, "heat map columns");
    }

    @Test
    void heatmapOnlyForTwoOrMoreParametersAndAStaleOneGoes() throws Exception {
        SweepPlots.write(List.of("hiddenSize", "trainSize"), grid(), Map.of(), dir, Language.ENGLISH);
        assertTrue(Files.isRegularFile(dir.resolve(SweepPlots.HEATMAP)));
        SweepPlots.write(List.of("hiddenSize"), grid(), Map.of(), dir, Language.ENGLISH);
        assertFalse(Files.exists(dir.resolve(SweepPlots.HEATMAP)), "a one-parameter sweep has no heat map");
    }

    @Test
    void heatmapAxesSayTheStepsAreFactors() {
        assertEquals("hiddenSize (\u00d74 per step)",
                ParameterAxis.of(HIDDEN).cellsLabel("hiddenSize", Language.ENGLISH));
        assertEquals("trainSize (\u00d710, \u00d76)", ParameterAxis.of(List.of("1000", "10000", "60000"))
                .cellsLabel("trainSize", Language.ENGLISH));
        assertEquals("architecture",
                ParameterAxis.of(List.of("mlp", "net")).cellsLabel("architecture", Language.ENGLISH));
    }

    @Test
    void valuesThatGrowByFactorsGoOnALogAxis() {
        assertEquals(ParameterAxis.Scale.LOG, ParameterAxis.of(List.of("128", "2", "32", "8")).scale());
        assertEquals(List.of("2", "8", "32", "128"), ParameterAxis.of(List.of("128", "2", "32", "8")).values());
        assertEquals(ParameterAxis.Scale.LOG, ParameterAxis.of(List.of("0.001", "0.01", "0.1")).scale());
        assertEquals(ParameterAxis.Scale.LINEAR, ParameterAxis.of(List.of("100", "200", "300")).scale());
        assertEquals(ParameterAxis.Scale.LINEAR, ParameterAxis.of(List.of("0", "10", "100")).scale());
        assertEquals(ParameterAxis.Scale.LINEAR, ParameterAxis.of(List.of("2", "3")).scale());
        assertEquals(ParameterAxis.Scale.CATEGORIES, ParameterAxis.of(List.of("mlp", "net", "resnet")).scale());
        assertEquals(List.of("net", "mlp"), ParameterAxis.of(List.of("net", "mlp", "net")).values());
    }

    @Test
    void parameterPlotDrawsTestAndTrainOnALogAxisLabelledWithTheValues() throws Exception {
        List<String> names = List.of("hiddenSize");
        List<SweepTable.Row> rows = grid().stream().filter(r -> r.values().get("trainSize").equals("1000")).toList();
        SweepPlots.write(names, rows, oneEpochCurves(rows), dir, Language.ENGLISH);
        keep(SweepPlots.parameterPlot("hiddenSize"));
        BufferedImage img = PlotPixels.read(dir.resolve(SweepPlots.parameterPlot("hiddenSize")));
        Rectangle area = PlotPixels.plotArea(SweepPlots.parameterChart("hiddenSize", names, rows,
                oneEpochCurves(rows), Language.ENGLISH), SweepPlots.WIDTH, SweepPlots.HEIGHT);
        assertTrue(count(img, area, Charts.TEST, 0) > 200, "test line: " + count(img, area, Charts.TEST, 0));
        assertTrue(count(img, area, Charts.TRAIN, 0) > 100, "train line: " + count(img, area, Charts.TRAIN, 0));
        List<PlotPixels.Label> labels = PlotPixels.tickLabels(img, area, 14);
        assertEquals(4, labels.size(), "a tick per value: " + labels);
        PlotPixels.assertDistinct(labels, "hiddenSize axis");
        // 2, 8, 32, 128 grow by 4 each: on a log axis their ticks are evenly spaced
        double first = labels.get(1).centre() - labels.get(0).centre();
        for (int i = 2; i < labels.size(); i++) {
            assertEquals(first, labels.get(i).centre() - labels.get(i - 1).centre(), 4.0, "even spacing " + labels);
        }
    }

    @Test
    void logAxisSpacesUnevenFactorsByTheirLogarithm() throws Exception {
        List<SweepTable.Row> rows = new ArrayList<>();
        for (String size : List.of("1000", "10000", "60000")) {
            rows.add(SweepTable.Row.builder().trial(rows.size() + 1).id("trainSize-" + size)
                    .values(Map.of("trainSize", size)).finalTestAccuracy(0.7 + rows.size() * 0.05).bestTestAccuracy(0.8)
                    .testLoss(0.5).trainableParameters(1000).trainingSeconds(3.0).diagnosis("healthy").build());
        }
        SweepPlots.write(List.of("trainSize"), rows, Map.of(), dir, Language.ENGLISH);
        BufferedImage img = PlotPixels.read(dir.resolve(SweepPlots.parameterPlot("trainSize")));
        Rectangle area = PlotPixels.plotArea(SweepPlots.parameterChart("trainSize", List.of("trainSize"), rows,
                Map.of(), Language.ENGLISH), SweepPlots.WIDTH, SweepPlots.HEIGHT);
        List<PlotPixels.Label> labels = PlotPixels.tickLabels(img, area, 14);
        assertEquals(3, labels.size(), labels.toString());
        double ratio = (labels.get(2).centre() - labels.get(1).centre())
                / (labels.get(1).centre() - labels.get(0).centre());
        // log10(6) = 0.778 on a log axis; 50000/9000 = 5.6 on a linear one
        assertEquals(Math.log10(6), ratio, 0.05, labels.toString());
        assertTrue(count(img, area, Charts.TEST, 0) > 200, "test line");
    }

    @Test
    void oneEpochTrialsAreSmallMultiplesWithVisiblePoints() throws Exception {
        List<SweepTable.Row> rows = grid();
        SweepPlots.write(List.of("hiddenSize", "trainSize"), rows, oneEpochCurves(rows), dir, Language.ENGLISH);
        BufferedImage img = PlotPixels.read(dir.resolve(SweepPlots.CURVES));
        assertEquals(TrialCurves.MAX_COLUMNS * TrialCurves.PANEL_WIDTH, img.getWidth());
        assertEquals(TrialCurves.HEADER + 2 * TrialCurves.PANEL_HEIGHT, img.getHeight());
        List<List<String>> titles = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Rectangle panel = TrialCurves.panel(i, rows.size());
            assertTrue(count(img, panel, Charts.TRAIN, 0) > 20, "panel " + i + " shows its train point: "
                    + count(img, panel, Charts.TRAIN, 0));
            assertTrue(count(img, panel, Charts.TEST, 0) > 20, "panel " + i + " shows its test point: "
                    + count(img, panel, Charts.TEST, 0));
            Rectangle title = new Rectangle(panel.x, panel.y, panel.width, 22);
            List<String> ink = new ArrayList<>();
            for (int y = title.y; y < title.y + title.height; y++) {
                StringBuilder line = new StringBuilder();
                for (int x = title.x; x < title.x + title.width; x++) {
                    line.append((img.getRGB(x, y) & 0xFF) < 128 ? '#' : '.');
                }
                ink.add(line.toString());
            }
            assertTrue(PlotPixels.ink(img, title) > 50, "panel " + i + " has a title");
            titles.add(ink);
        }
        assertEquals(titles.size(), titles.stream().distinct().count(), "each panel is titled by its own trial");
    }

    @Test
    void learningCurvesTickWholeEpochsAndShowASingleEpoch() throws Exception {
        for (double[] at : List.of(new double[] {1}, new double[] {1, 2, 3, 4})) {
            List<EpochMetrics> epochs = epochs(at);
            LearningCurves.write(epochs, dir, Language.ENGLISH);
            BufferedImage img = PlotPixels.read(dir.resolve(LearningCurves.ACCURACY));
            Rectangle area = PlotPixels.plotArea(
                    LearningCurves.accuracyChart("Accuracy per epoch", epochs, Language.ENGLISH),
                    LearningCurves.WIDTH, LearningCurves.HEIGHT);
            assertTrue(count(img, area, Charts.TRAIN, 0) > 20, at.length + " epoch(s): train point(s) drawn");
            assertTrue(count(img, area, Charts.TEST, 0) > 20, at.length + " epoch(s): test point(s) drawn");
            List<PlotPixels.Label> labels = PlotPixels.tickLabels(img, area, 14);
            assertEquals(at.length, labels.size(), at.length + " epoch(s): a tick per whole epoch " + labels);
            PlotPixels.assertDistinct(labels, "epoch axis");
        }
    }

    @Test
    void fractionalEpochsAreDrawnWithTicksAtWholeEpochs() throws Exception {
        List<EpochMetrics> rows = new ArrayList<>();
        for (double at : new double[] {0.5, 1, 1.5, 2, 2.5, 3}) {
            rows.add(EpochMetrics.builder().evaluatedAt(at).trainLoss(1 / at).trainAccuracy(0.6 + 0.05 * at)
                    .testLoss(1.1 / at).testAccuracy(0.58 + 0.04 * at).learningRate(0.01).epochSeconds(1.0)
                    .trainImagesPerSecond(1000).build());
        }
        LearningCurves.write(rows, dir, Language.ENGLISH);
        BufferedImage img = PlotPixels.read(dir.resolve(LearningCurves.ACCURACY));
        Rectangle area = PlotPixels.plotArea(LearningCurves.accuracyChart("Accuracy per epoch", rows, Language.ENGLISH),
                LearningCurves.WIDTH, LearningCurves.HEIGHT);
        assertTrue(count(img, area, Charts.TRAIN, 0) > 200, "six train points and their line");
        assertTrue(count(img, area, Charts.TEST, 0) > 200, "six test points and their line");
        List<PlotPixels.Label> labels = PlotPixels.tickLabels(img, area, 14);
        assertEquals(3, labels.size(), "ticks 1, 2, 3 only: " + labels);
        PlotPixels.assertDistinct(labels, "fractional epochs");
    }

    private static List<String> cellTexts(JFreeChart chart) {
        return chart.getXYPlot().getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation)
                .map(a -> ((XYTextAnnotation) a).getText()).toList();
    }

    @Test
    void sweepPlotsInGerman() throws Exception {
        List<String> names = List.of("hiddenSize", "trainSize");
        JFreeChart heatmap = SweepPlots.heatmapChart(names, grid(), Language.GERMAN);
        assertEquals("Testgenauigkeit nach hiddenSize und trainSize", heatmap.getTitle().getText());
        assertEquals("trainSize (\u00d710 pro Schritt)", heatmap.getXYPlot().getDomainAxis().getLabel());
        assertEquals("hiddenSize (\u00d74 pro Schritt)", heatmap.getXYPlot().getRangeAxis().getLabel());
        List<String> cells = cellTexts(heatmap);
        assertTrue(cells.contains("86,0 % Bestwert"), cells.toString());
        assertTrue(cells.contains("61,0 %"), cells.toString());
        assertEquals("Testgenauigkeit nach hiddenSize und trainSize (Mittelwert über seed)", SweepPlots.heatmapChart(
                List.of("hiddenSize", "trainSize", "seed"), grid(), Language.GERMAN).getTitle().getText());

        JFreeChart parameter = SweepPlots.parameterChart("hiddenSize", names, grid(), oneEpochCurves(grid()),
                Language.GERMAN);
        assertEquals("Test- und Trainingsgenauigkeit nach hiddenSize", parameter.getTitle().getText());
        assertEquals("Test durchgezogen, Training gestrichelt: Training weit über Test ist Überanpassung, beide "
                + "niedrig ist Unteranpassung", ((TextTitle) parameter.getSubtitle(1)).getText());
        assertEquals("hiddenSize (logarithmische Skala)", parameter.getXYPlot().getDomainAxis().getLabel());
        assertEquals("Genauigkeit", parameter.getXYPlot().getRangeAxis().getLabel());
        assertEquals("Test, trainSize=1000", parameter.getXYPlot().getDataset().getSeriesKey(0));
        assertEquals("Training, trainSize=1000", parameter.getXYPlot().getDataset().getSeriesKey(1));

        SweepPlots.write(names, grid(), oneEpochCurves(grid()), dir, Language.GERMAN);
        keepAs("de-", SweepPlots.HEATMAP, SweepPlots.CURVES, SweepPlots.parameterPlot("hiddenSize"),
                SweepPlots.parameterPlot("trainSize"));
        assertEquals("Testgenauigkeit nach hiddenSize und trainSize",
                PlotPixels.title(dir.resolve(SweepPlots.HEATMAP)));
        assertEquals("Test- und Trainingsgenauigkeit nach trainSize",
                PlotPixels.title(dir.resolve(SweepPlots.parameterPlot("trainSize"))));
        assertEquals("Genauigkeit pro Epoche, ein Feld pro Versuch (gleiche Achsen)",
                PlotPixels.title(dir.resolve(SweepPlots.CURVES)));
        assertEquals("de", PlotPixels.titleLanguage(dir.resolve(SweepPlots.CURVES)));
        assertEquals("Genauigkeit pro Epoche, ein Feld pro Versuch", SweepPlots.caption(SweepPlots.CURVES,
                Language.GERMAN));
        assertEquals("Testgenauigkeit über zwei Parameter zugleich", SweepPlots.caption(SweepPlots.HEATMAP,
                Language.GERMAN));
        assertEquals("Test- und Trainingsgenauigkeit nach trainSize", SweepPlots.caption(
                SweepPlots.parameterPlot("trainSize"), Language.GERMAN));
    }

    @Test
    void sweepPlotsInEnglishAsBefore() throws Exception {
        List<String> names = List.of("hiddenSize", "trainSize");
        JFreeChart heatmap = SweepPlots.heatmapChart(names, grid(), Language.ENGLISH);
        assertEquals("Test accuracy by hiddenSize and trainSize", heatmap.getTitle().getText());
        assertTrue(cellTexts(heatmap).contains("86.0% best"), cellTexts(heatmap).toString());
        assertTrue(cellTexts(heatmap).contains("61.0%"), cellTexts(heatmap).toString());
        JFreeChart parameter = SweepPlots.parameterChart("hiddenSize", names, grid(), Map.of(), Language.ENGLISH);
        assertEquals("Test and train accuracy by hiddenSize", parameter.getTitle().getText());
        assertEquals("hiddenSize (log scale)", parameter.getXYPlot().getDomainAxis().getLabel());
        assertEquals("test, trainSize=1000", parameter.getXYPlot().getDataset().getSeriesKey(0));
        assertEquals("Accuracy per epoch, one panel per trial", SweepPlots.caption(SweepPlots.CURVES,
                Language.ENGLISH));
        SweepPlots.write(names, grid(), oneEpochCurves(grid()), dir, Language.ENGLISH);
        assertEquals("Accuracy per epoch, one panel per trial (same axes)",
                PlotPixels.title(dir.resolve(SweepPlots.CURVES)));
        assertEquals("en", PlotPixels.titleLanguage(dir.resolve(SweepPlots.CURVES)));
    }

    @Test
    void germanFactorsHaveADecimalComma() {
        List<String> values = List.of("1000", "2500", "10000");
        assertEquals("trainSize (\u00d72,5, \u00d74)",
                ParameterAxis.of(values).cellsLabel("trainSize", Language.GERMAN));
        assertEquals("trainSize (\u00d72.5, \u00d74)", ParameterAxis.of(values).cellsLabel("trainSize",
                Language.ENGLISH));
        assertEquals("trainSize (\u00d72,5 pro Schritt)", ParameterAxis.of(List.of("1000", "2500", "6250"))
                .cellsLabel("trainSize", Language.GERMAN));
    }

    @Test
    void percentagesRoundAsEnglishAlwaysDid() {
        // String.format rounds half up where MessageFormat rounds half even: 81.25 stays 81.3
        for (double share : new double[] {0.8125, 0.61, 0.86, 0.99995, 0.12345}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share),
                    Messages.text(Language.ENGLISH, "plot.sweep.heatmap.cell", Numbers.rounded(100 * share, 1)));
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * share),
                    Messages.text(Language.ENGLISH, "plot.sweep.summary.mean", "a", "b", Numbers.rounded(100 * share,
                            2)).substring("a=b: ".length()));
        }
    }

    @Test
    void summaryInGerman() {
        List<String> lines = SweepPlots.summary(List.of("hiddenSize", "trainSize"), grid(), Language.GERMAN);
        assertEquals(List.of(
                "Bester Versuch: trainSize-10000_hiddenSize-32 mit einer Testgenauigkeit von 86,00 % (gesund)",
                "hiddenSize verschiebt die mittlere Testgenauigkeit um 19,5 Punkte (hiddenSize=2: 63,50 %, "
                        + "hiddenSize=8: 75,00 %, hiddenSize=32: 83,00 %, hiddenSize=128: 81,50 %)",
                "trainSize verschiebt die mittlere Testgenauigkeit um 5,5 Punkte (trainSize=1000: 73,00 %, "
                        + "trainSize=10000: 78,50 %)"), lines);
    }
}
