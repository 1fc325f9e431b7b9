package dev.fashionmnist.report;

import dev.fashionmnist.data.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Writing JFreeChart charts as PNG, headless and atomically, in one look: Okabe-Ito's colour-blind-safe colours,
 * markers on every point (a single epoch is a visible point, never an empty plot), whole-number epoch ticks.
 */
public final class Charts {
    /** Okabe-Ito blue and orange: train and test in every plot. */
    static final Color TRAIN = new Color(0x00, 0x72, 0xb2);
    static final Color TEST = new Color(0xe6, 0x9f, 0x00);
    /** Okabe-Ito vermillion: what is marked as best (a heat map's cell). */
    static final Color BEST = new Color(0xd5, 0x5e, 0x00);
    /**
     * Okabe-Ito's palette for lines that must stay apart for colour-blind readers, without its yellow (too pale on
     * white); past seven lines the marker shapes ({@link #SHAPES}) keep them apart.
     */
    static final Color[] PALETTE = {TRAIN, TEST, new Color(0x00, 0x9e, 0x73), new Color(0xcc, 0x79, 0xa7),
        new Color(0x56, 0xb4, 0xe9), BEST, Color.BLACK};
    static final Shape[] SHAPES = {new Ellipse2D.Double(-4, -4, 8, 8), new Rectangle2D.Double(-4, -4, 8, 8),
        triangle(), new Rectangle2D.Double(-2, -5, 4, 10)};
    /** The test series' marker: a square larger than the train series' circle, so that equal values show both. */
    static final Shape TEST_MARKER = new Rectangle2D.Double(-6, -6, 12, 12);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final BasicStroke LINE = new BasicStroke(2f);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    public static void writePng(JFreeChart chart, Path png, int width, int height) throws IOException {
        byte[] bytes = png(chart, width, height);
        AtomicFiles.write(png, out -> out.write(bytes));
    }

    /** {@code chart} in the plots' common style, encoded as a PNG of {@code width} x {@code height}. */
    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
    }

    /** {@code image} as a PNG file, written atomically. */
    static void writePng(BufferedImage image, Path png) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }

    /** White plot area with light grey grid lines. */
    static void plain(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    /**
     * An epoch axis from {@code first} to {@code last} (fractional epochs allowed) with ticks at whole epochs only and
     * room beside the outer points, so that one epoch is a point in the middle labelled "1".
     */
    static NumberAxis epochAxis(double first, double last) {
        NumberAxis axis = new NumberAxis("epoch");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setRange(first - 0.4, last + 0.4);
        return axis;
    }

    private static Shape triangle() {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -5);
        t.lineTo(5, 4);
        t.lineTo(-5, 4);
        t.closePath();
        return t;
    }
}
