package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks within an epoch on a fixed sample of the test set ({@link TestChecks#TEST_SAMPLE} images), in real training
 * runs on a subset of the real Fashion-MNIST: the epoch's end and every "target reached" come from the whole test set.
 */
class TrainingTestSampleTest {
    @TempDir
    Path out;

    /** An mlp on 2000 images with Adam, batches of 32: 63 batches, checks after batches 15, 31, 47 and 63. */
    private static TrainJob job(Path out, int testSize, Double target, Double average) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of("mlp", 64, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(1).batchSize(32).optimizer(OptimizerKind.ADAM)
                .learningRate(0.002).lrSchedule(LrSchedule.CONSTANT).trainSize(2000).stratified(true).seed(7)
                .device("cpu").targetAccuracy(target).evaluationsPerEpoch(4).weightAverage(average).build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(testSize).outputDirectory(out)
                .fingerprint("test-fingerprint").pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job, BuildLog log) throws Exception {
        return new Training(job, log, TrainingProgress.NONE).run(RealData.load());
    }

    @Test
    void checksWithinTheEpochSeeTheSampleAndTheEpochsEndTheWholeTestSet() throws Exception {
        RecordingLog log = new RecordingLog();
        // a target out of reach: every check within the epoch is decided by the sample
        ModelCard card = train(job(out, 0, 0.99, null), log);
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), rows.stream().map(EpochMetrics::at).toList());
        assertEquals(List.of(2000, 2000, 2000, 10_000), rows.stream().map(EpochMetrics::testImages).toList());
        assertEquals(10_000, card.finalMetrics().testImages());

        List<String> checks = log.infos.stream().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(4, checks.size(), String.join("\n", log.infos));
        for (String line : checks.subList(0, 3)) {
            assertTrue(line.contains(" (sample of 2000 test images) (test check "), line);
        }
        assertTrue(!checks.get(3).contains("sample"), checks.get(3));
        // the best accuracy said when the target is missed is a whole-set figure: the epoch's end here
        String missed = log.infos.stream().filter(l -> l.startsWith("Target accuracy 99.00% not reached"))
                .findFirst().orElseThrow();
        assertTrue(missed.endsWith("at epoch 1"), missed);
    }

    @Test
    void aTargetWithinReachOfTheSampleIsDecidedOnTheWholeTestSet() throws Exception {
        // after a quarter epoch the mlp is well above 30%: the sample says "might be reached", the whole set decides
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, 0, 0.3, TrainSettings.WEIGHT_AVERAGE_DECAY), log);
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(1, rows.size(), "stopped at the first check: " + rows);
        EpochMetrics first = rows.get(0);
        assertEquals(0.25, first.at(), 0.0);
        assertEquals(10_000, first.testImages(), "the stop was decided on the whole test set");
        assertTrue(first.testAccuracy() >= 0.3);
        assertEquals(10_000, card.finalMetrics().testImages());
        EvaluationResult evaluated = ModelEvaluator.evaluate(out.resolve("model"), RealData.load(), -1,
                BuildLog.console());
        assertEquals(card.finalMetrics().testAccuracy(), evaluated.confusion().accuracy(), 1e-12,
                "the model's recorded accuracy is the whole test set's");
        assertTrue(log.infos.stream().noneMatch(l -> l.contains("sample of")), String.join("\n", log.infos));
    }

    @Test
    void aSmallTestSetIsAlwaysEvaluatedWhole() throws Exception {
        // a sample of 2000 would be most of 3000 test images
        train(job(out, 3000, null, null), new RecordingLog());
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(List.of(3000, 3000, 3000, 3000), rows.stream().map(EpochMetrics::testImages).toList());
    }
}
