package dev.fashionmnist.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A grid of coloured cells with a text in each: rows down (the first row on top), columns across; shades from 0
 * (white) to 1 (deep blue, ColorBrewer's sequential Blues, readable for colour-blind readers); one cell may be marked.
 */
final class HeatmapChart {
    private final XYPlot plot = new XYPlot();
    private final DefaultXYZDataset data = new DefaultXYZDataset();

    /**
     * @param shades the cells' shades in [0, 1], {@code shades[row][column]}; NaN leaves a cell empty
     * @param texts  what each cell says
     */
    HeatmapChart(String columnLabel, List<String> columns, String rowLabel, List<String> rows, double[][] shades,
                 String[][] texts, int fontSize) {
        int n = rows.size() * columns.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        int i = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++, i++) {
                xs[i] = c;
                ys[i] = r;
                zs[i] = shades[r][c];
                if (Double.isNaN(shades[r][c])) {
                    continue;
                }
                XYTextAnnotation label = new XYTextAnnotation(texts[r][c], c, r);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
                label.setPaint(shades[r][c] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        data.addSeries("cells", new double[][] {xs, ys, zs});
        SymbolAxis across = new SymbolAxis(columnLabel, columns.toArray(new String[0]));
        SymbolAxis down = new SymbolAxis(rowLabel, rows.toArray(new String[0]));
        down.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new Blues());
        plot.setDataset(data);
        plot.setDomainAxis(across);
        plot.setRangeAxis(down);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
    }

    /** Draws a thick frame in {@link Charts#BEST} around the cell at {@code row}, {@code column}. */
    HeatmapChart mark(int row, int column) {
        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(column - 0.47, row - 0.47, 0.94, 0.94),
                new BasicStroke(5f), Charts.BEST));
        return this;
    }

    SymbolAxis columnAxis() {
        return (SymbolAxis) plot.getDomainAxis();
    }

    JFreeChart chart(String title) {
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        return chart;
    }

    /** The colour of a cell of {@code shade}: white for 0, deep blue for 1. */
    static Color colour(double shade) {
        double v = Math.max(0, Math.min(1, shade));
        int r = (int) Math.round(255 - v * (255 - 8));
        int g = (int) Math.round(255 - v * (255 - 48));
        int b = (int) Math.round(255 - v * (255 - 107));
        return new Color(r, g, b);
    }

    private static final class Blues implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            return colour(value);
        }
    }
}
