package dev.fashionmnist.report;

import dev.fashionmnist.data.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Writing JFreeChart charts as PNG, headless and atomically, in one look. */
public final class Charts {
    static final Color TRAIN = new Color(0x1f, 0x77, 0xb4);
    static final Color TEST = new Color(0xff, 0x7f, 0x0e);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    public static void writePng(JFreeChart chart, Path png, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }
}
