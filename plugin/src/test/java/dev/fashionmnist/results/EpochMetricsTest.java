package dev.fashionmnist.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.runtime.Language;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The notebook's per-epoch log line in both languages: English exactly as String.format wrote it before. */
class EpochMetricsTest {

    /** The English line as the plugin wrote it before the texts moved to the bundles. */
    private static String formatted(EpochMetrics m, int lastEpoch) {
        return String.format(Locale.ROOT,
                "epoch %s/%d: train_acc=%.4f test_acc=%.4f train_loss=%.4f test_loss=%.4f lr=%.3g %.1f s %.0f images/s",
                m.atLabel(), lastEpoch, m.trainAccuracy(), m.testAccuracy(), m.trainLoss(), m.testLoss(),
                m.learningRate(), m.epochSeconds(), m.trainImagesPerSecond());
    }

    @Test
    void theEpochLineInGermanWithDecimalCommas() {
        EpochMetrics m = EpochMetrics.builder().epoch(3).trainLoss(0.4213).trainAccuracy(0.8512).testLoss(0.4655)
                .testAccuracy(0.8391).learningRate(0.001).epochSeconds(12.34).trainImagesPerSecond(4567.8).build();
        assertEquals("Epoche 3/10: Trainingsgenauigkeit=0,8512 Testgenauigkeit=0,8391 Trainingsverlust=0,4213 "
                + "Testverlust=0,4655 Lernrate=0,00100 12,3 s 4568 Bilder/s", m.logText(10).in(Language.GERMAN));
        assertEquals("epoch 3/10: train_acc=0.8512 test_acc=0.8391 train_loss=0.4213 test_loss=0.4655 lr=0.00100 "
                + "12.3 s 4568 images/s", m.logLine(10));
        EpochMetrics within = EpochMetrics.builder().evaluatedAt(2.5).trainLoss(0.5).trainAccuracy(0.8).testLoss(0.55)
                .testAccuracy(0.79).learningRate(0.05).epochSeconds(3.0).trainImagesPerSecond(1000).build();
        assertEquals("Epoche 2,5/4: Trainingsgenauigkeit=0,8000 Testgenauigkeit=0,7900 Trainingsverlust=0,5000 "
                + "Testverlust=0,5500 Lernrate=0,0500 3,0 s 1000 Bilder/s", within.logText(4).in(Language.GERMAN));
    }

    @Test
    void theObjectiveIsTheTrainLossUnlessRecordedApart() {
        EpochMetrics plain = EpochMetrics.builder().epoch(1).trainLoss(0.42).trainAccuracy(0.8).testLoss(0.45).build();
        assertEquals(0.42, plain.trainObjective(), 0.0, "without label smoothing (or from an older file)");
        EpochMetrics smoothed = plain.toBuilder().trainObjective(0.91).build();
        assertEquals(0.91, smoothed.trainObjective(), 0.0);
        assertEquals(0.42, smoothed.trainLoss(), 0.0);
        assertEquals(smoothed, smoothed.toBuilder().build(), "the copy keeps the objective");
        assertEquals(plain.logLine(2), smoothed.logLine(2), "the epoch line shows the train loss, as before");
    }

    @Test
    void englishLineIsByteForByteWhatItWas() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            double at = i % 3 == 0 ? 1 + random.nextInt(50) : Math.round((1 + random.nextDouble() * 20) * 1e4) / 1e4;
            EpochMetrics m = EpochMetrics.builder().evaluatedAt(at).trainLoss(random.nextDouble() * 3)
                    .trainAccuracy(random.nextDouble()).testLoss(random.nextDouble() * 3)
                    .testAccuracy(random.nextInt(4) == 0 ? Math.round(random.nextDouble() * 1000) / 1000.0
                            : random.nextDouble())
                    .learningRate(Math.pow(10, -6 + random.nextDouble() * 7)).epochSeconds(random.nextDouble() * 500)
                    .trainImagesPerSecond(random.nextDouble() * 90_000).build();
            int last = 50 + random.nextInt(50);
            assertEquals(formatted(m, last), m.logLine(last));
        }
        // ties where half-even and half-up rounding differ, as %.4f and %.1f round them
        EpochMetrics ties = EpochMetrics.builder().epoch(1).trainLoss(0.00005).trainAccuracy(0.12125).testLoss(0.5)
                .testAccuracy(0.5).learningRate(0.0012345).epochSeconds(0.25).trainImagesPerSecond(2.5).build();
        assertEquals(formatted(ties, 1), ties.logLine(1));
    }

    @Test
    void learningRatesShowThreeSignificantDigitsInBothLanguages() {
        double[] rates = {0, 1, 0.1, 0.001, 0.0001, 0.00001, 0.000099995, 0.00099995, 0.0012345, 0.001235, 0.5,
                3.14159, 999.4, 999.5, 1234.5, 1e-9, 0.15, 2.5e-5};
        for (double lr : rates) {
            assertEquals(String.format(Locale.ROOT, "%.3g", lr), EpochMetrics.rate(lr).in(Language.ENGLISH),
                    "lr " + lr);
            assertEquals(String.format(Locale.GERMAN, "%.3g", lr), EpochMetrics.rate(lr).in(Language.GERMAN),
                    "lr " + lr);
        }
    }
}
