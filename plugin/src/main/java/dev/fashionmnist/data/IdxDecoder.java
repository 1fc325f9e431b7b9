package dev.fashionmnist.data;

import dev.fashionmnist.text.Messages;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Strict decoder for IDX files (the MNIST format), gzip-compressed or raw. It checks the magic number, the
 * element type, the number of dimensions, that every dimension is positive, that the bytes present are exactly
 * the bytes the header promises, and for labels that each value is a valid class. A header that promises more
 * data than the file holds is rejected before the data is allocated.
 */
public final class IdxDecoder {
    static final int LABELS_MAGIC = 0x00000801;
    static final int IMAGES_MAGIC = 0x00000803;
    private static final int UNSIGNED_BYTE = 0x08;
    /** The most data bytes (pixels or labels) one IDX file may hold: 2 GiB less 65 bytes (the largest Java array). */
    public static final int MAX_DATA_BYTES = Integer.MAX_VALUE - 64;
    private static final int CHUNK = 1 << 20;
    /**
     * The most bytes one compressed byte can inflate to: deflate's limit is 1032 (a byte of ones gives at most 4
     * length-258 matches); twice that for a margin. A header that promises more than its compressed file can hold
     * gets no buffer of that size before the data arrives.
     */
    private static final long MAX_INFLATION = 2064;

    private IdxDecoder() {
    }

    /**
     * Decodes the images of {@code file} into a direct buffer (off the Java heap: see {@link IdxImages}), read a chunk
     * at a time.
     */
    public static IdxImages readImages(Path file) {
        Decoded d = decode(file, 3, true);
        return new IdxImages(d.dims[0], d.dims[1], d.dims[2], d.direct);
    }

    /** Reads labels and checks that each one is below {@code classCount}. */
    public static IdxLabels readLabels(Path file, int classCount) {
        Decoded d = decode(file, 1, false);
        byte[] labels = d.data;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classCount) {
                throw new IdxFormatException(Messages.of("data.idx.badLabel", file, label, i, classCount,
                        classCount - 1));
            }
        }
        return new IdxLabels(labels);
    }

    /** True when the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The header's dimensions and the data: in {@code data} (heap), or else in {@code direct}. */
    private record Decoded(int[] dims, byte[] data, ByteBuffer direct) {
    }

    private static Decoded decode(Path file, int expectedDims, boolean direct) {
        try {
            boolean gzip = isGzip(file);
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                 InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                long payloadBytes = gzip ? -1 : Files.size(file);
                long inflatedAtMost = gzip ? MAX_INFLATION * Files.size(file) : payloadBytes;
                return decode(in, payloadBytes, inflatedAtMost, file, expectedDims, direct);
            }
        } catch (NoSuchFileException e) {
            throw new IdxFormatException(Messages.of("data.idx.noFile", file));
        } catch (ZipException e) {
            throw new IdxFormatException(Messages.of("data.idx.corruptGzip", file, e.getMessage()));
        } catch (IOException e) {
            throw new IdxFormatException(Messages.of("data.idx.unreadable", file, e.getMessage()));
        }
    }

    private static Decoded decode(InputStream in, long fileSize, long inflatedAtMost, Path file, int expectedDims,
                                  boolean direct) throws IOException {
        IdxHeader header = readHeader(in, file.toString(), expectedDims);
        int[] dims = header.dims();
        if (fileSize >= 0) {
            long present = fileSize - header.headerBytes();
            if (present != header.dataBytes()) {
                throw mismatch(file, dims, header.dataBytes(), present);
            }
        }
        int promised = (int) header.dataBytes();
        if (direct && promised <= inflatedAtMost) {
            // the data can be present (a raw file's size was just checked against the header; a compressed file
            // can inflate to this size): read into one direct buffer of that size, nothing of it on the heap
            return new Decoded(dims, null, readPromisedDirect(in, promised, file, dims));
        }
        // a raw file's size was just checked against the header: its data is read into one array of that size
        byte[] data = readPromised(in, promised, fileSize >= 0, file, dims);
        return new Decoded(dims, data, direct ? ByteBuffer.allocateDirect(data.length).put(data).flip() : null);
    }

    /**
     * The data bytes (pixels or labels) that the header of {@code file}, gzip-compressed or raw, promises: what
     * decoding it holds in memory. Reads only the header; checks it as {@link #readHeader(Path, int)} does.
     */
    public static long dataBytes(Path file, int expectedDims) {
        try {
            boolean gzip = isGzip(file);
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return readHeader(in, file.toString(), expectedDims).dataBytes();
            }
        } catch (NoSuchFileException e) {
            throw new IdxFormatException(Messages.of("data.idx.noFile", file));
        } catch (IOException e) {
            throw new IdxFormatException(Messages.of("data.idx.unreadable", file, e.getMessage()));
        }
    }

    /** Reads and checks the header of an uncompressed IDX file with {@code expectedDims} dimensions. */
    public static IdxHeader readHeader(Path file, int expectedDims) {
        try (InputStream in = Files.newInputStream(file)) {
            return readHeader(in, file.toString(), expectedDims);
        } catch (NoSuchFileException e) {
            throw new IdxFormatException(Messages.of("data.idx.noFile", file));
        } catch (IOException e) {
            throw new IdxFormatException(Messages.of("data.idx.unreadable", file, e.getMessage()));
        }
    }

    /**
     * Reads and checks an IDX header from {@code in} (already decompressed): magic number, element type, number of
     * dimensions, each dimension at least 1, and at most {@link #MAX_DATA_BYTES} data bytes promised. Messages
     * start with {@code name}. Reads nothing beyond the header.
     */
    static IdxHeader readHeader(InputStream in, String name, int expectedDims) throws IOException {
        int expectedMagic = expectedDims == 1 ? LABELS_MAGIC : IMAGES_MAGIC;
        byte[] head = new byte[4];
        int got = readFully(in, head, 0, 4);
        if (got < 4) {
            throw new IdxFormatException(expectedDims == 1
                    ? Messages.of("data.idx.tooShort.labels", name, got, hex(expectedMagic))
                    : Messages.of("data.idx.tooShort.images", name, got, hex(expectedMagic)));
        }
        int magic = toInt(head, 0);
        if (head[0] != 0 || head[1] != 0) {
            throw new IdxFormatException(expectedDims == 1
                    ? Messages.of("data.idx.badMagic.labels", name, hex(magic), hex(expectedMagic))
                    : Messages.of("data.idx.badMagic.images", name, hex(magic), hex(expectedMagic)));
        }
        if ((head[2] & 0xFF) != UNSIGNED_BYTE) {
            throw new IdxFormatException(Messages.of("data.idx.elementType", name,
                    String.format("%02X", head[2] & 0xFF), hex(expectedMagic)));
        }
        int dimCount = head[3] & 0xFF;
        if (dimCount != expectedDims) {
            throw new IdxFormatException(expectedDims == 1
                    ? Messages.of("data.idx.dimCount.labels", name, dimCount, hex(magic), expectedDims,
                            hex(expectedMagic))
                    : Messages.of("data.idx.dimCount.images", name, dimCount, hex(magic), expectedDims,
                            hex(expectedMagic)));
        }
        byte[] dimBytes = new byte[4 * dimCount];
        got = readFully(in, dimBytes, 0, dimBytes.length);
        if (got < dimBytes.length) {
            throw new IdxFormatException(Messages.of("data.idx.headerTruncated", name, dimCount, 4 + got));
        }
        int[] dims = new int[dimCount];
        long elements = 1;
        for (int i = 0; i < dimCount; i++) {
            dims[i] = toInt(dimBytes, 4 * i);
            if (dims[i] <= 0) {
                throw new IdxFormatException(dims[i] < 0
                        ? Messages.of("data.idx.dimNegative", name, i + 1, Integer.toUnsignedLong(dims[i]))
                        : Messages.of("data.idx.dimZero", name, i + 1, Integer.toUnsignedLong(dims[i])));
            }
            elements *= dims[i];
            if (elements > MAX_DATA_BYTES) {
                throw new IdxFormatException(Messages.of("data.idx.tooLarge", name, describe(dims, i + 1),
                        MAX_DATA_BYTES));
            }
        }
        return new IdxHeader(dims);
    }

    /**
     * Reads exactly {@code promised} bytes; unless the size is {@code known} to be present, the buffer grows only as
     * data arrives (a header can lie about a compressed stream).
     */
    private static byte[] readPromised(InputStream in, int promised, boolean known, Path file, int[] dims)
            throws IOException {
        byte[] data = new byte[known ? promised : Math.min(promised, CHUNK)];
        int filled = 0;
        try {
            while (filled < promised) {
                if (filled == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(promised, Math.max(CHUNK, 2L * data.length)));
                }
                // at most a chunk per call: a file's stream reads into a heap array through a temporary native
                // buffer of the call's size that the JDK keeps for the thread afterwards (47 MB for Fashion-MNIST's
                // training images, resident until the engine JVM ends)
                int n = in.read(data, filled, Math.min(CHUNK, data.length - filled));
                if (n < 0) {
                    throw mismatch(file, dims, promised, filled);
                }
                filled += n;
            }
        } catch (EOFException e) {
            throw new IdxFormatException(Messages.of("data.idx.gzipTruncated", file, filled, promised,
                    describe(dims, dims.length)));
        }
        byte[] probe = new byte[4096];
        long extra = 0;
        for (int n; (n = in.read(probe)) > 0; ) {
            extra += n;
        }
        if (extra > 0) {
            throw mismatch(file, dims, promised, promised + extra);
        }
        return data;
    }

    /** Reads exactly {@code promised} bytes into a direct buffer of that size, through a small heap chunk. */
    private static ByteBuffer readPromisedDirect(InputStream in, int promised, Path file, int[] dims)
            throws IOException {
        ByteBuffer data = ByteBuffer.allocateDirect(promised);
        byte[] chunk = new byte[1 << 16];
        try {
            while (data.hasRemaining()) {
                int n = in.read(chunk, 0, Math.min(chunk.length, data.remaining()));
                if (n < 0) {
                    throw mismatch(file, dims, promised, data.position());
                }
                data.put(chunk, 0, n);
            }
        } catch (EOFException e) {
            throw new IdxFormatException(Messages.of("data.idx.gzipTruncated", file, data.position(), promised,
                    describe(dims, dims.length)));
        }
        long extra = 0;
        for (int n; (n = in.read(chunk)) > 0; ) {
            extra += n;
        }
        if (extra > 0) {
            throw mismatch(file, dims, promised, promised + extra);
        }
        return data.flip();
    }

    private static IdxFormatException mismatch(Path file, int[] dims, long promised, long present) {
        return new IdxFormatException(present < promised
                ? Messages.of("data.idx.truncated", file, describe(dims, dims.length), promised, present)
                : Messages.of("data.idx.trailing", file, present - promised, describe(dims, dims.length), promised,
                        present));
    }

    static String describe(int[] dims, int upTo) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < upTo; i++) {
            if (i > 0) {
                s.append('x');
            }
            s.append(Integer.toUnsignedLong(dims[i]));
        }
        return s.toString();
    }

    private static int readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
        int total = 0;
        try {
            while (total < len) {
                int n = in.read(buf, off + total, len - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException e) {
            // a truncated gzip stream: report what arrived
        }
        return total;
    }

    private static int toInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
