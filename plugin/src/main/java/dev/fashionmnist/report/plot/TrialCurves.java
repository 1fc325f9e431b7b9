package dev.fashionmnist.report.plot;

import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * A sweep's learning curves as small multiples: one small panel per trial, all with the same axes, train and test
 * accuracy per epoch with a marker on every point, so that a 1-epoch trial shows two points and a dozen trials stay
 * apart without a dozen colours. Worded in the reader's language.
 */
public final class TrialCurves {
    public static final int PANEL_WIDTH = 300;
    public static final int PANEL_HEIGHT = 220;
    public static final int MAX_COLUMNS = 4;
    public static final int HEADER = 46;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private TrialCurves() {
    }

    static int columns(int trials) {
        return Math.max(2, Math.min(trials, MAX_COLUMNS));
    }

    /** Where the panel of trial {@code i} (from 0) of {@code trials} is drawn. */
    public static Rectangle panel(int i, int trials) {
        int columns = columns(trials);
        return new Rectangle(i % columns * PANEL_WIDTH, HEADER + i / columns * PANEL_HEIGHT, PANEL_WIDTH,
                PANEL_HEIGHT);
    }

    /** The heading above the panels, in {@code language}. */
    static String title(Language language) {
        return Messages.text(language, "plot.sweep.curves.title");
    }

    static BufferedImage draw(Map<String, List<EpochMetrics>> curves, Language language) {
        int n = curves.size();
        double first = Double.MAX_VALUE;
        double last = -Double.MAX_VALUE;
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (List<EpochMetrics> epochs : curves.values()) {
            for (EpochMetrics e : epochs) {
                double epoch = e.at();
                first = Math.min(first, epoch);
                last = Math.max(last, epoch);
                low = Math.min(low, Math.min(e.trainAccuracy(), e.testAccuracy()));
                high = Math.max(high, Math.max(e.trainAccuracy(), e.testAccuracy()));
            }
        }
        if (first > last) {
            first = 1;
            last = 1;
            low = 0;
            high = 1;
        }
        double pad = Math.max(0.01, 0.06 * (high - low));
        int rows = (n + columns(n) - 1) / columns(n);
        BufferedImage image = new BufferedImage(columns(n) * PANEL_WIDTH, HEADER + rows * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        g.drawString(title(language), 10, 20);
        int next = legend(g, 10, 38, Charts.TRAIN, Messages.text(language, "plot.train"));
        legend(g, Math.max(90, next), 38, Charts.TEST, Messages.text(language, "plot.test"));
        int i = 0;
        for (Map.Entry<String, List<EpochMetrics>> trial : curves.entrySet()) {
            JFreeChart chart = LearningCurves.accuracyChart(trial.getKey(), trial.getValue(), language);
            chart.removeLegend();
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            chart.setBackgroundPaint(Color.WHITE);
            XYPlot plot = chart.getXYPlot();
            NumberAxis epochs = Charts.epochAxis(first, last, language);
            plot.setDomainAxis(epochs);
            NumberAxis accuracy = (NumberAxis) plot.getRangeAxis();
            accuracy.setRange(low - pad, high + pad);
            for (NumberAxis axis : List.of(epochs, accuracy)) {
                axis.setTickLabelFont(SMALL);
                axis.setLabelFont(SMALL);
            }
            chart.draw(g, panel(i++, n));
        }
        g.dispose();
        return image;
    }

    /** Draws a legend entry at {@code x}; returns where the next one may begin. */
    private static int legend(Graphics2D g, int x, int y, Color colour, String label) {
        g.setColor(colour);
        g.fillRect(x, y - 8, 22, 4);
        g.fillOval(x + 7, y - 10, 8, 8);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(label, x + 28, y - 2);
        return x + 28 + g.getFontMetrics().stringWidth(label) + 20;
    }
}
