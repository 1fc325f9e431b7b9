package dev.fashionmnist.report;

import dev.fashionmnist.evaluate.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/** The confusion matrix as a heat map: true class down, predicted class across, counts in the cells. */
public final class ConfusionHeatmap {
    public static final String FILE = "confusion-matrix.png";
    public static final int WIDTH = 900;
    public static final int HEIGHT = 800;

    private ConfusionHeatmap() {
    }

    public static void write(ConfusionMatrix m, Path png) throws IOException {
        int n = m.classCount();
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        long max = 1;
        for (long[] row : m.counts()) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        XYPlot plot = new XYPlot();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                int i = t * n + p;
                xs[i] = p;
                ys[i] = t;
                long count = m.counts()[t][p];
                zs[i] = count / (double) Math.max(1, m.support(t));
                XYTextAnnotation label = new XYTextAnnotation(String.valueOf(count), p, t);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                label.setPaint(zs[i] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("counts", new double[][] {xs, ys, zs});
        String[] names = m.classNames().toArray(new String[0]);
        SymbolAxis predicted = new SymbolAxis("predicted class", names);
        predicted.setVerticalTickLabels(true);
        SymbolAxis truth = new SymbolAxis("true class", names);
        truth.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new BlueScale());
        plot.setDataset(data);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(truth);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart("Confusion matrix (" + m.total() + " test images)", plot);
        chart.removeLegend();
        Charts.writePng(chart, png, WIDTH, HEIGHT);
    }

    /** White for 0, deep blue for a whole row's share of 1. */
    private static final class BlueScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            double v = Math.max(0, Math.min(1, value));
            int r = (int) Math.round(255 - v * (255 - 8));
            int g = (int) Math.round(255 - v * (255 - 48));
            int b = (int) Math.round(255 - v * (255 - 107));
            return new Color(r, g, b);
        }
    }
}
