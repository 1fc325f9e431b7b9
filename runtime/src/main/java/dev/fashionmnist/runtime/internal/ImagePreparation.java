package dev.fashionmnist.runtime.internal;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;

/**
 * Turns an image (a photo, a scan, a drawing) into what the network was trained on: grey values, fitted into the
 * model's image size keeping the aspect ratio (centred, the rest filled with the background), and light objects on
 * black as in Fashion-MNIST and MNIST. {@link Invert#AUTO} decides from the border: a light border means a light
 * background, which is inverted. The {@code predict} goal and
 * {@link dev.fashionmnist.runtime.Classifier#classify(BufferedImage, int)} prepare images this way.
 */
public final class ImagePreparation {
    private ImagePreparation() {
    }

    /** How to treat the colours. */
    public enum Invert {
        /** Invert when the image's border is light (a dark object on light paper). */
        AUTO,
        /** Always invert. */
        TRUE,
        /** Never invert: the image already shows a light object on black. */
        FALSE
    }

    /**
     * One prepared image: grey values (row-major, 0..255, light = object) and whether it was inverted.
     *
     * @param pixels   {@code rows * columns} grey values, row after row; read them with {@code & 0xFF}
     * @param inverted whether the colours were inverted
     */
    public record Prepared(byte[] pixels, boolean inverted) {
    }

    /**
     * {@code img} as {@code rows x columns} grey values, fitted keeping the aspect ratio, inverted as
     * {@code invert} says.
     */
    public static Prepared prepare(BufferedImage img, int rows, int columns, Invert invert) {
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
            g.drawImage(source.getScaledInstance(tw, th, Image.SCALE_AREA_AVERAGING),
                    (columns - tw) / 2, (rows - th) / 2, null);
        } finally {
            g.dispose();
        }
        byte[] out = new byte[rows * columns];
        target.getRaster().getDataElements(0, 0, columns, rows, out);
        return new Prepared(out, doInvert);
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
