package dev.fashionmnist.report;

import dev.fashionmnist.data.AtomicFiles;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.IdxLabels;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The notebook's "Trainingsbeispiele ansehen": the first images of a set in a grid, each titled with its class
 * name, drawn dark on light ({@code cmap="gray_r"}), as a PNG.
 */
public final class SampleGrid {
    public static final int ROWS = 3;
    public static final int COLUMNS = 6;
    private static final int SCALE = 4;
    private static final int TITLE = 18;
    private static final int PAD = 8;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SampleGrid() {
    }

    /** The size of the PNG for images of {@code rows × columns} pixels: {width, height}. */
    public static int[] size(int imageRows, int imageColumns) {
        int cellW = imageColumns * SCALE + PAD;
        int cellH = imageRows * SCALE + TITLE + PAD;
        return new int[] {COLUMNS * cellW + PAD, ROWS * cellH + PAD};
    }

    public static void write(IdxImages images, IdxLabels labels, List<String> classNames, Path png)
            throws IOException {
        int shown = Math.min(ROWS * COLUMNS, images.count());
        int[] indices = new int[shown];
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < shown; i++) {
            indices[i] = i;
            int label = labels.label(i);
            titles.add(label < classNames.size() ? classNames.get(label) : String.valueOf(label));
        }
        write(images, indices, titles, png);
    }

    /** Draws the images at {@code indices} (at most 18), each titled with the title at the same position. */
    public static void write(IdxImages images, int[] indices, List<String> titles, Path png) throws IOException {
        BufferedImage canvas = draw(images, indices, titles);
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(canvas, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }

    static BufferedImage draw(IdxImages images, int[] indices, List<String> titles) {
        int[] size = size(images.rows(), images.columns());
        BufferedImage canvas = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            int cellW = images.columns() * SCALE + PAD;
            int cellH = images.rows() * SCALE + TITLE + PAD;
            int shown = Math.min(ROWS * COLUMNS, indices.length);
            for (int i = 0; i < shown; i++) {
                int x = PAD + (i % COLUMNS) * cellW;
                int y = PAD + (i / COLUMNS) * cellH;
                String title = titles.get(i);
                g.setColor(Color.BLACK);
                int width = images.columns() * SCALE + PAD - 2;
                FontMetrics tm = fm;
                for (int points = 11; tm.stringWidth(title) > width && points >= 7; points--) {
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, points));
                    tm = g.getFontMetrics();
                }
                int textX = x + (images.columns() * SCALE - tm.stringWidth(title)) / 2;
                g.drawString(title, Math.max(x - PAD / 2, textX), y + fm.getAscent());
                g.setFont(fm.getFont());
                g.drawImage(image(images, indices[i]), x, y + TITLE, images.columns() * SCALE,
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
        byte[] pixels = new byte[images.pixelsPerImage()];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (255 - (images.pixels()[index * pixels.length + p] & 0xFF));
        }
        img.getRaster().setDataElements(0, 0, images.columns(), images.rows(), pixels);
        return img;
    }
}
