package dev.fashionmnist.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.report.plot.Charts;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Looking at a picture by its pixels: the colours in a region, the plot area of a chart rendered at a fixed size, and
 * the tick labels under it, cut apart where blank columns separate them.
 */
public final class PlotPixels {
    private PlotPixels() {
    }

    /** A tick label: where its ink begins and ends across, and its ink, column by column. */
    public record Label(int from, int to, List<String> ink) {
        public double centre() {
            return (from + to) / 2.0;
        }
    }

    public static BufferedImage read(Path png) throws Exception {
        assertTrue(Files.isRegularFile(png), png + " exists");
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null, png + " is an image ImageIO can read");
        return img;
    }

    /** The text of {@code png}'s iTXt chunk {@value Charts#TITLE_KEYWORD}; fails when it has none. */
    public static String title(Path png) throws Exception {
        return titleEntry(png).getAttribute("text");
    }

    /** The language tag of {@code png}'s title chunk ({@code en}, {@code de}). */
    public static String titleLanguage(Path png) throws Exception {
        return titleEntry(png).getAttribute("languageTag");
    }

    private static Element titleEntry(Path png) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            reader.setInput(in);
            String format = "javax_imageio_png_1.0";
            Element root = (Element) reader.getImageMetadata(0).getAsTree(format);
            NodeList entries = root.getElementsByTagName("iTXtEntry");
            List<Element> titles = new ArrayList<>();
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                if (Charts.TITLE_KEYWORD.equals(e.getAttribute("keyword"))) {
                    titles.add(e);
                }
            }
            assertTrue(titles.size() == 1, png + " has one title chunk, not " + titles.size());
            return titles.get(0);
        } finally {
            reader.dispose();
        }
    }

    /** Where {@code chart} puts its plot area (the data area) when drawn at {@code width} x {@code height}. */
    public static Rectangle plotArea(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(width, height, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return new Rectangle((int) Math.ceil(area.getX()), (int) Math.ceil(area.getY()),
                (int) Math.floor(area.getWidth()) - 1, (int) Math.floor(area.getHeight()) - 1);
    }

    /** Pixels in {@code region} within {@code tolerance} of {@code colour} in each of red, green and blue. */
    public static long count(BufferedImage img, Rectangle region, Color colour, int tolerance) {
        long n = 0;
        Rectangle r = region.intersection(new Rectangle(0, 0, img.getWidth(), img.getHeight()));
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                Color c = new Color(img.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) <= tolerance
                        && Math.abs(c.getGreen() - colour.getGreen()) <= tolerance
                        && Math.abs(c.getBlue() - colour.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels in {@code region} that are not white. */
    public static long ink(BufferedImage img, Rectangle region) {
        return (long) region.width * region.height - count(img, region, Color.WHITE, 0);
    }

    /** The labels in the strip {@code rows} high under {@code plotArea}, left to right (dark pixels only). */
    public static List<Label> tickLabels(BufferedImage img, Rectangle plotArea, int rows) {
        int top = plotArea.y + plotArea.height + 4;
        List<Label> labels = new ArrayList<>();
        int from = -1;
        List<String> ink = new ArrayList<>();
        int blank = 0;
        for (int x = plotArea.x - 4; x < Math.min(img.getWidth(), plotArea.x + plotArea.width + 4); x++) {
            char[] column = new char[rows];
            boolean any = false;
            for (int y = 0; y < rows; y++) {
                Color c = new Color(img.getRGB(x, top + y));
                boolean dark = c.getRed() + c.getGreen() + c.getBlue() < 3 * 140;
                column[y] = dark ? '#' : '.';
                any |= dark;
            }
            if (any) {
                if (from < 0) {
                    from = x;
                    ink = new ArrayList<>();
                } else {
                    for (int i = 0; i < blank; i++) {
                        ink.add(".".repeat(rows));
                    }
                }
                blank = 0;
                ink.add(new String(column));
            } else if (from >= 0 && ++blank > 6) {
                labels.add(new Label(from, x - blank, ink));
                from = -1;
                blank = 0;
            }
        }
        if (from >= 0) {
            labels.add(new Label(from, from + ink.size() - 1, ink));
        }
        return labels;
    }

    /** Fails unless the labels' ink differs pairwise. */
    public static void assertDistinct(List<Label> labels, String what) {
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertTrue(!labels.get(i).ink().equals(labels.get(j).ink()), what + ": tick labels " + i + " and " + j
                        + " look the same: " + Arrays.toString(labels.toArray()));
            }
        }
    }
}
