package dev.fashionmnist.runtime.internal;

import java.nio.ByteBuffer;

/**
 * Pixel normalisation: grey values scaled to 0..1, then standardised with the training images' mean and standard
 * deviation, as {@code transforms.Normalize} does. Stored in the model card so that evaluation and prediction
 * feed the network what it was trained on.
 */
public record Normalization(double mean, double std) {

    /** Mean and standard deviation of the 0..1 grey values of the chosen images. */
    public static Normalization of(byte[] pixels, int pixelsPerImage, int[] images) {
        return of(ByteBuffer.wrap(pixels), pixelsPerImage, images);
    }

    /**
     * Mean and standard deviation of the 0..1 grey values of the chosen images, from pixels in a buffer (e.g. decoded
     * straight into native memory), read by absolute index.
     */
    public static Normalization of(ByteBuffer pixels, int pixelsPerImage, int[] images) {
        double sum = 0;
        double sumSq = 0;
        for (int image : images) {
            int base = image * pixelsPerImage;
            for (int p = 0; p < pixelsPerImage; p++) {
                double v = (pixels.get(base + p) & 0xFF) / 255.0;
                sum += v;
                sumSq += v * v;
            }
        }
        double count = (double) images.length * pixelsPerImage;
        double mean = sum / count;
        double std = Math.sqrt(Math.max(sumSq / count - mean * mean, 1e-12));
        return new Normalization(mean, std);
    }

    /** What a grey value (0..255) is multiplied by: a normalised pixel is {@code value * scale() - shift()}. */
    public float scale() {
        return (float) (1.0 / (255.0 * std));
    }

    /** What is subtracted after {@link #scale()}. */
    public float shift() {
        return (float) (mean / std);
    }

    /** The normalised floats of the chosen images, one after the other. */
    public float[] apply(byte[] pixels, int pixelsPerImage, int[] images) {
        return apply(ByteBuffer.wrap(pixels), pixelsPerImage, images);
    }

    /** The normalised floats of the chosen images, one after the other, from pixels in a buffer (absolute index). */
    public float[] apply(ByteBuffer pixels, int pixelsPerImage, int[] images) {
        float[] out = new float[images.length * pixelsPerImage];
        float scale = scale();
        float shift = shift();
        int k = 0;
        for (int image : images) {
            int base = image * pixelsPerImage;
            for (int p = 0; p < pixelsPerImage; p++) {
                out[k++] = (pixels.get(base + p) & 0xFF) * scale - shift;
            }
        }
        return out;
    }
}
