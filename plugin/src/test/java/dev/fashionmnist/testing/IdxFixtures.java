package dev.fashionmnist.testing;

import dev.fashionmnist.data.DatasetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Small generated IDX data for tests: a tiny dataset with the four standard files. */
public final class IdxFixtures {
    public static final int TRAIN = 40;
    public static final int TEST = 12;
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int CLASSES = 3;

    private IdxFixtures() {
    }

    public static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    public static byte[] images(int count, int rows, int columns, long seed) {
        byte[] pixels = new byte[count * rows * columns];
        new Random(seed).nextBytes(pixels);
        return idx(0x803, new int[] {count, rows, columns}, pixels);
    }

    public static byte[] labels(int count, int classes, long seed) {
        byte[] labels = new byte[count];
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) r.nextInt(classes);
        }
        return idx(0x801, new int[] {count}, labels);
    }

    public static byte[] gzip(byte[] raw, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] raw) {
        return gzip(raw, Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * A gzip bomb: {@code header} (a valid IDX header) followed by {@code zeros} zero bytes, compressed as a stream
     * (never held decoded in memory), so that a few hundred KB inflate to hundreds of MB.
     */
    public static byte[] gzipBomb(byte[] header, long zeros) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(header);
            for (long left = zeros; left > 0; left -= chunk.length) {
                gz.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The header of an IDX images file: magic number and three dimensions, no data. */
    public static byte[] imagesHeader(int count, int rows, int columns) {
        return idx(0x803, new int[] {count, rows, columns}, new byte[0]);
    }

    /** The raw (decoded) bytes of each standard file of the tiny dataset. */
    public static Map<DatasetFile, byte[]> dataset() {
        Map<DatasetFile, byte[]> files = new EnumMap<>(DatasetFile.class);
        files.put(DatasetFile.TRAIN_IMAGES, images(TRAIN, ROWS, COLUMNS, 1));
        files.put(DatasetFile.TRAIN_LABELS, labels(TRAIN, CLASSES, 2));
        files.put(DatasetFile.TEST_IMAGES, images(TEST, ROWS, COLUMNS, 3));
        files.put(DatasetFile.TEST_LABELS, labels(TEST, CLASSES, 4));
        return files;
    }

    public static Map<DatasetFile, String> sha256(Map<DatasetFile, byte[]> files) {
        Map<DatasetFile, String> sha = new EnumMap<>(DatasetFile.class);
        files.forEach((f, bytes) -> sha.put(f, sha256(bytes)));
        return sha;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the tiny dataset into {@code dir}, as .gz files or raw. */
    public static void write(Path dir, Map<DatasetFile, byte[]> files, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<DatasetFile, byte[]> e : files.entrySet()) {
            if (gzip) {
                Files.write(dir.resolve(e.getKey().gzipName()), gzip(e.getValue()));
            } else {
                Files.write(dir.resolve(e.getKey().fileName()), e.getValue());
            }
        }
    }
}
