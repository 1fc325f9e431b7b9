package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.results.EpochMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep folder holding trials of several shards: which trial folders count as finished (same fingerprint,
 * parameters and evaluation present), and their rows and curves read back in trial order, numbered from 1.
 */
class SweepResultsTest {
    @TempDir
    Path out;

    private final SweepGrid grid = SweepGrid.parse(null, "hiddenSize=2,32;trainSize=500,2000");

    /** A finished trial's folder as train and evaluate leave it (the parts sweep.csv reads). */
    private Path finishedTrial(SweepGrid.Trial trial, String fingerprint, double accuracy) throws Exception {
        Path dir = SweepResults.trialDirectory(out, trial);
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("model.json"), "{\"formatVersion\": 1, \"fingerprint\": \"" + fingerprint
                + "\", \"trainableParameters\": 1234, \"trainingSeconds\": 2.5}");
        Files.write(model.resolve("fashionmnist-0000.params"), new byte[] {'D', 'J', 'L', '@'});
        Files.writeString(dir.resolve(EvaluationReports.EVALUATION),
                "accuracy,loss,macro_precision,macro_recall,macro_f1,test_images\n" + accuracy + ",0.5,0.8,0.8,0.8,"
                        + "10000\n");
        MetricsCsv.start(dir.resolve("metrics.csv"), List.of(
                EpochMetrics.builder().epoch(1).trainLoss(1.0).trainAccuracy(0.5).testLoss(0.9)
                        .testAccuracy(accuracy - 0.1).learningRate(0.01).epochSeconds(1.0).trainImagesPerSecond(100)
                        .build(),
                EpochMetrics.builder().epoch(2).trainLoss(0.8).trainAccuracy(0.6).testLoss(0.7).testAccuracy(accuracy)
                        .learningRate(0.01).epochSeconds(1.0).trainImagesPerSecond(100).build()));
        return dir;
    }

    @Test
    void aTrialFolderIsFinishedWithTheSameFingerprintItsParametersAndItsEvaluation() throws Exception {
        SweepGrid.Trial trial = grid.trials().get(0);
        Path dir = SweepResults.trialDirectory(out, trial);
        assertFalse(SweepResults.finished(dir, "fp"), "no folder");
        finishedTrial(trial, "fp", 0.8);
        assertTrue(SweepResults.finished(dir, "fp"));
        assertFalse(SweepResults.finished(dir, "other"), "trained with other inputs");
        Files.delete(dir.resolve(EvaluationReports.EVALUATION));
        assertFalse(SweepResults.finished(dir, "fp"), "not evaluated");
        finishedTrial(trial, "fp", 0.8);
        Files.delete(dir.resolve("model").resolve("fashionmnist-0000.params"));
        assertFalse(SweepResults.finished(dir, "fp"), "no parameters");
    }

    @Test
    void theTrialsOfTwoShardsInOneFolderAreReadInTrialOrderNumberedFromOne() throws Exception {
        List<SweepGrid.Trial> trials = grid.trials();
        SweepGrid.Shard first = SweepGrid.Shard.parse("1/2");
        for (SweepGrid.Trial t : trials) {
            finishedTrial(t, "fp", first.includes(t) ? 0.7 : 0.8);
        }
        List<SweepGrid.Trial> found = trials.stream().filter(t -> SweepResults.finished(
                SweepResults.trialDirectory(out, t), "fp")).toList();
        assertEquals(trials, found, "the other shard's finished trials are found too");

        SweepResults.Results results = SweepResults.read(out, found);
        assertEquals(List.of(1, 2, 3, 4), results.rows().stream().map(SweepTable.Row::trial).toList());
        assertEquals(trials.stream().map(SweepGrid.Trial::id).toList(),
                results.rows().stream().map(SweepTable.Row::id).toList());
        assertEquals(List.of(0.7, 0.8, 0.7, 0.8),
                results.rows().stream().map(SweepTable.Row::finalTestAccuracy).toList());
        assertEquals(trials.get(3).values(), results.rows().get(3).values());
        assertEquals(List.copyOf(results.curves().keySet()), trials.stream().map(SweepGrid.Trial::id).toList());
        assertEquals(2, results.curves().get(trials.get(1).id()).size());

        Path csv = out.resolve(SweepTable.FILE);
        SweepTable.write(grid.names(), results.rows(), csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("1,hiddenSize-2_trainSize-500,2,500,0.7000,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("4,hiddenSize-32_trainSize-2000,32,2000,0.8000,"), lines.get(4));
    }
}
