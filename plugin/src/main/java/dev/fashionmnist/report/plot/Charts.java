package dev.fashionmnist.report.plot;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.plot.XYPlot;

/**
 * Writing JFreeChart charts as PNG, headless and atomically, in one look: Okabe-Ito's colour-blind-safe colours,
 * markers on every point (a single epoch is a visible point, never an empty plot), whole-number epoch ticks, numbers
 * on the axes in the reader's language (0.85 / 0,85). Every PNG carries the title it shows in an iTXt chunk with the
 * keyword {@value #TITLE_KEYWORD} (UTF-8, tagged with the language), so that its text can be checked without OCR.
 */
public final class Charts {
    /** Okabe-Ito blue and orange: train and test in every plot. */
    public static final Color TRAIN = new Color(0x00, 0x72, 0xb2);
    public static final Color TEST = new Color(0xe6, 0x9f, 0x00);
    /** Okabe-Ito vermillion: what is marked as best (a heat map's cell). */
    public static final Color BEST = new Color(0xd5, 0x5e, 0x00);
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
    /** The keyword of the PNG text chunk that holds a plot's title. */
    public static final String TITLE_KEYWORD = "Title";
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

    /** {@code chart} as a PNG of {@code width} x {@code height}, written atomically, its title in {@code language}. */
    public static void writePng(JFreeChart chart, Path png, int width, int height, Language language)
            throws IOException {
        byte[] bytes = png(chart, width, height, language);
        AtomicFiles.write(png, out -> out.write(bytes));
    }

    /**
     * {@code chart} in the plots' common style, encoded as a PNG of {@code width} x {@code height}; its title, worded
     * in {@code language}, goes into the PNG's title chunk.
     */
    static byte[] png(JFreeChart chart, int width, int height, Language language) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        return encode(chart.createBufferedImage(width, height), chart.getTitle().getText(), language);
    }

    /** {@code image} as a PNG file, written atomically, with {@code title} (in {@code language}) in its title chunk. */
    static void writePng(BufferedImage image, Path png, String title, Language language) throws IOException {
        byte[] bytes = encode(image, title, language);
        AtomicFiles.write(png, out -> out.write(bytes));
    }

    /**
     * {@code image} as PNG bytes with an iTXt chunk {@value #TITLE_KEYWORD} = {@code title}, tagged with
     * {@code language}'s tag. The same image and title give the same bytes (no time stamp).
     */
    static byte[] encode(BufferedImage image, String title, Language language) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", TITLE_KEYWORD);
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", language.tag());
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", title);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(itxt);
            metadata.mergeTree(format, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** White plot area with light grey grid lines. */
    static void plain(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    /**
     * An epoch axis from {@code first} to {@code last} (fractional epochs allowed) with ticks at whole epochs only and
     * room beside the outer points, so that one epoch is a point in the middle labelled "1"; labelled in
     * {@code language}.
     */
    static NumberAxis epochAxis(double first, double last, Language language) {
        NumberAxis axis = new NumberAxis(Messages.text(language, "plot.epoch"));
        axis.setStandardTickUnits(new LocalTicks(true, language));
        axis.setRange(first - 0.4, last + 0.4);
        return axis;
    }

    /** A value axis labelled {@code label} whose ticks are written in {@code language} (0.85 / 0,85). */
    static NumberAxis valueAxis(String label, Language language) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(new LocalTicks(false, language));
        return axis;
    }

    /**
     * JFreeChart's choice of tick sizes (1, 2, 5 times a power of ten), labelled with as many decimals as the size
     * needs, in a language's digits instead of the JVM's.
     */
    private static final class LocalTicks implements TickUnitSource, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final NumberTickUnitSource sizes;
        private final DecimalFormatSymbols symbols;

        LocalTicks(boolean integers, Language language) {
            this.sizes = new NumberTickUnitSource(integers);
            this.symbols = DecimalFormatSymbols.getInstance(language.locale());
        }

        @Override
        public TickUnit getLargerTickUnit(TickUnit unit) {
            return local(sizes.getLargerTickUnit(unit));
        }

        @Override
        public TickUnit getCeilingTickUnit(TickUnit unit) {
            return local(sizes.getCeilingTickUnit(unit));
        }

        @Override
        public TickUnit getCeilingTickUnit(double size) {
            return local(sizes.getCeilingTickUnit(size));
        }

        private TickUnit local(TickUnit unit) {
            int decimals = Math.max(0, new BigDecimal(Double.toString(unit.getSize())).stripTrailingZeros().scale());
            String pattern = decimals == 0 ? "#,##0" : "0." + "0".repeat(decimals);
            return new NumberTickUnit(unit.getSize(), new DecimalFormat(pattern, symbols), unit.getMinorTickCount());
        }
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
