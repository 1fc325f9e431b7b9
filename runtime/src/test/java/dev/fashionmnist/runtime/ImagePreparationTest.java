package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.ImagePreparation;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images as an application has them: a real test image drawn dark on white paper and twice as large is prepared back
 * into the dataset's image exactly, and classified as the dataset's image is.
 */
class ImagePreparationTest {
    @TempDir
    Path dir;

    @Test
    void aDarkGarmentOnWhiteTwiceAsLargeBecomesTheDatasetImage() throws Exception {
        List<float[]> images = TestModels.testImages(5);
        Path model = TestModels.write(dir.resolve("mlp"), ModelSpec.of("mlp", 64, null, null, 28, 28, 10), 9);
        try (Classifier c = Classifier.load(model)) {
            for (float[] image : images) {
                byte[] original = bytes(image);
                BufferedImage paper = darkOnWhite(original, 2);
                ImagePreparation.Prepared p = ImagePreparation.prepare(paper, 28, 28, ImagePreparation.Invert.AUTO);
                assertTrue(p.inverted(), "a light border is a light background: inverted");
                assertArrayEquals(original, p.pixels());
                List<Prediction> fromImage = c.classify(paper, 10);
                List<Prediction> fromPixels = c.classify(image, 10);
                for (int k = 0; k < 10; k++) {
                    assertEquals(fromPixels.get(k).classIndex(), fromImage.get(k).classIndex());
                    assertEquals(fromPixels.get(k).probability(), fromImage.get(k).probability(), 1e-5);
                }
                assertEquals(c.classify(p.pixels(), 10), fromImage);
            }
        }
    }

    @Test
    void aLightGarmentOnBlackIsNotInvertedAndAWideImageIsCentred() {
        BufferedImage wide = new BufferedImage(56, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 4; y < 24; y++) {
            for (int x = 20; x < 36; x++) {
                wide.getRaster().setSample(x, y, 0, 200);
            }
        }
        ImagePreparation.Prepared p = ImagePreparation.prepare(wide, 28, 28, ImagePreparation.Invert.AUTO);
        assertFalse(p.inverted());
        // 56x28 fitted into 28x28 is 28x14, centred: rows 0-6 and 21-27 stay black
        for (int x = 0; x < 28; x++) {
            assertEquals(0, p.pixels()[3 * 28 + x] & 0xFF, "row 3");
            assertEquals(0, p.pixels()[24 * 28 + x] & 0xFF, "row 24");
        }
        assertEquals(200, p.pixels()[14 * 28 + 14] & 0xFF, "the centre keeps its grey value");
    }

    private static byte[] bytes(float[] image) {
        byte[] b = new byte[image.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Math.round(image[i] * 255);
        }
        return b;
    }

    /** The image inverted (dark on white) and scaled up {@code factor} times, each pixel a square. */
    private static BufferedImage darkOnWhite(byte[] pixels, int factor) {
        BufferedImage img = new BufferedImage(28 * factor, 28 * factor, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 28 * factor; y++) {
            for (int x = 0; x < 28 * factor; x++) {
                int v = 255 - (pixels[(y / factor) * 28 + x / factor] & 0xFF);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }
}
