package dev.fashionmnist.report.plot;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The notebook's two plots: accuracy per epoch and loss per epoch, train vs test. Every point has a marker (one epoch
 * is a visible point), the epoch axis has whole-number ticks, and epochs may be fractional (evaluations within an
 * epoch). Titles, labels and legends are worded in the reader's language. The loss plot's two curves are one quantity,
 * the plain cross entropy of the training batches and of the test set, and say so in the legend; the objective trained
 * on (with label smoothing) is not plotted: it lies above both and would read as a gap between train and test.
 */
public final class LearningCurves {
    public static final String ACCURACY = "accuracy.png";
    public static final String LOSS = "loss.png";
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    private LearningCurves() {
    }

    /**
     * Writes {@link #ACCURACY} and {@link #LOSS} into {@code directory}, worded in {@code language}; returns them as
     * written, by file name.
     */
    public static Map<String, byte[]> write(List<EpochMetrics> epochs, Path directory, Language language)
            throws IOException {
        Map<String, byte[]> pngs = pngs(epochs, language);
        for (Map.Entry<String, byte[]> png : pngs.entrySet()) {
            AtomicFiles.write(directory.resolve(png.getKey()), out -> out.write(png.getValue()));
        }
        return pngs;
    }

    /** The two plots as PNG bytes, by file name ({@link #ACCURACY}, {@link #LOSS}), without writing files. */
    public static Map<String, byte[]> pngs(List<EpochMetrics> epochs, Language language) throws IOException {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        pngs.put(ACCURACY, Charts.png(accuracyChart(Messages.text(language, "plot.accuracy.title"), epochs, language),
                WIDTH, HEIGHT, language));
        pngs.put(LOSS, Charts.png(lossChart(Messages.text(language, "plot.loss.title"), epochs, language), WIDTH,
                HEIGHT, language));
        return pngs;
    }

    /** Train and test loss per epoch, both the plain cross entropy, with the legend saying so. */
    public static JFreeChart lossChart(String title, List<EpochMetrics> epochs, Language language) {
        return chart(title, Messages.text(language, "plot.loss.axis"), epochs, EpochMetrics::trainLoss,
                EpochMetrics::testLoss, Messages.text(language, "plot.loss.train"),
                Messages.text(language, "plot.loss.test"), language);
    }

    public static JFreeChart accuracyChart(String title, List<EpochMetrics> epochs, Language language) {
        return chart(title, Messages.text(language, "plot.accuracy.axis"), epochs, EpochMetrics::trainAccuracy,
                EpochMetrics::testAccuracy, language);
    }

    public static JFreeChart chart(String title, String yLabel, List<EpochMetrics> epochs,
                            ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> test,
                            Language language) {
        return chart(title, yLabel, epochs, train, test, Messages.text(language, "plot.train"),
                Messages.text(language, "plot.test"), language);
    }

    private static JFreeChart chart(String title, String yLabel, List<EpochMetrics> epochs,
                                    ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> test,
                                    String trainName, String testName, Language language) {
        XYSeries trainSeries = new XYSeries(trainName);
        XYSeries testSeries = new XYSeries(testName);
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        for (EpochMetrics e : epochs) {
            double epoch = e.at();
            first = Math.min(first, epoch);
            last = Math.max(last, epoch);
            trainSeries.add(epoch, train.applyAsDouble(e));
            testSeries.add(epoch, test.applyAsDouble(e));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trainSeries);
        data.addSeries(testSeries);
        NumberAxis values = Charts.valueAxis(yLabel, language);
        values.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Charts.TRAIN);
        renderer.setSeriesPaint(1, Charts.TEST);
        renderer.setSeriesShape(0, Charts.SHAPES[0]);
        renderer.setSeriesShape(1, Charts.TEST_MARKER);
        renderer.setSeriesStroke(0, Charts.LINE);
        renderer.setSeriesStroke(1, Charts.LINE);
        XYPlot plot = new XYPlot(data, epochs.isEmpty() ? Charts.epochAxis(1, 1, language)
                : Charts.epochAxis(first, last, language), values, renderer);
        Charts.plain(plot);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        // room after each legend entry: the loss plot's long names would otherwise run into the next marker
        chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 2, 2, 14));
        return chart;
    }
}
