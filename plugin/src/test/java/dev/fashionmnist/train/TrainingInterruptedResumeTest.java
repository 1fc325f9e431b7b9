package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A resume of an interrupted run finishes that run's plan: a 4-epoch run cancelled in epoch 3 (after epoch 2's
 * checkpoint) and resumed with the same settings gives the metrics.csv (every column but the timings) and the
 * parameters file of the uninterrupted 4-epoch run, for every schedule, the per-batch ones included. A finished run
 * resumed trains {@code epochs} more. Real PyTorch CPU natives, 480 real Fashion-MNIST images, an mlp.
 */
class TrainingInterruptedResumeTest {
    /** metrics.csv's timing columns: epoch_seconds and train images per second. */
    private static final List<Integer> TIMING_COLUMNS = List.of(6, 7);

    @TempDir
    Path out;

    private static TrainJob job(Path out, LrSchedule schedule, int epochs, boolean resume, int patience) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of("mlp", 64, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(32).optimizer(OptimizerKind.ADAM)
                .learningRate(0.002).lrSchedule(schedule).trainSize(480).stratified(true).seed(13).device("cpu")
                .resume(resume).earlyStoppingPatience(patience)
                // the weight average on, as by default: its state must resume exactly too
                .weightAverage(TrainSettings.WEIGHT_AVERAGE_DECAY).build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(200).outputDirectory(out)
                .fingerprint("fingerprint-" + epochs + "-" + resume).pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job, BuildLog log) throws Exception {
        return new Training(job, log, TrainingProgress.NONE).run(RealData.load());
    }

    /** Trains {@code job} until its first batch of epoch 3 is done, then cancels it as a stopped build would. */
    private static void trainUntilEpoch3(TrainJob job) {
        Cancellation cancellation = new Cancellation();
        TrainingProgress progress = (epoch, lastEpoch, done, total, seconds, running) -> {
            if (epoch == 3) {
                cancellation.cancel();
            }
        };
        Problem stopped = assertThrows(Problem.class,
                () -> new Training(job, BuildLog.console(), progress, cancellation).run(RealData.load()));
        assertTrue(stopped.getMessage().contains("no model was written"), stopped.getMessage());
    }

    /** metrics.csv's lines without the timing columns. */
    private static List<String> withoutTimings(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.csv"))) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            for (int i = TIMING_COLUMNS.size() - 1; i >= 0; i--) {
                cells.remove((int) TIMING_COLUMNS.get(i));
            }
            lines.add(String.join(",", cells));
        }
        return lines;
    }

    private static byte[] parameters(Path dir) throws Exception {
        return Files.readAllBytes(dir.resolve("model/fashionmnist-0000.params"));
    }

    @ParameterizedTest
    @EnumSource(LrSchedule.class)
    void anInterruptedRunResumedFinishesItsPlanExactly(LrSchedule schedule) throws Exception {
        Path whole = out.resolve("whole");
        Path parts = out.resolve("parts");
        ModelCard wholeCard = train(job(whole, schedule, 4, false, 0), BuildLog.console());
        trainUntilEpoch3(job(parts, schedule, 4, false, 0));
        assertEquals(2, new Checkpoints(parts.resolve("checkpoints")).latest().epoch());
        assertFalse(Files.exists(parts.resolve("model")), "the cancelled run wrote no model");

        RecordingLog log = new RecordingLog();
        ModelCard resumed = train(job(parts, schedule, 4, true, 0), log);

        assertTrue(log.infos.stream().anyMatch(l -> l.startsWith("Resuming the interrupted run from checkpoint "
                + parts.resolve("checkpoints/epoch-0002") + " after epoch 2 of 4: training epochs 3 to 4")),
                log.infos.toString());
        assertTrue(log.infos.stream().anyMatch(l -> l.startsWith("Training on 480 ") && l.endsWith(", 2 epoch(s)")),
                "the start line counts the epochs this run trains: " + log.infos);
        assertFalse(log.infos.stream().anyMatch(l -> l.contains("depends on the run's length")), log.infos.toString());
        List<String> expected = withoutTimings(whole);
        assertEquals(5, expected.size(), "header and 4 epochs: " + expected);
        assertEquals(expected, withoutTimings(parts), schedule.id() + ": metrics.csv of the resumed run");
        assertArrayEquals(parameters(whole), parameters(parts), schedule.id() + ": the parameters");
        assertEquals(4, resumed.epochsTrained());
        assertEquals(List.of(2), resumed.resumedAfter());
        assertEquals("fingerprint-4-false", resumed.startFingerprint(), "the chain began with the 4-epoch run");
        assertEquals(wholeCard.history().stream().map(TrainingInterruptedResumeTest::untimed).toList(),
                resumed.history().stream().map(TrainingInterruptedResumeTest::untimed).toList(),
                schedule.id() + ": the unrounded history");
        assertEquals(4, new Checkpoints(parts.resolve("checkpoints")).latest().plannedEpochs());
    }

    private static EpochMetrics untimed(EpochMetrics m) {
        return m.toBuilder().epochSeconds(0).trainImagesPerSecond(0).build();
    }

    @Test
    void anInterruptedRunResumedWithOtherEpochsStillFinishesItsPlanAndSaysSo() throws Exception {
        trainUntilEpoch3(job(out, LrSchedule.WSD, 4, false, 0));
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, LrSchedule.WSD, 1, true, 0), log);
        assertEquals(4, card.epochsTrained());
        assertTrue(log.infos.contains("Parameter 'epochs' (1) does not count here: a resume finishes the interrupted "
                + "run as it was planned, to epoch 4; resume again afterwards to train on"), log.infos.toString());
    }

    @Test
    void aFinishedRunResumedTrainsEpochsMore() throws Exception {
        train(job(out, LrSchedule.WSD, 4, false, 0), BuildLog.console());
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, LrSchedule.WSD, 2, true, 0), log);

        assertTrue(log.infos.contains("Extending the finished run from checkpoint "
                + out.resolve("checkpoints/epoch-0004") + " (after epoch 4): training epochs 5 to 6"),
                log.infos.toString());
        assertTrue(log.infos.contains("lrSchedule wsd depends on the run's length: epochs 5-6 follow it as planned "
                + "for 6 epochs in all; the epochs before followed the plan of their run (4 epochs)"),
                log.infos.toString());
        assertEquals(6, card.epochsTrained());
        assertEquals(List.of(4), card.resumedAfter());
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), rows.stream().map(EpochMetrics::epoch).toList());
        // batch 15 of epoch 6 is the last step of a 6-epoch plan, where wsd has decayed to near 0
        assertEquals(LrSchedule.WSD.rate(0.002, 6, 14, 15, 6), rows.get(5).learningRate(), 1e-6);
        assertEquals(6, new Checkpoints(out.resolve("checkpoints")).latest().plannedEpochs());
    }

    @Test
    void aRunThatStoppedOnItsOwnBeforeItsPlanCountsAsFinished() {
        // test losses 1.0, 0.9, 0.95, 0.97: with patience 2 early stopping ended the run after epoch 4 of 6
        List<EpochMetrics> history = new ArrayList<>();
        double[] losses = {1.0, 0.9, 0.95, 0.97};
        for (int e = 1; e <= losses.length; e++) {
            history.add(EpochMetrics.builder().evaluatedAt(e).testLoss(losses[e - 1]).testAccuracy(0.5 + e / 100.0)
                    .build());
        }
        ModelSpec spec = ModelSpec.of("mlp", 64, null, null, 28, 28, 10);
        Checkpoints.Info after4 = Checkpoints.Info.of(4, spec, null, "wsd", 6, history, "start", List.of());
        assertFalse(RunPlan.interrupted(after4, settings(2, null)), "early stopping ended it");
        assertTrue(RunPlan.interrupted(after4, settings(0, null)), "without early stopping it was cut short");
        assertTrue(RunPlan.interrupted(after4, settings(3, null)), "patience 3 would have gone on");
        assertFalse(RunPlan.interrupted(after4, settings(0, 0.535)), "the accuracy target was reached in epoch 4");
        assertTrue(RunPlan.interrupted(after4, settings(0, 0.6)), "a target not reached");
        Checkpoints.Info last = Checkpoints.Info.of(6, spec, null, "wsd", 6, history, "start", List.of());
        assertFalse(RunPlan.interrupted(last, settings(0, null)), "the plan's last epoch: finished");
        Checkpoints.Info older = Checkpoints.Info.of(4, spec, null, null, 0, null, null, null);
        assertFalse(RunPlan.interrupted(older, settings(0, null)), "an older plugin's checkpoint: plan unknown");
    }

    private static TrainSettings settings(int patience, Double target) {
        return job(Path.of("unused"), LrSchedule.WSD, 6, true, patience).settings().toBuilder()
                .targetAccuracy(target).build();
    }
}
