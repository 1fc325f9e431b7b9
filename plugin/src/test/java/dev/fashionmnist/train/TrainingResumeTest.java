package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact resume, on the real PyTorch CPU natives and a small subset of the real Fashion-MNIST: 2 epochs and a resume
 * for 2 more give the same metrics.csv (every column but the timings) and the same parameters file as 4 epochs in
 * one run, for each optimizer, because the checkpoint carries the optimizer's state.
 */
class TrainingResumeTest {
    /** The columns that do not depend on the machine's speed. */
    private static final int DETERMINISTIC_COLUMNS = 6;

    @TempDir
    Path out;

    private static TrainJob job(Path out, OptimizerKind optimizer, double learningRate, double momentum,
                                double weightDecay, LrSchedule schedule, int epochs, boolean resume) {
        return job(out, optimizer, learningRate, momentum, false, weightDecay, schedule, epochs, resume);
    }

    private static TrainJob job(Path out, OptimizerKind optimizer, double learningRate, double momentum,
                                boolean nesterov, double weightDecay, LrSchedule schedule, int epochs,
                                boolean resume) {
        return job(out, optimizer, learningRate, momentum, nesterov, weightDecay, schedule, epochs, resume, 0, false);
    }

    private static TrainJob job(Path out, OptimizerKind optimizer, double learningRate, double momentum,
                                boolean nesterov, double weightDecay, LrSchedule schedule, int epochs,
                                boolean resume, int patience, boolean augment) {
        return job("mlp", 480, out, optimizer, learningRate, momentum, nesterov, weightDecay, schedule, epochs, resume,
                patience, augment);
    }

    private static TrainJob job(String architecture, int trainSize, Path out, OptimizerKind optimizer,
                                double learningRate, double momentum, boolean nesterov, double weightDecay,
                                LrSchedule schedule, int epochs, boolean resume, int patience, boolean augment) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of(architecture, 64, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(32).optimizer(optimizer)
                .learningRate(learningRate).momentum(momentum).nesterov(nesterov).weightDecay(weightDecay)
                .lrSchedule(schedule).trainSize(trainSize).stratified(true).seed(11).device("cpu").resume(resume)
                .earlyStoppingPatience(patience).augment(augment).build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(200).outputDirectory(out)
                .fingerprint("fingerprint-" + epochs + "-" + resume).pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job) throws Exception {
        return new Training(job, BuildLog.console(), TrainingProgress.NONE).run(RealData.load());
    }

    /** metrics.csv's lines without the timing columns. */
    private static List<String> deterministicColumns(Path dir) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        return lines.stream()
                .map(l -> String.join(",", Arrays.copyOf(l.split(","), DETERMINISTIC_COLUMNS)))
                .toList();
    }

    private void assertResumeIsExact(OptimizerKind optimizer, double learningRate, double momentum,
                                     double weightDecay) throws Exception {
        assertResumeIsExact(optimizer, learningRate, momentum, false, weightDecay);
    }

    private void assertResumeIsExact(OptimizerKind optimizer, double learningRate, double momentum, boolean nesterov,
                                     double weightDecay) throws Exception {
        assertResumeIsExact(optimizer, learningRate, momentum, nesterov, weightDecay, 0, false);
    }

    private void assertResumeIsExact(OptimizerKind optimizer, double learningRate, double momentum, boolean nesterov,
                                     double weightDecay, int patience, boolean augment) throws Exception {
        Path whole = out.resolve("whole");
        Path parts = out.resolve("parts");
        LrSchedule constant = LrSchedule.CONSTANT;
        ModelCard wholeCard = train(job(whole, optimizer, learningRate, momentum, nesterov, weightDecay, constant, 4,
                false, patience, augment));
        train(job(parts, optimizer, learningRate, momentum, nesterov, weightDecay, constant, 2, false, patience,
                augment));
        ModelCard resumed = train(job(parts, optimizer, learningRate, momentum, nesterov, weightDecay, constant, 2,
                true, patience, augment));

        List<String> expected = deterministicColumns(whole);
        assertEquals(5, expected.size(), "header and 4 epochs: " + expected);
        assertEquals(expected, deterministicColumns(parts), optimizer.id() + ": metrics.csv of 2 + 2 epochs");
        byte[] wholeParams = Files.readAllBytes(whole.resolve("model/fashionmnist-0000.params"));
        byte[] partParams = Files.readAllBytes(parts.resolve("model/fashionmnist-0000.params"));
        assertArrayEquals(wholeParams, partParams, optimizer.id() + ": the parameters of 2 + 2 epochs");
        assertEquals(4, resumed.epochsTrained());
        assertEquals(List.of(2), resumed.resumedAfter());
        assertEquals("fingerprint-2-false", resumed.startFingerprint(), "the chain began with the 2-epoch run");
        assertEquals(List.of(1, 2, 3, 4), resumed.history().stream().map(EpochMetrics::epoch).toList());
        // unrounded, as model.json holds them
        assertEquals(wholeCard.history().stream().map(TrainingResumeTest::withoutTimings).toList(),
                resumed.history().stream().map(TrainingResumeTest::withoutTimings).toList(),
                optimizer.id() + ": the unrounded history of 2 + 2 epochs");
    }

    private static EpochMetrics withoutTimings(EpochMetrics m) {
        return m.toBuilder().epochSeconds(0).trainImagesPerSecond(0).build();
    }

    @Test
    void sgdWithMomentumResumesExactly() throws Exception {
        assertResumeIsExact(OptimizerKind.SGD, 0.05, 0.9, 0);
    }

    @Test
    void sgdWithNesterovMomentumAndWeightDecayResumesExactly() throws Exception {
        assertResumeIsExact(OptimizerKind.SGD, 0.01, 0.9, true, 0.001);
    }

    @Test
    void adamResumesExactly() throws Exception {
        assertResumeIsExact(OptimizerKind.ADAM, 0.002, 0, 0);
    }

    @Test
    void adamWResumesExactlyWithAugmentationAndEarlyStopping() throws Exception {
        // augmentation draws from the epoch's generator; early stopping's best epoch comes back from the checkpoint
        assertResumeIsExact(OptimizerKind.ADAMW, 0.002, 0, false, 0.05, 3, true);
    }

    @Test
    void aCnnWithBatchNormResumesExactly() throws Exception {
        // BatchNorm's running mean and variance travel with the parameters
        Path whole = out.resolve("whole");
        Path parts = out.resolve("parts");
        LrSchedule c = LrSchedule.CONSTANT;
        train(job("amelie-cnn", 192, whole, OptimizerKind.SGD, 0.05, 0.9, false, 0, c, 4, false, 0, false));
        train(job("amelie-cnn", 192, parts, OptimizerKind.SGD, 0.05, 0.9, false, 0, c, 2, false, 0, false));
        train(job("amelie-cnn", 192, parts, OptimizerKind.SGD, 0.05, 0.9, false, 0, c, 2, true, 0, false));
        assertEquals(deterministicColumns(whole), deterministicColumns(parts));
        assertArrayEquals(Files.readAllBytes(whole.resolve("model/fashionmnist-0000.params")),
                Files.readAllBytes(parts.resolve("model/fashionmnist-0000.params")));
    }

    @Test
    void withoutTheOptimizerStateTheResumeWouldDiffer() throws Exception {
        // the check above can fail: dropping the optimizer state from the checkpoint changes the resumed epochs
        Path whole = out.resolve("whole");
        Path parts = out.resolve("parts");
        train(job(whole, OptimizerKind.ADAM, 0.002, 0, 0, LrSchedule.CONSTANT, 3, false));
        train(job(parts, OptimizerKind.ADAM, 0.002, 0, 0, LrSchedule.CONSTANT, 2, false));
        Path checkpoint = parts.resolve("checkpoints/epoch-0002");
        Files.delete(checkpoint.resolve(Checkpoints.OPTIMIZER));
        train(job(parts, OptimizerKind.ADAM, 0.002, 0, 0, LrSchedule.CONSTANT, 1, true));
        List<String> a = deterministicColumns(whole);
        List<String> b = deterministicColumns(parts);
        assertEquals(a.subList(0, 3), b.subList(0, 3));
        assertNotEquals(a.get(3), b.get(3), "epoch 3 with a fresh Adam differs");
    }

    @Test
    void resumingWithAnotherOptimizerOrADamagedStateIsAClearError() throws Exception {
        train(job(out, OptimizerKind.ADAM, 0.002, 0, 0, LrSchedule.CONSTANT, 1, false));
        ClassifierException other = assertThrows(ClassifierException.class,
                () -> train(job(out, OptimizerKind.SGD, 0.05, 0.9, 0, LrSchedule.CONSTANT, 1, true)));
        assertTrue(other.getMessage().contains("optimizer.ndlist holds the state of optimizer adam, but the "
                + "configuration asks for sgd: resume with optimizer=adam"), other.getMessage());

        Path state = out.resolve("checkpoints/epoch-0001").resolve(Checkpoints.OPTIMIZER);
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, Arrays.copyOf(bytes, bytes.length / 2));
        ClassifierException damaged = assertThrows(ClassifierException.class,
                () -> train(job(out, OptimizerKind.ADAM, 0.002, 0, 0, LrSchedule.CONSTANT, 1, true)));
        assertTrue(damaged.getMessage().startsWith(state + " cannot be read as optimizer state")
                && damaged.getMessage().endsWith("train from scratch without -Dfashionmnist.resume"),
                damaged.getMessage());
    }

    @Test
    void aCheckpointOfAnOlderPluginResumesWithAFreshOptimizerAndAWarning() throws Exception {
        train(job(out, OptimizerKind.ADAM, 0.002, 0, 0, LrSchedule.CONSTANT, 1, false));
        Path checkpoint = out.resolve("checkpoints/epoch-0001");
        JsonObject info = JsonParser.parseString(Files.readString(checkpoint.resolve("checkpoint.json")))
                .getAsJsonObject();
        for (String newer : List.of("optimizer", "lrSchedule", "plannedEpochs", "history", "startFingerprint",
                "resumedAfter")) {
            info.remove(newer);
        }
        Files.writeString(checkpoint.resolve("checkpoint.json"), info.toString());
        Files.delete(checkpoint.resolve(Checkpoints.OPTIMIZER));

        RecordingLog log = new RecordingLog();
        TrainJob resume = job(out, OptimizerKind.ADAM, 0.002, 0, 0, LrSchedule.CONSTANT, 1, true);
        ModelCard card = new Training(resume, log, TrainingProgress.NONE).run(RealData.load());
        assertTrue(log.warned("holds no optimizer state (an older plugin wrote it)"), log.warnings.toString());
        assertEquals(List.of(1, 2), MetricsCsv.read(out.resolve("metrics.csv")).stream().map(EpochMetrics::epoch)
                .toList(), "epoch 1's row comes from metrics.csv");
        assertEquals(List.of(1), card.resumedAfter());
        assertEquals(resume.fingerprint(), card.startFingerprint(), "unknown start: this run's own fingerprint");
    }

    @Test
    void aResumedScheduleContinuesAtItsPosition() throws Exception {
        // cosine over the combined length: the resumed epochs take the rates of a run of that length
        train(job(out, OptimizerKind.SGD, 0.1, 0, 0, LrSchedule.COSINE, 2, false));
        train(job(out, OptimizerKind.SGD, 0.1, 0, 0, LrSchedule.COSINE, 2, true));
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(LrSchedule.COSINE.rate(0.1, 0, 2), rows.get(0).learningRate(), 1e-5);
        assertEquals(LrSchedule.COSINE.rate(0.1, 1, 2), rows.get(1).learningRate(), 1e-5);
        assertEquals(LrSchedule.COSINE.rate(0.1, 2, 4), rows.get(2).learningRate(), 1e-5);
        assertEquals(LrSchedule.COSINE.rate(0.1, 3, 4), rows.get(3).learningRate(), 1e-5);
        assertTrue(rows.get(3).learningRate() < rows.get(2).learningRate(), rows.toString());
    }
}
