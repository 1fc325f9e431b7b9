package dev.fashionmnist.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.train.EarlyStopping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv with a row per epoch (as always) and with several rows per epoch (fractional epochs). */
class MetricsCsvTest {
    @TempDir
    Path dir;

    private static EpochMetrics row(double at, double testLoss) {
        return EpochMetrics.builder().evaluatedAt(at).trainLoss(1.0 / at).trainObjective(0.5 + 1.0 / at)
                .trainAccuracy(0.5 + at / 10)
                .testLoss(testLoss).testAccuracy(0.6 + at / 10).learningRate(0.001 * at).epochSeconds(2.5 * at)
                .trainImagesPerSecond(900 + at).build();
    }

    @Test
    void wholeEpochRowsAreWrittenRounded() throws IOException {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.start(file, List.of(EpochMetrics.builder().epoch(1).trainLoss(0.9).trainAccuracy(0.7).testLoss(0.8)
                .testAccuracy(0.72).learningRate(0.001).epochSeconds(3.25).trainImagesPerSecond(1000).build()));
        MetricsCsv.append(file, EpochMetrics.builder().epoch(2).trainLoss(0.5).trainAccuracy(0.8).testLoss(0.6)
                .testAccuracy(0.79).learningRate(0.001).epochSeconds(3.5).trainImagesPerSecond(1100).build());
        // what a real epoch gives: sums of floats divided by counts
        MetricsCsv.append(file, EpochMetrics.builder().epoch(3).trainLoss(0.45349809422).trainObjective(0.953710127)
                .trainAccuracy(0.9057999999999999).testLoss(0.3891234567).testAccuracy(0.8449000000000001)
                .learningRate(2.7681e-4).epochSeconds(4.127903069).trainImagesPerSecond(3950.6508388766774)
                .weights(EpochMetrics.AVERAGE).testImages(10_000).build());
        assertEquals(List.of(
                "epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,epoch_seconds,"
                        + "train_images_per_second,train_objective,weights,test_images",
                "1,0.9,0.7000,0.8,0.7200,0.001,3.250,1000.0,0.9,trained,",
                "2,0.5,0.8000,0.6,0.7900,0.001,3.500,1100.0,0.5,trained,",
                "3,0.4535,0.9058,0.3891,0.8449,0.0002768,4.128,3950.7,0.9537,average,10000"),
                Files.readAllLines(file));
        List<EpochMetrics> read = MetricsCsv.read(file);
        assertEquals(1, read.get(0).epoch());
        assertEquals(1.0, read.get(0).at(), 0.0);
        assertTrue(read.get(1).epochEnd());
        assertEquals(EpochMetrics.builder().epoch(2).trainLoss(0.5).trainAccuracy(0.8).testLoss(0.6).testAccuracy(0.79)
                .learningRate(0.001).epochSeconds(3.5).trainImagesPerSecond(1100).build(), read.get(1));
        assertEquals(0.9537, read.get(2).trainObjective(), 0.0);
        assertEquals(0.4535, read.get(2).trainLoss(), 0.0);
        assertEquals(List.of("trained", "trained", "average"), read.stream().map(EpochMetrics::weights).toList());
        assertEquals(List.of(0, 0, 10_000), read.stream().map(EpochMetrics::testImages).toList());
    }

    @Test
    void aFileWithoutWeightsOrTestImagesReadsAsTrainedWeightsOnTheWholeTestSet() throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, "epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,epoch_seconds,"
                + "train_images_per_second,train_objective\n1,0.9,0.7000,0.8,0.7200,0.001,3.250,1000.0,0.9\n");
        EpochMetrics row = MetricsCsv.read(file).get(0);
        assertEquals(EpochMetrics.TRAINED, row.weights());
        assertFalse(row.averaged());
        assertEquals(0, row.testImages());
    }

    @Test
    void theBestAndLastFiguresComeFromRowsOfTheWholeTestSet() {
        List<EpochMetrics> rows = List.of(row(0.5, 0.9).toBuilder().testImages(2000).build(),
                row(1, 0.8).toBuilder().testImages(10_000).build(), row(1.5, 0.7).toBuilder().testImages(2000).build());
        assertEquals(List.of(rows.get(1)), EpochMetrics.wholeTestSet(rows));
        List<EpochMetrics> older = List.of(row(1, 0.8), row(2, 0.7));
        assertEquals(older, EpochMetrics.wholeTestSet(older), "rows without a count are whole-set rows");
    }

    @Test
    void aFileOfAnOlderPluginWithoutTheObjectiveReadsItsTrainLossAsTheObjective() throws IOException {
        // before train_objective, train_loss was the objective trained on (with label smoothing)
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, "epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,epoch_seconds,"
                + "train_images_per_second\n1,0.9,0.7000,0.8,0.7200,0.001,3.250,1000.0\n"
                + "2,0.7,0.8000,0.6,0.7900,0.001,3.500,1100.0\n");
        List<EpochMetrics> read = MetricsCsv.read(file);
        assertEquals(List.of(0.9, 0.7), read.stream().map(EpochMetrics::trainLoss).toList());
        assertEquals(List.of(0.9, 0.7), read.stream().map(EpochMetrics::trainObjective).toList());
        assertEquals(0.6, read.get(1).testLoss(), 0.0);
        assertEquals(1100, read.get(1).trainImagesPerSecond(), 0.0);
    }

    @Test
    void fractionalRowsRoundTrip() throws IOException {
        Path file = dir.resolve("metrics.csv");
        List<EpochMetrics> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(row(i / 3.0, 1.0 - i / 10.0));
        }
        MetricsCsv.start(file, rows.subList(0, 2));
        for (EpochMetrics r : rows.subList(2, 6)) {
            MetricsCsv.append(file, r);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("0.3333", "0.6667", "1", "1.3333", "1.6667", "2"),
                lines.subList(1, 7).stream().map(l -> l.substring(0, l.indexOf(','))).toList());
        List<EpochMetrics> read = MetricsCsv.read(file);
        assertEquals(6, read.size());
        for (int i = 0; i < 6; i++) {
            EpochMetrics want = rows.get(i);
            EpochMetrics got = read.get(i);
            assertEquals(want.epoch(), got.epoch(), "row " + i);
            assertEquals(want.at(), got.at(), 0.0, "row " + i);
            // 4 significant digits of the loss and the rate, 4 decimals of the accuracy
            assertEquals(want.trainLoss(), got.trainLoss(), 5e-4 * want.trainLoss());
            assertEquals(want.trainObjective(), got.trainObjective(), 5e-4 * want.trainObjective());
            assertEquals(want.testAccuracy(), got.testAccuracy(), 5e-5);
            assertEquals(want.learningRate(), got.learningRate(), 5e-4 * want.learningRate());
            assertEquals(want.epochSeconds(), got.epochSeconds(), 0.0005);
        }
        assertEquals(List.of(1, 1, 1, 2, 2, 2), read.stream().map(EpochMetrics::epoch).toList());
        assertEquals(List.of(false, false, true, false, false, true),
                read.stream().map(EpochMetrics::epochEnd).toList());
        assertEquals(List.of(read.get(2), read.get(5)), EpochMetrics.epochEnds(read));
        assertEquals("epoch 1.3333/2: ", read.get(3).logLine(2).substring(0, 16));
    }

    @Test
    void epochRulesLookAtWholeEpochsOnly() {
        // the test loss is lowest within epoch 2, but patience counts epochs: epoch 2's end is not better than 1's
        List<EpochMetrics> rows = List.of(row(0.5, 0.9), row(1, 0.8), row(1.5, 0.1), row(2, 0.85), row(2.5, 0.2),
                row(3, 0.9));
        EarlyStopping stopping = new EarlyStopping(2);
        List<Boolean> best = rows.stream().map(stopping::record).toList();
        assertEquals(List.of(false, true, false, false, false, false), best);
        assertTrue(stopping.shouldStop(), "two epochs without a better epoch-end test loss");
        assertEquals(1, stopping.best().epoch());
        assertEquals(Diagnosis.of(EpochMetrics.epochEnds(rows), RunSetup.UNKNOWN),
                Diagnosis.of(rows, RunSetup.UNKNOWN));
        assertFalse(Diagnosis.of(rows, RunSetup.UNKNOWN).isEmpty(),
                "rising test loss at the epoch ends with falling train loss");
    }

    @Test
    void aBadEpochIsNamed() throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, String.join(",", MetricsCsv.HEADER) + "\n-0.5,1,1,1,1,1,1,1,1\n");
        IOException e = assertThrows(IOException.class, () -> MetricsCsv.read(file));
        assertTrue(e.getMessage().contains("metrics.csv") && e.getMessage().contains("epoch"), e.getMessage());
    }

    @Test
    void curvesAndTheReportTableShowFractionalEpochs() {
        List<EpochMetrics> rows = List.of(row(0.5, 0.9), row(1, 0.8), row(1.5, 0.7));
        org.jfree.data.xy.XYDataset data = LearningCurves.chart("Accuracy per epoch", "accuracy", rows,
                EpochMetrics::trainAccuracy, EpochMetrics::testAccuracy, Language.ENGLISH).getXYPlot().getDataset();
        assertEquals(List.of(0.5, 1.0, 1.5), List.of(data.getXValue(1, 0), data.getXValue(1, 1), data.getXValue(1, 2)));
        assertEquals(rows.get(2).testAccuracy(), data.getYValue(1, 2), 0.0);
        assertEquals(List.of("0.5", "1", "1.5"), rows.stream().map(EpochMetrics::atLabel).toList());
    }
}
