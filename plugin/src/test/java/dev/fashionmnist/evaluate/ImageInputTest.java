package dev.fashionmnist.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.internal.ImagePreparation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image bombs: a tiny file that declares a huge image is refused from its header, before any decoding, with a
 * message naming the file, its size and the limit; images within the limit are still read.
 */
class ImageInputTest {
    @TempDir
    Path dir;

    /**
     * A real 1-bit grey PNG of {@code width x height} black pixels, written without ever holding the image: the
     * zero rows are deflated as they are generated (20000x20000 gives a file of about 50 KB).
     */
    static Path blackPng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0 and the packed bits
        try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {1, 0, 0, 0, 0}); // bit depth 1, grey, deflate, adaptive filtering, no interlace
        try (DataOutputStream png = new DataOutputStream(Files.newOutputStream(file))) {
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static void assertRefused(Path file, String size) {
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> ImageInput.prepare(file, 28, 28, ImagePreparation.Invert.AUTO));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), m);
        assertTrue(m.contains(size), "'" + m + "' names the image's size " + size);
        assertTrue(m.contains(String.valueOf(ImageInput.MAX_PIXELS)) && m.contains("4096x4096"), m);
    }

    @Test
    void aPngBombIsRefusedFromItsHeader() throws Exception {
        Path bomb = blackPng(dir.resolve("bomb.png"), 20_000, 20_000);
        assertTrue(Files.size(bomb) < 200_000, "a small file: " + Files.size(bomb));
        assertRefused(bomb, "20000x20000");
    }

    @Test
    void oneRowMoreThanTheLimitIsRefusedAndTheLimitItselfIsRead() throws Exception {
        assertRefused(blackPng(dir.resolve("tall.png"), 4096, 4097), "4096x4097");
        Path largest = blackPng(dir.resolve("largest.png"), 4096, 4096);
        ImageInput.Prepared p = ImageInput.prepare(largest, 28, 28, ImagePreparation.Invert.FALSE);
        assertEquals(28 * 28, p.pixels().length);
        for (byte b : p.pixels()) {
            assertEquals(0, b, "black stays black");
        }
    }

    @Test
    void aJpegThatDeclaresAHugeImageIsRefused() throws Exception {
        BufferedImage small = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(small, "jpeg", out));
        byte[] jpeg = out.toByteArray();
        int sof = -1;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                sof = i;
                break;
            }
        }
        assertTrue(sof > 0, "the JPEG has a baseline frame header");
        // FF C0, length (2), precision (1), height (2), width (2): declare 20000x20000
        jpeg[sof + 5] = (byte) (20_000 >> 8);
        jpeg[sof + 6] = (byte) 20_000;
        jpeg[sof + 7] = (byte) (20_000 >> 8);
        jpeg[sof + 8] = (byte) 20_000;
        Path bomb = Files.write(dir.resolve("bomb.jpg"), jpeg);
        assertRefused(bomb, "20000x20000");
    }

    @Test
    void theRefusalsInGerman() throws Exception {
        Path bomb = blackPng(dir.resolve("bomb.png"), 20000, 20000);
        ClassifierException e = assertThrows(ClassifierException.class, () -> ImageInput.read(bomb));
        assertEquals(bomb + " hat 20000x20000 Pixel (400000000), mehr als predict annimmt: höchstens 16777216 Pixel "
                + "(z. B. 4096x4096); verkleinere das Bild zuerst", e.message().in(Language.GERMAN));
        assertEquals(bomb + " is 20000x20000 pixels (400000000), more than predict takes: at most 16777216 pixels "
                + "(e.g. 4096x4096); scale it down first", e.getMessage());
        e = assertThrows(ClassifierException.class, () -> ImageInput.parseInvert("maybe"));
        assertEquals("Parameter 'invert' ist 'maybe': Verwende auto (nach dem Rand entscheiden), 'true' oder 'false'",
                e.message().in(Language.GERMAN));
        Path none = dir.resolve("none");
        e = assertThrows(ClassifierException.class, () -> ImageInput.find(none));
        assertEquals("Parameter 'images' ist " + none + ", das es nicht gibt: Gib eine PNG- oder JPEG-Datei an oder "
                + "einen Ordner davon", e.message().in(Language.GERMAN));
    }
}
