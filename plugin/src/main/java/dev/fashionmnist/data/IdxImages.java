package dev.fashionmnist.data;

import dev.fashionmnist.runtime.internal.Normalization;
import java.nio.ByteBuffer;

/**
 * Decoded IDX image data: {@code count} images of {@code rows × columns} unsigned bytes, stored row-major,
 * one image after the other, in one direct buffer: off the Java heap, held once for the whole run (the engine's
 * tensor of a whole set is this buffer itself), so that the heap stays small beside the engine's native memory.
 */
public final class IdxImages {
    private final int count;
    private final int rows;
    private final int columns;
    private final ByteBuffer pixels;

    /**
     * Images over {@code pixels}, a direct buffer of exactly {@code count × rows × columns} bytes from position 0
     * (kept as it is: not copied).
     */
    public IdxImages(int count, int rows, int columns, ByteBuffer pixels) {
        if (!pixels.isDirect() || pixels.position() != 0
                || pixels.remaining() != (long) count * rows * columns) {
            throw new IllegalArgumentException("not a direct buffer of " + count + "x" + rows + "x" + columns
                    + " bytes from position 0: " + pixels);
        }
        this.count = count;
        this.rows = rows;
        this.columns = columns;
        this.pixels = pixels;
    }

    /** Images with a copy of {@code pixels} (for small sets built in memory, such as tests'). */
    public IdxImages(int count, int rows, int columns, byte[] pixels) {
        this(count, rows, columns, ByteBuffer.allocateDirect(pixels.length).put(pixels).flip());
    }

    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int pixelsPerImage() {
        return rows * columns;
    }

    /** All pixels, one image after the other: a read-only view of the decoded buffer (direct, from position 0). */
    public ByteBuffer pixels() {
        return pixels.asReadOnlyBuffer();
    }

    /** The grey value (0..255) of one pixel. */
    public int pixel(int image, int row, int column) {
        return pixels.get(image * pixelsPerImage() + row * columns + column) & 0xFF;
    }

    /** The grey values of one image, row-major. */
    public byte[] image(int image) {
        byte[] out = new byte[pixelsPerImage()];
        pixels.get(image * out.length, out);
        return out;
    }

    /** Mean and standard deviation of the 0..1 grey values of the chosen images ({@link Normalization#of}). */
    public Normalization normalization(int[] chosen) {
        return Normalization.of(pixels, pixelsPerImage(), chosen);
    }

    /** The normalised floats of the chosen images, one after the other ({@link Normalization#apply}). */
    public float[] normalized(Normalization normalization, int[] chosen) {
        return normalization.apply(pixels, pixelsPerImage(), chosen);
    }

    public String shape() {
        return count + "x" + rows + "x" + columns;
    }
}
