package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on small subsets of the real Fashion-MNIST, one epoch each, on the real PyTorch CPU natives. */
public class TrainingTest {
    @TempDir
    Path out;

    public static TrainJob job(Path out, String arch, String blocks, int trainSize, int testSize, int epochs,
                        boolean resume, long seed) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of(arch, 128, null, blocks, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(32).optimizer(OptimizerKind.ADAM)
                .learningRate(0.001).momentum(0.9).lrSchedule(LrSchedule.CONSTANT).trainSize(trainSize).stratified(true)
                .seed(seed).device("cpu").resume(resume).build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(testSize).outputDirectory(out)
                .fingerprint("test-fingerprint").pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job) throws Exception {
        return new Training(job, BuildLog.console(), TrainingProgress.NONE).run(RealData.load());
    }

    private void assertBeatsChance(String arch, String blocks, int trainSize, int testSize, double minimum,
                                   long parameters) throws Exception {
        ModelCard card = train(job(out, arch, blocks, trainSize, testSize, 1, false, 42));
        double accuracy = card.finalMetrics().testAccuracy();
        assertTrue(accuracy > minimum, arch + " test accuracy " + accuracy + " should clearly beat chance (0.10)");
        assertEquals(parameters, card.trainableParameters());
        assertEquals(1, MetricsCsv.read(out.resolve("metrics.csv")).size());
        assertTrue(Files.size(out.resolve("model/fashionmnist-0000.params")) > parameters * 4);
        ModelCard read = ModelCard.readIfPresent(out.resolve("model"));
        assertEquals(card.fingerprint(), read.fingerprint());
        assertEquals(arch, read.architecture());
        assertTrue(Files.isDirectory(out.resolve("checkpoints/epoch-0001")));
    }

    @Test
    void mlpBeatsChance() throws Exception {
        assertBeatsChance("mlp", null, 2000, 2000, 0.5, 101_770);
    }

    @Test
    void netBeatsChance() throws Exception {
        assertBeatsChance("net", null, 2000, 1000, 0.4, 1_199_882);
    }

    @Test
    void amelieCnnBeatsChance() throws Exception {
        assertBeatsChance("amelie-cnn", null, 2000, 1000, 0.4, 104_650);
    }

    @Test
    void resnetBeatsChance() throws Exception {
        // the smallest ResNet (one block per stage): a 2,2,2 epoch runs at ~15 images/s on two cores
        assertBeatsChance("resnet", "1,1,1", 960, 300, 0.3, 1_226_442);
    }

    @Test
    void sameSeedGivesTheSameLosses() throws Exception {
        train(job(out.resolve("a"), "mlp", null, 1000, 500, 2, false, 7));
        train(job(out.resolve("b"), "mlp", null, 1000, 500, 2, false, 7));
        train(job(out.resolve("c"), "mlp", null, 1000, 500, 2, false, 8));
        List<EpochMetrics> a = MetricsCsv.read(out.resolve("a/metrics.csv"));
        List<EpochMetrics> b = MetricsCsv.read(out.resolve("b/metrics.csv"));
        List<EpochMetrics> c = MetricsCsv.read(out.resolve("c/metrics.csv"));
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 0.0);
            assertEquals(a.get(i).testLoss(), b.get(i).testLoss(), 0.0);
        }
        assertTrue(a.get(0).trainLoss() != c.get(0).trainLoss(), "another seed gives other losses");
    }

    @Test
    void resumeAppendsAndContinuesTheLossCurve() throws Exception {
        train(job(out, "mlp", null, 1000, 500, 2, false, 3));
        ModelCard resumed = train(job(out, "mlp", null, 1000, 500, 2, true, 3));
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(EpochMetrics::epoch).toList());
        assertEquals(4, resumed.epochsTrained());
        assertTrue(rows.get(2).trainLoss() < rows.get(0).trainLoss(),
                "epoch 3 goes on from the trained model, not from scratch: " + rows);
        assertTrue(rows.get(3).trainLoss() < rows.get(1).trainLoss(), rows.toString());
    }

    @Test
    void resumeFromACheckpointOfAnotherArchitectureIsAClearError() throws Exception {
        train(job(out, "mlp", null, 500, 200, 1, false, 3));
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> train(job(out, "amelie-cnn", null, 500, 200, 1, true, 3)));
        assertTrue(e.getMessage().contains("mlp 784-128-10") && e.getMessage().contains("amelie-cnn"),
                e.getMessage());
    }
}
