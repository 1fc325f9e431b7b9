package dev.fashionmnist.data;

/**
 * Decoded IDX image data: {@code count} images of {@code rows × columns} unsigned bytes, stored row-major,
 * one image after the other.
 */
public record IdxImages(int count, int rows, int columns, byte[] pixels) {

    public int pixelsPerImage() {
        return rows * columns;
    }

    /** The grey value (0..255) of one pixel. */
    public int pixel(int image, int row, int column) {
        return pixels[image * pixelsPerImage() + row * columns + column] & 0xFF;
    }

    public String shape() {
        return count + "x" + rows + "x" + columns;
    }
}
