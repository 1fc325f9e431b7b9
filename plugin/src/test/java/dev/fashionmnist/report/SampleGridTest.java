package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.IdxLabels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {
    @TempDir
    Path dir;

    @Test
    void writesA3By6GridWithDarkInkOnWhite() throws Exception {
        int count = 20;
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++) {
            for (int p = 10 * 28; p < 18 * 28; p++) {
                pixels[i * 784 + p] = (byte) 255; // a white bar in each image
            }
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 3);
        }
        Path png = dir.resolve("out/samples.png");
        SampleGrid.write(new IdxImages(count, 28, 28, pixels), new IdxLabels(labels), List.of("Cat", "Dog", "Bird"),
                png);
        BufferedImage img = ImageIO.read(png.toFile());
        int[] size = SampleGrid.size(28, 28);
        assertEquals(size[0], img.getWidth());
        assertEquals(size[1], img.getHeight());
        assertTrue(img.getWidth() > 6 * 28 && img.getHeight() > 3 * 28);
        long dark = 0;
        long light = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int grey = img.getRGB(x, y) & 0xFF;
                if (grey < 40) {
                    dark++;
                } else if (grey > 215) {
                    light++;
                }
            }
        }
        // 18 bars of 8×28 source pixels, drawn 4× larger, are dark; the background is light
        assertTrue(dark >= 18L * 8 * 28 * 16, "ink is dark: " + dark);
        assertTrue(light > dark, "background is light");
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "only samples.png, no temporary file");
        }
    }
}
