package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.IdxLabels;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which training images a run uses, on generated labels. */
class SubsetSelectorTest {
    private static final int CLASSES = 10;

    /** 1000 labels with uneven class sizes (class c has 10 * (c + 1) + ... images), shuffled. */
    private static IdxLabels unevenLabels() {
        byte[] labels = new byte[1000];
        int k = 0;
        int[] sizes = {20, 40, 60, 80, 100, 120, 140, 160, 130, 150};
        assertEquals(1000, IntStream.of(sizes).sum());
        for (int c = 0; c < CLASSES; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                labels[k++] = (byte) c;
            }
        }
        Random random = new Random(1);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return new IdxLabels(labels);
    }

    private static int[] classCounts(IdxLabels labels, int[] indices) {
        int[] counts = new int[CLASSES];
        for (int i : indices) {
            counts[labels.label(i)]++;
        }
        return counts;
    }

    @Test
    void countAtLeastTheSizeSelectsAll() {
        IdxLabels labels = unevenLabels();
        int[] all = IntStream.range(0, 1000).toArray();
        assertArrayEquals(all, SubsetSelector.select(labels, 1000, CLASSES, true, 1));
        assertArrayEquals(all, SubsetSelector.select(labels, 5000, CLASSES, true, 1));
        assertArrayEquals(all, SubsetSelector.select(labels, 1000, CLASSES, false, 1));
    }

    @Test
    void firstSelectsTheFirstImages() {
        IdxLabels labels = unevenLabels();
        assertArrayEquals(IntStream.range(0, 37).toArray(), SubsetSelector.select(labels, 37, CLASSES, false, 1));
        assertArrayEquals(IntStream.range(0, 37).toArray(), SubsetSelector.select(labels, 37, CLASSES, false, 99));
    }

    @Test
    void stratifiedIsProportional() {
        IdxLabels labels = unevenLabels();
        int[] all = classCounts(labels, IntStream.range(0, 1000).toArray());
        for (int count : new int[] {10, 37, 100, 333, 999}) {
            int[] chosen = SubsetSelector.select(labels, count, CLASSES, true, 42);
            assertEquals(count, chosen.length);
            for (int i = 1; i < chosen.length; i++) {
                assertTrue(chosen[i] > chosen[i - 1],
                        "ascending and distinct at " + i + ": " + Arrays.toString(chosen));
            }
            assertTrue(chosen[0] >= 0 && chosen[chosen.length - 1] < 1000);
            int[] got = classCounts(labels, chosen);
            for (int c = 0; c < CLASSES; c++) {
                double exact = (double) count * all[c] / 1000;
                assertTrue(Math.abs(got[c] - exact) <= 1, "count " + count + ", class " + c + ": " + got[c]
                        + " images, proportional is " + exact);
            }
        }
    }

    @Test
    void stratifiedRemainderGoesToTheLargestFractions() {
        // 3 classes of 5, 3 and 2 images; 5 of 10 → exactly 2.5, 1.5, 1.0 → floors 2, 1, 1; one left for class 0
        byte[] raw = {0, 1, 2, 0, 1, 2, 0, 1, 0, 0};
        IdxLabels labels = new IdxLabels(raw);
        int[] chosen = SubsetSelector.select(labels, 5, 3, true, 3);
        int[] counts = new int[3];
        for (int i : chosen) {
            counts[labels.label(i)]++;
        }
        assertArrayEquals(new int[] {3, 1, 1}, counts);
    }

    @Test
    void stratifiedIsSeeded() {
        IdxLabels labels = unevenLabels();
        int[] a = SubsetSelector.select(labels, 100, CLASSES, true, 7);
        int[] b = SubsetSelector.select(labels, 100, CLASSES, true, 7);
        int[] c = SubsetSelector.select(labels, 100, CLASSES, true, 8);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed should choose other images");
        assertArrayEquals(classCounts(labels, a), classCounts(labels, c), "but in the same proportions");
    }

    @Test
    void stratifiedIsNotTheFirstImages() {
        IdxLabels labels = unevenLabels();
        int[] chosen = SubsetSelector.select(labels, 100, CLASSES, true, 7);
        assertTrue(chosen[chosen.length - 1] > 500, "a sample should spread over the whole set: "
                + Arrays.toString(chosen));
    }
}
