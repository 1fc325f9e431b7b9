package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.runtime.Language;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
    /** 25216 of 60000 images in 5.24 s: 4812 images/s, 7.2 s left. */
    private static final EpochProgress AT_42 = new EpochProgress(2, 3, 25216, 60000, 5.24, 0.412, 0.853);

    @Test
    void barLikeTqdm() {
        String numbers = "| 25216/60000 [00:05<00:07, 4812 img/s, loss=0.412, acc=0.853]";
        String bar = ProgressText.bar(AT_42, 14 + 1 + 20 + numbers.length() + 1, Language.ENGLISH);
        assertEquals("epoch 2/3  42%|████████▍           " + numbers, bar);
    }

    @Test
    void barFillsTheWidthButTheLastColumn() {
        for (int width : new int[] {80, 100, 120, 200}) {
            String bar = ProgressText.bar(AT_42, width, Language.ENGLISH);
            assertEquals(width - 1, bar.length(), bar);
            assertTrue(bar.startsWith("epoch 2/3  42%|█"), bar);
        }
    }

    @Test
    void narrowerTerminalsDropNumbersBeforeTheBar() {
        String at80 = ProgressText.bar(AT_42, 80, Language.ENGLISH);
        assertEquals("epoch 2/3  42%|█████▉        | [00:05<00:07, 4812 img/s, loss=0.412, acc=0.853]", at80,
                "80 columns: the image counts go, the percentage says it");
        assertTrue(ProgressText.bar(AT_42, 89, Language.ENGLISH).contains("| 25216/60000 ["),
                "from 89 columns on: everything");
        String at72 = ProgressText.bar(AT_42, 72, Language.ENGLISH);
        assertEquals("epoch 2/3  42%|" + ProgressText.cells(0.42027, 18) + "| [00:05<00:07, loss=0.412, acc=0.853]",
                at72, "then images/s");
        assertEquals("epoch 2/3  42% [00:05<00:07, loss=0.412, acc=0.853]",
                ProgressText.bar(AT_42, 60, Language.ENGLISH),
                "then the bar");
        assertEquals("epoch 2/3  42% [00:05<00:07, ", ProgressText.bar(AT_42, 30, Language.ENGLISH),
                "then the line is cut");
    }

    @Test
    void cellsInEighths() {
        assertEquals("     ", ProgressText.cells(0, 5));
        assertEquals("█████", ProgressText.cells(1, 5));
        assertEquals("██▌  ", ProgressText.cells(0.5, 5));
        assertEquals("▏   ", ProgressText.cells(1.0 / 32, 4));
        assertEquals("███▉", ProgressText.cells(0.999, 4));
    }

    @Test
    void logLineHasTheNumbersWithoutABar() {
        assertEquals("epoch 2/3 42% 25216/60000 [00:05<00:07, 4812 img/s, loss=0.412, acc=0.853]",
                ProgressText.line(AT_42, Language.ENGLISH));
        assertEquals("epoch 1/1 0% 0/100 [00:00<?, 0 img/s, loss=0.000, acc=0.000]",
                ProgressText.line(new EpochProgress(1, 1, 0, 100, 0, 0, 0), Language.ENGLISH));
    }

    @Test
    void timesAsTqdmWritesThem() {
        assertEquals("00:00", ProgressText.time(0.2));
        assertEquals("01:05", ProgressText.time(65));
        assertEquals("59:59", ProgressText.time(3599));
        assertEquals("1:00:00", ProgressText.time(3600));
        assertEquals("12:03:04", ProgressText.time(12 * 3600 + 184));
    }

    @Test
    void germanWithDecimalCommaAndGermanWords() {
        assertEquals("Epoche 2/3 42 % 25216/60000 [00:05<00:07, 4812 Bilder/s, Verlust=0,412, Genauigkeit=0,853]",
                ProgressText.line(AT_42, Language.GERMAN));
        String bar = ProgressText.bar(AT_42, 120, Language.GERMAN);
        assertEquals(119, bar.length(), bar);
        assertTrue(bar.startsWith("Epoche 2/3  42 %|█"), bar);
        assertTrue(bar.endsWith("| 25216/60000 [00:05<00:07, 4812 Bilder/s, Verlust=0,412, Genauigkeit=0,853]"), bar);
        assertEquals("Epoche 2/3  42 % [00:05<00:07, Verlust=0,412, Genauigkeit=0,853]",
                ProgressText.bar(AT_42, 70, Language.GERMAN), "narrow: without the bar");
    }
}
