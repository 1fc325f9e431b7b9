package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weightAverage} in real training runs on small subsets of the real Fashion-MNIST: the average is evaluated
 * beside the trained weights, the better one is reported and written, BatchNorm's statistics are averaged too, the
 * trained weights are the same as without it, and a resume continues the average exactly.
 */
class TrainingWeightAverageTest {
    private static final String PARAMETERS = "fashionmnist-0000.params";

    @TempDir
    Path out;

    private static TrainSettings.Builder settings(String architecture, int trainSize, int epochs, Double average) {
        ModelSpec spec = ModelSpec.of(architecture, 64, null, null, 28, 28, 10);
        return TrainSettings.builder().model(spec).epochs(epochs).batchSize(32).optimizer(OptimizerKind.SGD)
                .learningRate(0.1).momentum(0.9).lrSchedule(LrSchedule.CONSTANT).trainSize(trainSize)
                .stratified(true).seed(5).device("cpu").weightAverage(average);
    }

    private static TrainJob job(Path out, TrainSettings s, int testSize) {
        DatasetFiles files = RealData.files();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(testSize).outputDirectory(out)
                .fingerprint("fingerprint-" + s.epochs() + "-" + s.resume()).pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job, BuildLog log) throws Exception {
        return new Training(job, log, TrainingProgress.NONE).run(RealData.load());
    }

    private static byte[] bytes(Path file) throws Exception {
        return Files.readAllBytes(file);
    }

    @Test
    void theBetterOfAverageAndTrainedWeightsIsReportedAndWrittenAsAnOrdinaryModel() throws Exception {
        // SGD at a high rate: the trained weights jump about, their average tests better
        TrainSettings s = settings("mlp", 960, 2, TrainSettings.WEIGHT_AVERAGE_DECAY).build();
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, s, 0), log);

        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(2, rows.size());
        for (EpochMetrics r : rows) {
            assertTrue(List.of(EpochMetrics.AVERAGE, EpochMetrics.TRAINED).contains(r.weights()), r.toString());
            assertEquals(10_000, r.testImages(), "the whole test set: " + r);
        }
        assertTrue(Files.readAllLines(out.resolve("metrics.csv")).get(0).endsWith(",weights,test_images"));
        EpochMetrics last = rows.get(1);
        assertEquals(EpochMetrics.AVERAGE, last.weights(), "the average tests better here: " + rows);
        assertEquals(last.weights(), card.finalMetrics().weights());
        assertEquals(TrainSettings.WEIGHT_AVERAGE_DECAY, card.hyperparameters().weightAverage(), 0.0);
        assertTrue(log.infos.stream().anyMatch(l -> l.startsWith("epoch 2/2:") && l.endsWith(" weights=average")),
                String.join("\n", log.infos));

        // the model holds the average: not the trained weights of the last checkpoint
        byte[] trained = bytes(out.resolve("checkpoints/epoch-0002").resolve(PARAMETERS));
        byte[] written = bytes(out.resolve("model").resolve(PARAMETERS));
        assertFalse(Arrays.equals(trained, written), "the model holds the averaged weights");
        assertTrue(Files.isRegularFile(out.resolve("checkpoints/epoch-0002").resolve(Checkpoints.AVERAGE)));

        // an ordinary model: the evaluate goal's path loads it and measures what the row says
        EvaluationResult evaluated = ModelEvaluator.evaluate(out.resolve("model"), RealData.load(), -1,
                BuildLog.console());
        assertEquals(card.finalMetrics().testAccuracy(), evaluated.confusion().accuracy(), 1e-12);
        assertEquals(card.finalMetrics().testLoss(), evaluated.loss(), 1e-5);
        ModelCard read = ModelCard.readIfPresent(out.resolve("model"));
        assertEquals(EpochMetrics.AVERAGE, read.finalMetrics().weights());
        assertEquals(TrainSettings.WEIGHT_AVERAGE_DECAY, read.hyperparameters().weightAverage(), 0.0);
    }

    @Test
    void withoutTheAverageTrainingIsAsBeforeAndTheAverageNeverChangesTheTrainedWeights() throws Exception {
        Path off = out.resolve("off");
        Path on = out.resolve("on");
        ModelCard plain = train(job(off, settings("mlp", 480, 2, null).build(), 300), BuildLog.console());
        train(job(on, settings("mlp", 480, 2, TrainSettings.WEIGHT_AVERAGE_DECAY).build(), 300),
                BuildLog.console());

        assertNull(plain.hyperparameters().weightAverage());
        for (EpochMetrics r : MetricsCsv.read(off.resolve("metrics.csv"))) {
            assertEquals(EpochMetrics.TRAINED, r.weights());
        }
        assertFalse(Files.exists(off.resolve("checkpoints/epoch-0002").resolve(Checkpoints.AVERAGE)));
        assertArrayEquals(bytes(off.resolve("checkpoints/epoch-0002").resolve(PARAMETERS)),
                bytes(off.resolve("model").resolve(PARAMETERS)), "without the average the model is the trained one");
        // the average only reads the trained weights: with it, they are the same bytes after each epoch
        for (String epoch : List.of("epoch-0001", "epoch-0002")) {
            assertArrayEquals(bytes(off.resolve("checkpoints").resolve(epoch).resolve(PARAMETERS)),
                    bytes(on.resolve("checkpoints").resolve(epoch).resolve(PARAMETERS)), epoch);
        }
        List<EpochMetrics> plainRows = MetricsCsv.read(off.resolve("metrics.csv"));
        List<EpochMetrics> averagedRows = MetricsCsv.read(on.resolve("metrics.csv"));
        for (int i = 0; i < plainRows.size(); i++) {
            assertEquals(plainRows.get(i).trainLoss(), averagedRows.get(i).trainLoss(), 0.0);
            assertEquals(plainRows.get(i).trainAccuracy(), averagedRows.get(i).trainAccuracy(), 0.0);
            assertTrue(averagedRows.get(i).testAccuracy() >= plainRows.get(i).testAccuracy(),
                    "the better of the two: " + averagedRows.get(i) + " vs " + plainRows.get(i));
        }
    }

    @Test
    void batchNormsRunningStatisticsAreAveragedWithTheWeights() {
        ModelSpec spec = ModelSpec.of("amelie-cnn", 0, null, null, 28, 28, 10);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Block block = Networks.build(spec);
            block.initialize(manager, DataType.FLOAT32, Networks.inputShape(spec, 8));
            WeightAverage average = WeightAverage.of(0.998, block, spec, 8, manager);
            Parameter mean = block.getParameters().stream().map(Pair::getValue)
                    .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN).findFirst().orElseThrow();
            int index = block.getParameters().values().indexOf(mean);
            NDArray before = mean.getArray().duplicate();

            // a training forward pass moves BatchNorm's running mean; the average follows by the warm-up's share
            NDArray x = manager.randomNormal(2f, 1f, new Shape(8, 1, 28, 28), DataType.FLOAT32);
            block.forward(new ParameterStore(manager, false), new NDList(x), true);
            NDArray after = mean.getArray().duplicate();
            assertFalse(before.allClose(after), "the forward pass moved the running mean");
            average.update();
            double f = average.factor(0);
            assertEquals(0.1, f, 1e-12, "timm's warm-up: (1 + 0) / (10 + 0)");
            NDArray expected = before.mul(f).add(after.mul(1 - f));
            NDArray averaged = average.arrays().get(index);
            assertTrue(expected.allClose(averaged, 1e-5, 1e-6, false), "the running mean is averaged");
            assertFalse(averaged.allClose(after), "and differs from the trained network's");
            assertEquals(1, average.updates());
        }
    }

    @Test
    void aResumeContinuesTheAverageExactly() throws Exception {
        Path whole = out.resolve("whole");
        Path parts = out.resolve("parts");
        Double d = TrainSettings.WEIGHT_AVERAGE_DECAY;
        // a network with BatchNorm, whose averaged running statistics travel in the checkpoint too
        ModelCard wholeCard = train(job(whole, settings("amelie-cnn", 192, 2, d).learningRate(0.02).build(), 200),
                BuildLog.console());
        train(job(parts, settings("amelie-cnn", 192, 1, d).learningRate(0.02).build(), 200), BuildLog.console());
        ModelCard resumed = train(job(parts, settings("amelie-cnn", 192, 1, d).learningRate(0.02).resume(true)
                .build(), 200), BuildLog.console());

        assertEquals(wholeCard.history().stream().map(TrainingWeightAverageTest::withoutTimings).toList(),
                resumed.history().stream().map(TrainingWeightAverageTest::withoutTimings).toList());
        assertEquals(2, resumed.history().size());
        assertArrayEquals(bytes(whole.resolve("checkpoints/epoch-0002").resolve(Checkpoints.AVERAGE)),
                bytes(parts.resolve("checkpoints/epoch-0002").resolve(Checkpoints.AVERAGE)),
                "the average and its update count");
        assertArrayEquals(bytes(whole.resolve("model").resolve(PARAMETERS)),
                bytes(parts.resolve("model").resolve(PARAMETERS)));
        assertEquals(wholeCard.finalMetrics().weights(), resumed.finalMetrics().weights());
    }

    @Test
    void aCheckpointWithoutAnAverageResumesWithAFreshOneAndAWarning() throws Exception {
        Double d = TrainSettings.WEIGHT_AVERAGE_DECAY;
        train(job(out, settings("mlp", 480, 1, d).build(), 300), BuildLog.console());
        Files.delete(out.resolve("checkpoints/epoch-0001").resolve(Checkpoints.AVERAGE));
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, settings("mlp", 480, 1, d).resume(true).build(), 300), log);
        assertEquals(2, card.epochsTrained());
        assertTrue(log.warnings.stream().anyMatch(w -> w.contains("holds no weight average")
                && w.contains("starts afresh from the current weights")), String.join("\n", log.warnings));
        assertTrue(Files.isRegularFile(out.resolve("checkpoints/epoch-0002").resolve(Checkpoints.AVERAGE)));
    }

    @Test
    void earlyStoppingKeepsTheAverageOfItsBestEpochWhenThatRowSaysSo() throws Exception {
        // a high rate on few images overfits: the test loss is lowest early, and early stopping keeps that epoch
        TrainSettings s = settings("mlp", 480, 6, TrainSettings.WEIGHT_AVERAGE_DECAY).earlyStoppingPatience(2).build();
        ModelCard card = train(job(out, s, 0), BuildLog.console());
        EpochMetrics kept = card.finalMetrics();
        assertTrue(kept.epoch() < card.epochsTrained(), "an earlier epoch is kept: " + card.history());
        assertEquals(EpochMetrics.AVERAGE, kept.weights(), "its average tested better: " + card.history());
        assertFalse(Arrays.equals(bytes(out.resolve("checkpoints/best").resolve(PARAMETERS)),
                bytes(out.resolve("model").resolve(PARAMETERS))), "the model is the best epoch's average");
        EvaluationResult evaluated = ModelEvaluator.evaluate(out.resolve("model"), RealData.load(), -1,
                BuildLog.console());
        assertEquals(kept.testAccuracy(), evaluated.confusion().accuracy(), 1e-12);
        assertEquals(kept.testLoss(), evaluated.loss(), 1e-5);
    }

    private static EpochMetrics withoutTimings(EpochMetrics m) {
        return m.toBuilder().epochSeconds(0).trainImagesPerSecond(0).build();
    }

    @Test
    void aWeightAverageDecayOutsideZeroToOneIsAClearError() {
        for (double bad : new double[] {0, 1, -0.5, Double.NaN}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> settings("mlp", 480, 1, bad).build());
            assertTrue(e.getMessage().contains("'weightAverage'") && e.getMessage().contains("weightAverage=false"),
                    e.getMessage());
        }
    }
}
