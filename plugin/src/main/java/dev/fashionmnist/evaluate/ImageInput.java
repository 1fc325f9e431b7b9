package dev.fashionmnist.evaluate;

import dev.fashionmnist.model.ModelException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns your own PNG or JPEG images into what the network was trained on: grey values, fitted into the model's
 * image size keeping the aspect ratio (centred, the rest filled with the background), and light objects on black
 * as in Fashion-MNIST and MNIST. {@code invert=auto} decides from the border: a light border means a light
 * background, which is inverted.
 */
public final class ImageInput {
    /** The longest side of the largest square image predict takes. */
    public static final int MAX_SIDE = 4096;
    /** The most pixels an image may have (4096x4096, e.g. a 12-megapixel photo): larger ones are refused unread. */
    public static final long MAX_PIXELS = (long) MAX_SIDE * MAX_SIDE;

    private ImageInput() {
    }

    /** How to treat the colours. */
    public enum Invert {
        AUTO, TRUE, FALSE;

        public static Invert parse(String text) {
            String t = text == null ? "AUTO" : text.trim().toUpperCase(Locale.ROOT);
            for (Invert i : values()) {
                if (i.name().equals(t)) {
                    return i;
                }
            }
            throw new ModelException("Parameter 'invert' is '" + text + "': use auto (decide from the border), "
                    + "true or false");
        }
    }

    /** One prepared image: its file, grey values (row-major, 0..255, light = object) and whether it was inverted. */
    public record Prepared(Path file, byte[] pixels, boolean inverted) {
    }

    /** The PNG and JPEG files at {@code images}: the file itself, or those in the folder (sorted by name). */
    public static List<Path> find(Path images) {
        if (Files.isRegularFile(images)) {
            return List.of(images);
        }
        if (!Files.isDirectory(images)) {
            throw new ModelException("Parameter 'images' is " + images + ", which does not exist: give a PNG or JPEG "
                    + "file, or a folder of them");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(images)) {
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new ModelException("Parameter 'images': cannot list " + images + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ModelException("Parameter 'images': the folder " + images + " holds no .png, .jpg or .jpeg file");
        }
        return files;
    }

    public static Prepared prepare(Path file, int rows, int columns, Invert invert) {
        BufferedImage img = read(file);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] grey = greyValues(img);
        boolean doInvert = switch (invert) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> borderMean(grey, w, h) > 127;
        };
        // an RGB source with r = g = b: scaling a TYPE_BYTE_GRAY image would go through its linear grey colour
        // space and brighten every value (3 became 93); the RGB to grey blit below gives back v for (v, v, v)
        BufferedImage source = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] srcPixels = new int[w * h];
        for (int i = 0; i < grey.length; i++) {
            int v = doInvert ? 255 - grey[i] : grey[i];
            srcPixels[i] = v << 16 | v << 8 | v;
        }
        source.setRGB(0, 0, w, h, srcPixels, 0, w);
        double scale = Math.min((double) columns / w, (double) rows / h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage target = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source.getScaledInstance(tw, th, java.awt.Image.SCALE_AREA_AVERAGING),
                    (columns - tw) / 2, (rows - th) / 2, null);
        } finally {
            g.dispose();
        }
        byte[] out = new byte[rows * columns];
        target.getRaster().getDataElements(0, 0, columns, rows, out);
        return new Prepared(file, out, doInvert);
    }

    /**
     * Decodes {@code file} after reading its width and height from the header: an image of more than
     * {@link #MAX_PIXELS} pixels is refused before anything is decoded (a small PNG of 20000x20000 zeros would need
     * gigabytes).
     */
    static BufferedImage read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ModelException(file + " is not a PNG or JPEG image this Java runtime can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new ModelException(file + " is " + width + "x" + height + " pixels (" + width * height
                            + "), more than predict takes: at most " + MAX_PIXELS + " pixels (e.g. " + MAX_SIDE + "x"
                            + MAX_SIDE + "); scale it down first");
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new ModelException(file + " is not a PNG or JPEG image this Java runtime can read");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (ModelException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelException(file + " cannot be read as an image: " + e.getMessage());
        }
    }

    /**
     * The grey value (0..255) of every pixel, transparent pixels counting as white paper. Grey images are read from
     * their raster: {@code getRGB} would convert their linear grey colour space to sRGB and brighten them.
     */
    private static int[] greyValues(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] grey = new int[w * h];
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        boolean greyRaster = cm instanceof ComponentColorModel && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !cm.isAlphaPremultiplied();
        double valueMax = greyRaster ? (1 << cm.getComponentSize(0)) - 1 : 255;
        double alphaMax = greyRaster && cm.hasAlpha() ? (1 << cm.getComponentSize(1)) - 1 : 255;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double lum;
                double alpha;
                if (greyRaster) {
                    lum = raster.getSample(x, y, 0) * 255.0 / valueMax;
                    alpha = cm.hasAlpha() ? raster.getSample(x, y, 1) * 255.0 / alphaMax : 255;
                } else {
                    int rgb = img.getRGB(x, y);
                    alpha = (rgb >>> 24) & 0xFF;
                    lum = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                }
                grey[y * w + x] = (int) Math.round(lum * alpha / 255.0 + 255 * (1 - alpha / 255.0));
            }
        }
        return grey;
    }

    private static double borderMean(int[] grey, int w, int h) {
        long sum = 0;
        int n = 0;
        for (int x = 0; x < w; x++) {
            sum += grey[x] + grey[(h - 1) * w + x];
            n += 2;
        }
        for (int y = 1; y < h - 1; y++) {
            sum += grey[y * w] + grey[y * w + w - 1];
            n += 2;
        }
        return (double) sum / n;
    }
}
