package dev.fashionmnist.report;

import dev.fashionmnist.train.EpochMetrics;
import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The notebook's two plots: accuracy per epoch and loss per epoch, train vs test; with several evaluations per epoch a
 * point per evaluation at its fractional epoch.
 */
public final class LearningCurves {
    public static final String ACCURACY = "accuracy.png";
    public static final String LOSS = "loss.png";
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    private LearningCurves() {
    }

    public static void write(List<EpochMetrics> epochs, Path directory) throws IOException {
        Charts.writePng(chart("Accuracy per epoch", "accuracy", epochs, EpochMetrics::trainAccuracy,
                EpochMetrics::testAccuracy), directory.resolve(ACCURACY), WIDTH, HEIGHT);
        Charts.writePng(chart("Loss per epoch", "loss (cross entropy)", epochs, EpochMetrics::trainLoss,
                EpochMetrics::testLoss), directory.resolve(LOSS), WIDTH, HEIGHT);
    }

    static JFreeChart chart(String title, String yLabel, List<EpochMetrics> epochs,
                            ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> test) {
        XYSeries trainSeries = new XYSeries("train");
        XYSeries testSeries = new XYSeries("test");
        for (EpochMetrics e : epochs) {
            trainSeries.add(e.at(), train.applyAsDouble(e));
            testSeries.add(e.at(), test.applyAsDouble(e));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trainSeries);
        data.addSeries(testSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Charts.TRAIN);
        renderer.setSeriesPaint(1, Charts.TEST);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(renderer);
        return chart;
    }
}
