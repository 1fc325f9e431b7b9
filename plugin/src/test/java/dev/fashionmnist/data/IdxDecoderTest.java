package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.IdxFixtures;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDecoderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private String imagesError(byte[] bytes) throws IOException {
        Path p = write("bad-images", bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxDecoder.readImages(p));
        assertTrue(e.getMessage().startsWith(p.toString()), "message names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void decodesRawAndGzipImagesIdentically() throws IOException {
        byte[] raw = IdxFixtures.images(5, 28, 28, 7);
        IdxImages a = IdxDecoder.readImages(write("raw", raw));
        IdxImages b = IdxDecoder.readImages(write("gz", IdxFixtures.gzip(raw)));
        assertEquals(5, a.count());
        assertEquals(28, a.rows());
        assertEquals(28, a.columns());
        assertEquals("5x28x28", a.shape());
        assertTrue(a.pixels().isDirect(), "decoded off the heap");
        assertTrue(a.pixels().isReadOnly(), "callers get a read-only view");
        assertEquals(ByteBuffer.wrap(raw, 16, raw.length - 16), a.pixels());
        assertEquals(a.pixels(), b.pixels());
        assertArrayEquals(Arrays.copyOfRange(raw, 16 + 28 * 28, 16 + 2 * 28 * 28), a.image(1));
        assertEquals(raw[16 + 28 * 28 + 3 * 28 + 2] & 0xFF, a.pixel(1, 3, 2));
    }

    @Test
    void decodesLabels() throws IOException {
        byte[] raw = IdxFixtures.labels(30, 10, 3);
        IdxLabels labels = IdxDecoder.readLabels(write("labels.gz", IdxFixtures.gzip(raw)), 10);
        assertEquals(30, labels.count());
        for (int i = 0; i < 30; i++) {
            assertEquals(raw[8 + i], labels.label(i));
        }
    }

    @Test
    void rejectsWrongMagicNumber() throws IOException {
        byte[] raw = IdxFixtures.images(2, 28, 28, 1);
        raw[0] = 0x12;
        String m = imagesError(raw);
        assertTrue(m.contains("not an IDX file") && m.contains("0x00000803"), m);
    }

    @Test
    void rejectsLabelFileWhereImagesAreExpected() throws IOException {
        String m = imagesError(IdxFixtures.labels(10, 10, 1));
        assertTrue(m.contains("1 dimension(s)") && m.contains("expected 3"), m);
    }

    @Test
    void rejectsUnsupportedElementType() throws IOException {
        byte[] raw = IdxFixtures.images(2, 28, 28, 1);
        raw[2] = 0x0D;
        String m = imagesError(raw);
        assertTrue(m.contains("element type 0x0D") && m.contains("unsigned byte"), m);
    }

    @Test
    void rejectsZeroDimension() throws IOException {
        String m = imagesError(IdxFixtures.idx(0x803, new int[] {0, 28, 28}, new byte[0]));
        assertTrue(m.contains("dimension 1 is 0"), m);
    }

    @Test
    void rejectsNegativeDimension() throws IOException {
        String m = imagesError(IdxFixtures.idx(0x803, new int[] {2, -28, 28}, new byte[0]));
        assertTrue(m.contains("dimension 2") && m.contains("negative"), m);
    }

    @Test
    void rejectsTooShortFileAndTruncatedHeader() throws IOException {
        assertTrue(imagesError(new byte[] {0, 0}).contains("too short"));
        byte[] header = Arrays.copyOf(IdxFixtures.images(2, 28, 28, 1), 10);
        assertTrue(imagesError(header).contains("header is truncated"));
    }

    @Test
    void rejectsTruncatedRawData() throws IOException {
        byte[] raw = IdxFixtures.images(3, 28, 28, 1);
        String m = imagesError(Arrays.copyOf(raw, raw.length - 100));
        assertTrue(m.contains("is truncated") && m.contains("promises 2352 data bytes")
                && m.contains("holds 2252"), m);
    }

    @Test
    void rejectsTruncatedGzipStream() throws IOException {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(50, 28, 28, 1), 0);
        String m = imagesError(Arrays.copyOf(gz, gz.length / 2));
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void rejectsGzipWhoseContentIsShorterThanPromised() throws IOException {
        byte[] raw = IdxFixtures.images(3, 28, 28, 1);
        String m = imagesError(IdxFixtures.gzip(Arrays.copyOf(raw, raw.length - 1)));
        assertTrue(m.contains("is truncated") && m.contains("holds 2351"), m);
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] raw = IdxFixtures.images(3, 28, 28, 1);
        String m = imagesError(Arrays.copyOf(raw, raw.length + 5));
        assertTrue(m.contains("5 unexpected trailing bytes"), m);
        m = imagesError(IdxFixtures.gzip(Arrays.copyOf(raw, raw.length + 5)));
        assertTrue(m.contains("5 unexpected trailing bytes"), m);
    }

    @Test
    void rejectsHeaderPromisingMoreThanTheFileHoldsBeforeAllocating() throws IOException {
        // 1,000,000,000 promised bytes in a 26-byte file: must fail on the size check, not with an OutOfMemoryError
        byte[] lying = IdxFixtures.idx(0x803, new int[] {1000, 1000, 1000}, new byte[10]);
        String m = imagesError(lying);
        assertTrue(m.contains("promises 1000000000 data bytes, the file holds 10"), m);
        // the same lie inside gzip: the buffer grows only with the data that arrives
        m = imagesError(IdxFixtures.gzip(lying));
        assertTrue(m.contains("is truncated") && m.contains("holds 10"), m);
    }

    @Test
    void rejectsDimensionsBeyondAnyArray() throws IOException {
        String m = imagesError(IdxFixtures.idx(0x803, new int[] {60000, 60000, 28}, new byte[4]));
        assertTrue(m.contains("promise more than"), m);
    }

    @Test
    void rejectsCorruptGzip() throws IOException {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(20, 28, 28, 1));
        gz[gz.length - 6] ^= 0x5A; // the CRC trailer
        String m = imagesError(gz);
        assertTrue(m.contains("gzip"), m);
    }

    @Test
    void rejectsLabelOutsideTheClasses() throws IOException {
        byte[] raw = IdxFixtures.idx(0x801, new int[] {4}, new byte[] {0, 1, 12, 2});
        Path p = write("labels", raw);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxDecoder.readLabels(p, 10));
        assertEquals(p + ": label 12 at index 2 is not a valid class: the dataset has 10 classes (labels 0 to 9)",
                e.getMessage());
        assertEquals(p + ": Klassennummer 12 an Position 2 ist keine gültige Klasse: der Datensatz hat 10 Klassen "
                + "(Klassennummern 0 bis 9)", Messages.of(e, Language.GERMAN));
    }

    @Test
    void reportsMissingFile() {
        Path p = dir.resolve("nothing-here");
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxDecoder.readImages(p));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void loadedDatasetChecksThatImagesAndLabelsMatch() throws IOException {
        Map<DatasetFile, byte[]> files = IdxFixtures.dataset();
        files.put(DatasetFile.TRAIN_LABELS, IdxFixtures.labels(IdxFixtures.TRAIN - 1, IdxFixtures.CLASSES, 9));
        IdxFixtures.write(dir, files, true);
        DatasetSpec spec = DatasetCatalog.resolve("tiny", java.util.List.of("a", "b", "c"), Map.of());
        Map<DatasetFile, Path> paths = new java.util.EnumMap<>(DatasetFile.class);
        for (DatasetFile f : DatasetFile.values()) {
            paths.put(f, dir.resolve(f.gzipName()));
        }
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> LoadedDataset.decode(spec, paths));
        assertTrue(e.getMessage().contains("holds 39 labels") && e.getMessage().contains("40 images"),
                e.getMessage());
    }

    @Test
    void loadedDatasetChecksImageSizes() throws IOException {
        Map<DatasetFile, byte[]> files = IdxFixtures.dataset();
        files.put(DatasetFile.TEST_IMAGES, IdxFixtures.images(IdxFixtures.TEST, 32, 32, 9));
        IdxFixtures.write(dir, files, false);
        DatasetSpec spec = DatasetCatalog.resolve("tiny", java.util.List.of("a", "b", "c"), Map.of());
        Map<DatasetFile, Path> paths = new java.util.EnumMap<>(DatasetFile.class);
        for (DatasetFile f : DatasetFile.values()) {
            paths.put(f, dir.resolve(f.fileName()));
        }
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> LoadedDataset.decode(spec, paths));
        assertTrue(e.getMessage().contains("32x32") && e.getMessage().contains("28x28"), e.getMessage());
    }
}
