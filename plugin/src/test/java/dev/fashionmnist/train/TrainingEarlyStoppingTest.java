package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Early stopping and augmentation in real training runs on small subsets of the real Fashion-MNIST. */
class TrainingEarlyStoppingTest {
    @TempDir
    Path out;

    private static TrainJob job(Path out, int trainSize, int testSize, int epochs, double learningRate,
                                int patience, boolean augment, long seed) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of("mlp", 128, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(32).optimizer(OptimizerKind.ADAM)
                .learningRate(learningRate).momentum(0.9).lrSchedule(LrSchedule.CONSTANT).trainSize(trainSize)
                .stratified(true).seed(seed).device("cpu").earlyStoppingPatience(patience).augment(augment).build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(testSize).outputDirectory(out)
                .fingerprint("test-fingerprint").pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job) throws Exception {
        return new Training(job, BuildLog.console(), TrainingProgress.NONE).run(RealData.load());
    }

    /** The epoch after which the rule stops: the first e with e - bestEpoch >= patience; else the last epoch. */
    private static int stopEpoch(List<EpochMetrics> rows, int patience, int epochs) {
        EpochMetrics best = null;
        for (EpochMetrics r : rows) {
            if (best == null || r.testLoss() < best.testLoss()) {
                best = r;
            }
            if (r.epoch() - best.epoch() >= patience) {
                return r.epoch();
            }
        }
        return epochs;
    }

    private static EpochMetrics lowestTestLoss(List<EpochMetrics> rows) {
        EpochMetrics best = rows.get(0);
        for (EpochMetrics r : rows) {
            if (r.testLoss() < best.testLoss()) {
                best = r;
            }
        }
        return best;
    }

    @Test
    void stopsWhenTheTestLossStallsAndKeepsTheBestEpoch() throws Exception {
        // a high learning rate on 300 images overfits within a few epochs
        ModelCard card = train(job(out, 300, 200, 12, 0.01, 2, false, 1));
        // the model card's history holds the metrics unrounded; metrics.csv holds the same rows, rounded
        List<EpochMetrics> rows = card.history();
        assertEquals(rows.size(), MetricsCsv.read(out.resolve("metrics.csv")).size());
        int expectedStop = stopEpoch(rows, 2, 12);
        assertTrue(rows.size() < 12, "stopped before epoch 12: " + rows);
        assertEquals(expectedStop, rows.size(), "stopped exactly when the rule says: " + rows);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).epoch());
        }
        assertEquals(rows.size(), card.epochsTrained());

        EpochMetrics best = lowestTestLoss(rows);
        assertEquals(rows.size() - 2, best.epoch(), "the last two epochs did not improve on the best: " + rows);
        ModelCard read = ModelCard.readIfPresent(out.resolve("model"));
        assertEquals(best.epoch(), read.bestEpoch());
        assertEquals(rows.size(), read.epochsTrained());
        EpochMetrics kept = read.finalMetrics();
        assertEquals(best.epoch(), kept.epoch());
        assertEquals(best.trainLoss(), kept.trainLoss(), 0.0);
        assertEquals(best.trainAccuracy(), kept.trainAccuracy(), 0.0);
        assertEquals(best.testLoss(), kept.testLoss(), 0.0);
        assertEquals(best.testAccuracy(), kept.testAccuracy(), 0.0);
        assertEquals(best.learningRate(), kept.learningRate(), 0.0);
        assertEquals(best.epochSeconds(), kept.epochSeconds(), 0.0);
        assertEquals(card.finalMetrics(), kept);

        Path params = out.resolve("model/fashionmnist-0000.params");
        Path bestParams = out.resolve("checkpoints/best/fashionmnist-0000.params");
        assertTrue(Files.isRegularFile(bestParams));
        assertTrue(best.epoch() != rows.size(), "the best epoch is not the last one");
        assertEquals(Digests.sha256(bestParams), Digests.sha256(params), "the model holds the best epoch's parameters");
        assertEquals(Digests.sha256(params), read.parametersSha256());
        // the best epoch's own checkpoint (still among the newest 3) is the same, the last epoch's is not
        Path bestEpochDir = out.resolve(String.format("checkpoints/epoch-%04d/fashionmnist-0000.params",
                best.epoch()));
        assertEquals(Digests.sha256(bestEpochDir), Digests.sha256(params));
        Path lastEpochDir = out.resolve(String.format("checkpoints/epoch-%04d/fashionmnist-0000.params",
                rows.size()));
        assertFalse(Digests.sha256(lastEpochDir).equals(Digests.sha256(params)),
                "the model is not the last epoch's");
    }

    @Test
    void withoutEarlyStoppingAllEpochsRunAndTheLastIsKept() throws Exception {
        ModelCard card = train(job(out, 300, 200, 4, 0.01, 0, false, 1));
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(4, rows.size());
        assertEquals(4, card.epochsTrained());
        assertEquals(4, card.bestEpoch());
        assertEquals(rows.get(3).testLoss(), card.finalMetrics().testLoss(), 5e-4 * card.finalMetrics().testLoss(),
                "metrics.csv keeps 4 significant digits of the loss");
        assertFalse(Files.exists(out.resolve("checkpoints/best")), "no best/ copy without early stopping");
    }

    @Test
    void augmentedTrainingBeatsChance() throws Exception {
        ModelCard card = train(job(out, 500, 500, 1, 0.001, 0, true, 42));
        assertTrue(card.hyperparameters().augment());
        double accuracy = card.finalMetrics().testAccuracy();
        assertTrue(accuracy > 0.4, "augmented mlp test accuracy " + accuracy + " should clearly beat chance (0.10)");
        assertEquals(1, MetricsCsv.read(out.resolve("metrics.csv")).size());
    }
}
