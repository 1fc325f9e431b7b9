package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random crops and flips on tiny 4x4 images whose pixels are all distinct, so that each output reveals which
 * shift and flip made it.
 */
class BatchAugmenterTest {
    private static final int ROWS = 4;
    private static final int COLS = 4;
    private static final int PIXELS = ROWS * COLS;
    private static final float BACKGROUND = -0.5f;
    private static final int DRAWS = 2000;

    /** Three images; image i has the pixels 100*(i+1) + 0..15, none equal to the background. */
    private static float[] images() {
        float[] images = new float[3 * PIXELS];
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < PIXELS; p++) {
                images[i * PIXELS + p] = 100 * (i + 1) + p;
            }
        }
        return images;
    }

    private static float[] image(float[] images, int i) {
        return Arrays.copyOfRange(images, i * PIXELS, (i + 1) * PIXELS);
    }

    /** The image mirrored left-right. */
    private static float[] mirrored(float[] img) {
        float[] out = new float[PIXELS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                out[r * COLS + c] = img[r * COLS + (COLS - 1 - c)];
            }
        }
        return out;
    }

    /** The image moved by (dy, dx): out[r][c] = img[r + dy][c + dx], background outside. */
    private static float[] shifted(float[] img, int dy, int dx) {
        float[] out = new float[PIXELS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                int sr = r + dy;
                int sc = c + dx;
                out[r * COLS + c] = sr < 0 || sr >= ROWS || sc < 0 || sc >= COLS ? BACKGROUND : img[sr * COLS + sc];
            }
        }
        return out;
    }

    /** The shift (dy, dx, mirrored 0/1) that turns {@code img} into {@code out}, or null if none within the pad. */
    private static int[] explain(float[] img, float[] out, boolean allowMirror) {
        for (int m = 0; m <= (allowMirror ? 1 : 0); m++) {
            float[] source = m == 1 ? mirrored(img) : img;
            for (int dy = -BatchAugmenter.PAD; dy <= BatchAugmenter.PAD; dy++) {
                for (int dx = -BatchAugmenter.PAD; dx <= BatchAugmenter.PAD; dx++) {
                    if (Arrays.equals(shifted(source, dy, dx), out)) {
                        return new int[] {dy, dx, m};
                    }
                }
            }
        }
        return null;
    }

    private static float[] draw(BatchAugmenter augmenter, Random random) {
        return augmenter.batch(new int[] {1}, 0, 1, random);
    }

    @Test
    void outputHoldsTheRequestedImagesOneAfterTheOther() {
        float[] images = images();
        BatchAugmenter augmenter = new BatchAugmenter(images, ROWS, COLS, false, BACKGROUND);
        int[] indices = {2, 0, 1, 2, 0};
        float[] out = augmenter.batch(indices, 1, 4, new Random(1));
        assertEquals(3 * PIXELS, out.length, "count * rows * cols");
        for (int k = 0; k < 3; k++) {
            float[] img = image(images, indices[1 + k]);
            float[] got = Arrays.copyOfRange(out, k * PIXELS, (k + 1) * PIXELS);
            Set<Float> allowed = new HashSet<>();
            for (float v : img) {
                allowed.add(v);
            }
            allowed.add(BACKGROUND);
            for (float v : got) {
                assertTrue(allowed.contains(v), "pixel " + v + " of output " + k + " is neither a pixel of image "
                        + indices[1 + k] + " nor the background");
            }
            assertTrue(explain(img, got, false) != null, "output " + k + " is a shift of image " + indices[1 + k]
                    + ": " + Arrays.toString(got));
        }
        assertEquals(0, augmenter.batch(indices, 2, 2, new Random(1)).length, "an empty range gives no pixels");
    }

    @Test
    void everyPixelIsAnInputPixelOrTheBackground() {
        float[] images = images();
        for (boolean flip : new boolean[] {false, true}) {
            BatchAugmenter augmenter = new BatchAugmenter(images, ROWS, COLS, flip, BACKGROUND);
            Random random = new Random(42);
            for (int i = 0; i < DRAWS; i++) {
                float[] out = draw(augmenter, random);
                assertEquals(PIXELS, out.length);
                for (float v : out) {
                    boolean fromImage1 = v >= 200 && v < 200 + PIXELS && v == Math.rint(v);
                    assertTrue(fromImage1 || v == BACKGROUND, "pixel " + v + " (flip=" + flip + ")");
                }
            }
        }
    }

    @Test
    void withoutFlipSomeDrawIsTheImageItselfAndNoneIsMirrored() {
        float[] images = images();
        float[] img = image(images, 1);
        float[] mirror = mirrored(img);
        BatchAugmenter augmenter = new BatchAugmenter(images, ROWS, COLS, false, BACKGROUND);
        Random random = new Random(7);
        int identical = 0;
        Set<String> shifts = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            float[] out = draw(augmenter, random);
            if (Arrays.equals(out, img)) {
                identical++;
            }
            assertFalse(Arrays.equals(out, mirror), "flip=false never mirrors");
            int[] how = explain(img, out, false);
            assertTrue(how != null, "every draw is the image shifted by at most " + BatchAugmenter.PAD + ": "
                    + Arrays.toString(out));
            shifts.add(how[0] + "," + how[1]);
        }
        assertTrue(identical > 0, "a shift-free draw reproduces the image");
        assertTrue(identical < DRAWS, "not every draw is shift-free");
        assertEquals(25, shifts.size(), "all 5x5 shifts occur: " + shifts);
    }

    @Test
    void withFlipSomeDrawIsTheMirroredImage() {
        float[] images = images();
        float[] img = image(images, 1);
        float[] mirror = mirrored(img);
        BatchAugmenter augmenter = new BatchAugmenter(images, ROWS, COLS, true, BACKGROUND);
        Random random = new Random(7);
        int mirrored = 0;
        int identical = 0;
        int mirroredAndShifted = 0;
        for (int i = 0; i < DRAWS; i++) {
            float[] out = draw(augmenter, random);
            if (Arrays.equals(out, mirror)) {
                mirrored++;
            }
            if (Arrays.equals(out, img)) {
                identical++;
            }
            int[] how = explain(img, out, true);
            assertTrue(how != null, "every draw is the image, maybe mirrored, shifted by at most "
                    + BatchAugmenter.PAD + ": " + Arrays.toString(out));
            if (how[2] == 1 && (how[0] != 0 || how[1] != 0)) {
                mirroredAndShifted++;
            }
        }
        assertTrue(mirrored > 0, "some draw is the mirrored image");
        assertTrue(identical > 0, "some draw is neither mirrored nor shifted");
        assertTrue(mirroredAndShifted > 0, "flips and shifts combine");
        // about half the draws are mirrored: 1/25 of DRAWS/2 shift-free ones are the plain mirror image
        assertTrue(mirrored > DRAWS / 100 && mirrored < DRAWS / 25, "mirrored shift-free draws: " + mirrored);
    }

    @Test
    void shiftedDrawsFillTheUncoveredBorderWithTheBackground() {
        float[] images = images();
        float[] img = image(images, 1);
        BatchAugmenter augmenter = new BatchAugmenter(images, ROWS, COLS, false, BACKGROUND);
        Random random = new Random(3);
        int shiftedDraws = 0;
        for (int i = 0; i < DRAWS; i++) {
            float[] out = draw(augmenter, random);
            int[] how = explain(img, out, false);
            int dy = how[0];
            int dx = how[1];
            if (dy == 0 && dx == 0) {
                assertFalse(contains(out, BACKGROUND), "a shift-free draw has no background");
                continue;
            }
            shiftedDraws++;
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLS; c++) {
                    boolean outside = r + dy < 0 || r + dy >= ROWS || c + dx < 0 || c + dx >= COLS;
                    float v = out[r * COLS + c];
                    if (outside) {
                        assertEquals(BACKGROUND, v, 0f, "border pixel (" + r + "," + c + ") of shift " + dy + "," + dx);
                    } else {
                        assertEquals(img[(r + dy) * COLS + c + dx], v, 0f, "pixel (" + r + "," + c + ")");
                    }
                }
            }
            // the number of background pixels is what the shift uncovers
            int uncovered = PIXELS - (ROWS - Math.abs(dy)) * (COLS - Math.abs(dx));
            assertEquals(uncovered, count(out, BACKGROUND), "shift " + dy + "," + dx);
        }
        assertTrue(shiftedDraws > DRAWS / 2, "most draws are shifted: " + shiftedDraws);
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        float[] images = images();
        BatchAugmenter augmenter = new BatchAugmenter(images, ROWS, COLS, true, BACKGROUND);
        int[] indices = {0, 1, 2, 1, 0, 2, 2, 1};
        float[] a = augmenter.batch(indices, 0, indices.length, new Random(11));
        float[] b = augmenter.batch(indices, 0, indices.length, new Random(11));
        assertArrayEquals(a, b);
        boolean differs = false;
        for (long seed = 12; seed < 20 && !differs; seed++) {
            differs = !Arrays.equals(a, augmenter.batch(indices, 0, indices.length, new Random(seed)));
        }
        assertTrue(differs, "other seeds give other crops");
    }

    private static boolean contains(float[] values, float v) {
        return count(values, v) > 0;
    }

    private static int count(float[] values, float v) {
        int n = 0;
        for (float x : values) {
            if (x == v) {
                n++;
            }
        }
        return n;
    }
}
