package dev.fashionmnist.report.plot;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.IdxLabels;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The notebook's "Trainingsbeispiele ansehen": the first images of a set in a grid, each titled with its class
 * name in the reader's language, drawn dark on light ({@code cmap="gray_r"}), as a PNG.
 */
public final class SampleGrid {
    /** The training examples that download-data draws. */
    public static final String FILE = "samples.png";
    public static final int ROWS = 3;
    public static final int COLUMNS = 6;
    private static final int SCALE = 4;
    private static final int TITLE = 18;
    private static final int PAD = 8;
    public static final int LEGEND = 24;
    /** The colour of a title's second line (Okabe-Ito vermillion), e.g. a misclassified image's prediction. */
    static final Color SECOND_LINE = Charts.BEST;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SampleGrid() {
    }

    /** The size of the PNG for images of {@code rows × columns} pixels: {width, height}. */
    public static int[] size(int imageRows, int imageColumns) {
        return size(imageRows, imageColumns, 1, false);
    }

    /** The size with titles of {@code titleLines} lines and, if {@code legend}, a legend line on top. */
    public static int[] size(int imageRows, int imageColumns, int titleLines, boolean legend) {
        int cellW = imageColumns * SCALE + PAD;
        int cellH = imageRows * SCALE + TITLE * titleLines + PAD;
        return new int[] {COLUMNS * cellW + PAD, ROWS * cellH + PAD + (legend ? LEGEND : 0)};
    }

    /**
     * Draws the first images of {@code dataset} titled with their class names in {@code language}; the PNG's title
     * chunk says what they are ("Training examples").
     */
    public static void write(IdxImages images, IdxLabels labels, List<String> classNames, String dataset, Path png,
                             Language language) throws IOException {
        int[] indices = new int[Math.min(ROWS * COLUMNS, images.count())];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        write(images, indices, titles(labels, indices.length, classNames, dataset, language), null,
                Messages.text(language, "plot.samples.title"), png, language);
    }

    /** The class names of the first {@code shown} labels in {@code language} (a label without a name as a number). */
    static List<String> titles(IdxLabels labels, int shown, List<String> classNames, String dataset,
                               Language language) {
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < shown; i++) {
            int label = labels.label(i);
            titles.add(label < classNames.size() ? new ClassName(dataset, label, classNames.get(label)).in(language)
                    : String.valueOf(label));
        }
        return titles;
    }

    /**
     * Draws the images at {@code indices} (at most 18), each titled with the title at the same position; a title of
     * several lines ({@code \n}) has its first line in black and the others in {@link #SECOND_LINE}; {@code legend},
     * if not null, is a line above the grid that says what the titles mean. {@code title} goes into the PNG's title
     * chunk, tagged with {@code language}.
     */
    public static void write(IdxImages images, int[] indices, List<String> titles, String legend, String title,
                             Path png, Language language) throws IOException {
        Charts.writePng(draw(images, indices, titles, legend), png, title, language);
    }

    static BufferedImage draw(IdxImages images, int[] indices, List<String> titles, String legend) {
        int shown = Math.min(ROWS * COLUMNS, indices.length);
        int lines = 1;
        for (int i = 0; i < shown; i++) {
            lines = Math.max(lines, titles.get(i).split("\n", -1).length);
        }
        int[] size = size(images.rows(), images.columns(), lines, legend != null);
        BufferedImage canvas = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int top = 0;
            if (legend != null) {
                g.setColor(Color.BLACK);
                g.drawString(legend, PAD, PAD + fm.getAscent());
                top = LEGEND;
            }
            int cellW = images.columns() * SCALE + PAD;
            int cellH = images.rows() * SCALE + TITLE * lines + PAD;
            int width = images.columns() * SCALE + PAD - 2;
            for (int i = 0; i < shown; i++) {
                int x = PAD + (i % COLUMNS) * cellW;
                int y = top + PAD + (i / COLUMNS) * cellH;
                String[] title = titles.get(i).split("\n", -1);
                for (int line = 0; line < title.length; line++) {
                    g.setColor(line == 0 ? Color.BLACK : SECOND_LINE);
                    FontMetrics tm = fm;
                    for (int points = 11; tm.stringWidth(title[line]) > width && points >= 7; points--) {
                        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, points));
                        tm = g.getFontMetrics();
                    }
                    int textX = x + (images.columns() * SCALE - tm.stringWidth(title[line])) / 2;
                    g.drawString(title[line], Math.max(x - PAD / 2, textX), y + line * TITLE + fm.getAscent());
                    g.setFont(font);
                }
                g.drawImage(image(images, indices[i]), x, y + TITLE * lines, images.columns() * SCALE,
                        images.rows() * SCALE, null);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** One image as grey pixels, inverted so that ink is dark. */
    private static BufferedImage image(IdxImages images, int index) {
        BufferedImage img = new BufferedImage(images.columns(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = images.image(index);
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (255 - (pixels[p] & 0xFF));
        }
        img.getRaster().setDataElements(0, 0, images.columns(), images.rows(), pixels);
        return img;
    }
}
