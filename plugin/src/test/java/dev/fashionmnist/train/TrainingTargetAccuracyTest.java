package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.GateThreshold;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * targetAccuracy, evaluationsPerEpoch, the one-cycle schedule and label smoothing in real training runs on small
 * subsets of the real Fashion-MNIST.
 */
class TrainingTargetAccuracyTest {
    private static final double LEARNING_RATE = 0.002;

    @TempDir
    Path out;

    private static TrainJob job(Path out, int trainSize, int testSize, int epochs, LrSchedule schedule, Double target,
                                int evaluationsPerEpoch, double labelSmoothing) {
        return job(out, trainSize, testSize, epochs, schedule, target, evaluationsPerEpoch, labelSmoothing, false);
    }

    private static TrainJob job(Path out, int trainSize, int testSize, int epochs, LrSchedule schedule, Double target,
                                int evaluationsPerEpoch, double labelSmoothing, boolean resume) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of("mlp", 64, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(32).optimizer(OptimizerKind.ADAM)
                .learningRate(LEARNING_RATE).momentum(0.9).lrSchedule(schedule).trainSize(trainSize).stratified(true)
                .seed(7).device("cpu").resume(resume).targetAccuracy(target).evaluationsPerEpoch(evaluationsPerEpoch)
                .labelSmoothing(labelSmoothing).build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(testSize).outputDirectory(out)
                .fingerprint("test-fingerprint").pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job, BuildLog log) throws Exception {
        return new Training(job, log, TrainingProgress.NONE).run(RealData.load());
    }

    /** The same row, but for metrics.csv's rounding (see Numbers). */
    private static void assertSameRow(EpochMetrics csv, EpochMetrics exact) {
        assertEquals(exact.epoch(), csv.epoch());
        assertEquals(exact.at(), csv.at(), 0.0);
        assertEquals(exact.trainLoss(), csv.trainLoss(), 5e-4 * exact.trainLoss());
        assertEquals(exact.testLoss(), csv.testLoss(), 5e-4 * exact.testLoss());
        assertEquals(exact.trainAccuracy(), csv.trainAccuracy(), 5e-5);
        assertEquals(exact.testAccuracy(), csv.testAccuracy(), 5e-5);
        assertEquals(exact.learningRate(), csv.learningRate(), 5e-4 * exact.learningRate());
        assertEquals(exact.epochSeconds(), csv.epochSeconds(), 0.0005);
        assertEquals(exact.trainImagesPerSecond(), csv.trainImagesPerSecond(), 0.05);
    }

    @Test
    void stopsAtTheFirstEvaluationThatReachesTheTargetAndKeepsThatModel() throws Exception {
        // 2000 images in batches of 32: 63 batches per epoch, evaluated after batches 15, 31, 47 and 63
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, 2000, 0, 3, LrSchedule.ONECYCLE, 0.6, 4, 0.1), log);
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertTrue(rows.size() < 12, "stopped before the end of epoch 3: " + rows);
        EpochMetrics last = rows.get(rows.size() - 1);
        assertTrue(last.testAccuracy() >= 0.6, "the last evaluation reached the target: " + last);
        for (EpochMetrics r : rows.subList(0, rows.size() - 1)) {
            assertTrue(r.testAccuracy() < 0.6, "no earlier evaluation reached it: " + rows);
        }
        int[] points = Training.evaluationPoints(63, 4);
        for (int i = 0; i < rows.size(); i++) {
            EpochMetrics r = rows.get(i);
            assertEquals((i + 1) / 4.0, r.at(), 0.0, "a row every quarter epoch");
            assertEquals(i / 4 + 1, r.epoch());
            long lastStep = (long) (r.epoch() - 1) * 63 + points[i % 4] - 1;
            double rate = LrSchedule.ONECYCLE.rate(LEARNING_RATE, lastStep, 3 * 63);
            assertEquals(rate, card.history().get(i).learningRate(), 0.0,
                    "the one-cycle rate of the row's last batch, row " + i);
            assertEquals(rate, r.learningRate(), 5e-4 * rate, "metrics.csv: the rate to 4 significant digits");
        }
        assertTrue(rows.get(0).learningRate() < LEARNING_RATE / 2, "still warming up after a quarter epoch");

        assertSameRow(last, card.finalMetrics());
        assertEquals(last.epoch(), card.epochsTrained());
        ModelCard read = ModelCard.readIfPresent(out.resolve("model"));
        assertEquals(card, read);
        assertEquals(0.6, read.hyperparameters().targetAccuracy(), 0.0);
        assertEquals(4, read.hyperparameters().evaluationsPerEpoch());
        assertEquals(0.1, read.hyperparameters().labelSmoothing(), 0.0);
        assertEquals(rows.size(), read.history().size());
        for (int i = 0; i < rows.size(); i++) {
            assertSameRow(rows.get(i), read.history().get(i));
        }

        // the model is the one that reached the target, and the test loss is plain cross entropy
        EvaluationResult evaluated = ModelEvaluator.evaluate(out.resolve("model"), RealData.load(), -1,
                BuildLog.console());
        EpochMetrics kept = card.finalMetrics();
        assertEquals(kept.testAccuracy(), evaluated.confusion().accuracy(), 1e-12);
        assertEquals(kept.testLoss(), evaluated.loss(), 1e-5);

        String reached = "Target accuracy 60.00% reached at epoch " + last.atLabel() + " (test accuracy "
                + GateThreshold.percent(kept.testAccuracy()) + ")";
        assertTrue(log.infos.stream().anyMatch(l -> l.startsWith(reached)), reached + " in " + log.infos);
        assertTrue(log.infos.stream().anyMatch(l -> l.startsWith("epoch " + last.atLabel() + "/3: ")
                && l.matches(".*\\(test check \\d+\\.\\d s\\)")), "each check's cost is logged: " + log.infos);
        // checkpoints exist for whole epochs only
        for (int epoch = 1; epoch <= 3; epoch++) {
            Path checkpoint = out.resolve(String.format("checkpoints/epoch-%04d", epoch));
            assertEquals(epoch <= Math.floor(last.at()), Files.isDirectory(checkpoint), checkpoint.toString());
        }
    }

    @Test
    void aTargetNotReachedTrainsEveryEpochAndLogsTheBest() throws Exception {
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, 1000, 500, 1, LrSchedule.CONSTANT, 0.99, 2, 0), log);
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(List.of(0.5, 1.0), rows.stream().map(EpochMetrics::at).toList());
        assertSameRow(rows.get(1), card.finalMetrics());
        EpochMetrics best = rows.get(0).testAccuracy() > rows.get(1).testAccuracy() ? rows.get(0) : rows.get(1);
        String line = "Target accuracy 99.00% not reached in 1 epoch(s): the best test accuracy was "
                + GateThreshold.percent(best.testAccuracy()) + " at epoch " + best.atLabel();
        assertTrue(log.infos.contains(line), line + " in " + log.infos);
        assertEquals(Digests.sha256(out.resolve("checkpoints/epoch-0001/fashionmnist-0000.params")),
                Digests.sha256(out.resolve("model/fashionmnist-0000.params")));
    }

    @Test
    void checksWithinAnEpochLeaveTheTrainingAsItWas() throws Exception {
        ModelCard once = train(job(out.resolve("once"), 1000, 500, 1, LrSchedule.CONSTANT, null, 1, 0),
                BuildLog.console());
        ModelCard thrice = train(job(out.resolve("thrice"), 1000, 500, 1, LrSchedule.CONSTANT, null, 3, 0),
                BuildLog.console());
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("thrice/metrics.csv"));
        assertEquals(List.of(1, 1, 1), rows.stream().map(EpochMetrics::epoch).toList());
        assertFalse(rows.get(0).epochEnd());
        EpochMetrics a = once.finalMetrics();
        EpochMetrics b = thrice.finalMetrics();
        assertSameRow(rows.get(2), b);
        assertEquals(a.trainLoss(), b.trainLoss(), 0.0, "the epoch's train loss");
        assertEquals(a.trainAccuracy(), b.trainAccuracy(), 0.0);
        assertEquals(a.testLoss(), b.testLoss(), 0.0);
        assertEquals(a.testAccuracy(), b.testAccuracy(), 0.0);
        assertEquals(once.parametersSha256(), thrice.parametersSha256(), "the same parameters");
        List<String> once1 = Files.readAllLines(out.resolve("once/metrics.csv"));
        assertEquals(2, once1.size());
        assertTrue(once1.get(1).startsWith("1,"), "one evaluation per epoch: the rows of before " + once1);
    }

    @Test
    void fractionalRowsSurviveAResume() throws Exception {
        ModelCard whole = train(job(out.resolve("whole"), 600, 300, 2, LrSchedule.CONSTANT, null, 2, 0.1),
                BuildLog.console());
        Path split = out.resolve("split");
        train(job(split, 600, 300, 1, LrSchedule.CONSTANT, null, 2, 0.1), BuildLog.console());
        ModelCard resumed = train(job(split, 600, 300, 1, LrSchedule.CONSTANT, null, 2, 0.1, true),
                BuildLog.console());
        List<EpochMetrics> a = MetricsCsv.read(out.resolve("whole/metrics.csv"));
        List<EpochMetrics> b = MetricsCsv.read(split.resolve("metrics.csv"));
        assertEquals(List.of(0.5, 1.0, 1.5, 2.0), b.stream().map(EpochMetrics::at).toList());
        for (int i = 0; i < 4; i++) {
            assertEquals(a.get(i).at(), b.get(i).at(), 0.0);
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 0.0, "row " + i);
            assertEquals(a.get(i).testLoss(), b.get(i).testLoss(), 0.0, "row " + i);
            assertEquals(a.get(i).testAccuracy(), b.get(i).testAccuracy(), 0.0, "row " + i);
        }
        assertEquals(whole.parametersSha256(), resumed.parametersSha256(), "the resume is exact");
        assertEquals(4, resumed.history().size(), "the model's history keeps the rows within epochs");
        assertEquals(2, resumed.epochsTrained());
    }
}
