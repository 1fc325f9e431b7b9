package dev.fashionmnist.data;

/** The checked header of an IDX file: its dimensions (e.g. count x rows x columns for images, count for labels). */
public record IdxHeader(int[] dims) {

    /** The bytes of the header itself: magic number and one 4-byte size per dimension. */
    public int headerBytes() {
        return 4 + 4 * dims.length;
    }

    /** The data bytes the header promises: the product of the dimensions. */
    public long dataBytes() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** The whole decoded file's size: header plus data. */
    public long fileBytes() {
        return headerBytes() + dataBytes();
    }

    /** The number of items: images or labels. */
    public int count() {
        return dims[0];
    }

    /** The dimensions as written in messages, e.g. {@code 10x28x28}. */
    public String shape() {
        return IdxDecoder.describe(dims, dims.length);
    }

    /** The header's bytes as they appear in the file. */
    public byte[] bytes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(headerBytes());
        b.putInt(dims.length == 1 ? IdxDecoder.LABELS_MAGIC : IdxDecoder.IMAGES_MAGIC);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }
}
