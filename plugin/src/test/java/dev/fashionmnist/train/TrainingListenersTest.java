package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener mechanism without an engine: the order in which listeners hear a run, and how the stopping rules
 * decide, on hand-made evaluations, when to stop and which epoch's model is kept.
 */
class TrainingListenersTest {
    @TempDir
    Path out;

    /** Writes down every callback it hears, as "name:callback". */
    private static final class Recording implements TrainingListener {
        private final String name;
        private final boolean batches;
        private final List<String> heard;

        Recording(String name, boolean batches, List<String> heard) {
            this.name = name;
            this.batches = batches;
            this.heard = heard;
        }

        @Override
        public void onTrainingStart(TrainingState state) {
            heard.add(name + ":start");
        }

        @Override
        public boolean hearsBatches() {
            return batches;
        }

        @Override
        public void onBatch(int epoch, long imagesDone, long imagesTotal, double seconds,
                            TrainingProgress.Running running) {
            heard.add(name + ":batch");
        }

        @Override
        public void onLossSum(int epoch, float lossSum) {
            heard.add(name + ":lossSum");
        }

        @Override
        public void onEvaluation(EpochMetrics row, double checkSeconds, TrainingState state) {
            heard.add(name + ":evaluation");
        }

        @Override
        public void onEpochEnd(EpochMetrics row, TrainingState state) {
            heard.add(name + ":epochEnd");
        }

        @Override
        public void onTrainingEnd(TrainingState state) {
            heard.add(name + ":end");
        }

        @Override
        public void onModelWritten(ModelCard card) {
            heard.add(name + ":written");
        }

        @Override
        public void onFailure(Throwable failure) {
            heard.add(name + ":failure");
        }
    }

    private TrainingState state(int epochs, int patience, Double targetAccuracy) {
        ModelSpec spec = ModelSpec.of("mlp", 128, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(32)
                .optimizer(OptimizerKind.ADAM).learningRate(0.001).momentum(0.9).lrSchedule(LrSchedule.CONSTANT)
                .trainSize(300).stratified(true).seed(1).device("cpu").earlyStoppingPatience(patience)
                .targetAccuracy(targetAccuracy).build();
        TrainJob job = TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(List.of())
                .dataFiles(Map.of()).dataSha256(Map.of()).testSize(200).outputDirectory(out).fingerprint("fp")
                .pluginVersion("test").build();
        RunPlan plan = new RunPlan(job, null, 300, new int[0], 200, new int[0], new Checkpoints(out.resolve(
                "checkpoints")), null, null, null, null, RunStatus.start(1, epochs), List.of(), "fp", List.of());
        return new TrainingState(plan);
    }

    private static EpochMetrics row(double at, double testLoss, double testAccuracy) {
        return EpochMetrics.at(at, 1.0, 0.5, testLoss, testAccuracy, 0.001, 1, 100);
    }

    /** What the loop does at an evaluation: the row into the history, then the listeners. */
    private static void evaluated(TrainingListener listeners, TrainingState state, EpochMetrics row)
            throws IOException {
        state.history().add(row);
        listeners.onEvaluation(row, 0.1, state);
    }

    /** What the loop does after a whole epoch, with a checkpoint folder whose file says which epoch it is. */
    private void epochEnd(TrainingListener listeners, TrainingState state, EpochMetrics row) throws IOException {
        Path checkpoint = Files.createDirectories(out.resolve(String.format("checkpoints/epoch-%04d", row.epoch())));
        Files.writeString(checkpoint.resolve("epoch.txt"), String.valueOf(row.epoch()));
        state.epochTrained(row.epoch(), row);
        listeners.onEpochEnd(row, state);
    }

    @Test
    void listenersHearEachCallbackInTheirOrderAndOnlyThoseThatHearBatchesHearBatches() throws Exception {
        List<String> heard = new ArrayList<>();
        TrainingListeners listeners = new TrainingListeners(List.of(new Recording("a", false, heard),
                new Recording("b", true, heard), new Recording("c", false, heard)));
        TrainingState state = state(1, 0, null);
        assertTrue(listeners.hearsBatches());
        listeners.onTrainingStart(state);
        listeners.onBatch(1, 32, 64, 0.1, null);
        listeners.onLossSum(1, 2.3f);
        listeners.onEvaluation(row(1, 0.5, 0.8), 0.1, state);
        listeners.onEpochEnd(row(1, 0.5, 0.8), state);
        listeners.onTrainingEnd(state);
        listeners.onModelWritten(null);
        listeners.onFailure(new IllegalStateException("test"));
        assertEquals(List.of("a:start", "b:start", "c:start", "b:batch", "a:lossSum", "b:lossSum", "c:lossSum",
                "a:evaluation", "b:evaluation", "c:evaluation", "a:epochEnd", "b:epochEnd", "c:epochEnd", "a:end",
                "b:end", "c:end", "a:written", "b:written", "c:written", "a:failure", "b:failure", "c:failure"),
                heard);
        assertFalse(new TrainingListeners(List.of(new Recording("a", false, heard))).hearsBatches());
    }

    @Test
    void earlyStoppingStopsAfterItsPatienceAndKeepsTheBestEpochsCheckpoint() throws Exception {
        RecordingLog log = new RecordingLog();
        TrainingState state = state(6, 2, null);
        TrainingListener listeners = new TrainingListeners(List.of(new AccuracyTargetListener(null, log),
                new EarlyStoppingListener(2, log)));
        listeners.onTrainingStart(state);
        double[] testLoss = {1.0, 0.8, 0.85, 0.9, 0.7, 0.6};
        int epoch = 0;
        while (!state.stopRequested()) {
            epoch++;
            EpochMetrics row = row(epoch, testLoss[epoch - 1], 0.5);
            evaluated(listeners, state, row);
            epochEnd(listeners, state, row);
        }
        assertEquals(4, epoch, "two epochs without improving on epoch 2");
        listeners.onTrainingEnd(state);

        assertEquals(2, state.kept().epoch());
        assertEquals(4, state.last().epoch());
        assertEquals(out.resolve("checkpoints/best"), state.keptParameters());
        assertEquals("2", Files.readString(state.keptParameters().resolve("epoch.txt")));
        assertTrue(log.infos.contains("Early stopping after epoch 4: the test loss has not improved for 2 epochs"
                + " since epoch 2 (earlyStoppingPatience 2)"), log.infos.toString());
        assertTrue(log.infos.contains("Keeping the model of epoch 2, the one with the lowest test loss (0.8000)"),
                log.infos.toString());
    }

    @Test
    void aTargetReachedWithinAnEpochStopsThereAndKeepsThatModelOverEarlyStoppingsBest() throws Exception {
        RecordingLog log = new RecordingLog();
        TrainingState state = state(6, 2, 0.8);
        TrainingListener listeners = new TrainingListeners(List.of(new AccuracyTargetListener(0.8, log),
                new EarlyStoppingListener(2, log)));
        listeners.onTrainingStart(state);
        for (EpochMetrics row : List.of(row(1, 0.7, 0.6), row(2, 0.9, 0.7))) {
            evaluated(listeners, state, row);
            epochEnd(listeners, state, row);
        }
        assertFalse(state.stopRequested());
        EpochMetrics reached = row(2.5, 0.95, 0.81);
        evaluated(listeners, state, reached);
        assertTrue(state.stopRequested(), "the target stops within the epoch");
        state.epochTrained(3, reached);
        listeners.onTrainingEnd(state);

        assertEquals(reached, state.kept(), "the model that reached the target, not early stopping's best epoch 1");
        assertNull(state.keptParameters());
        assertEquals(List.of("Target accuracy 80.00% reached at epoch 2.5 (test accuracy 81.00%): stopping there and"
                + " keeping that model"), log.infos);
    }
}
