package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.testing.FileTrees;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train loss is the plain cross entropy of the training batches, the same quantity as the test loss, whatever the
 * label smoothing; the objective trained on is recorded beside it ({@code train_objective}). On the real PyTorch CPU
 * natives and a small subset of the real Fashion-MNIST.
 */
class TrainingLossTest {
    @TempDir
    Path out;

    /** An mlp on 960 images with Adam, batches of 32, {@code labelSmoothing} ε and {@code learningRate}. */
    private static TrainJob job(Path out, double labelSmoothing, double learningRate, boolean resume) {
        TrainJob base = TrainingTest.job(out, "mlp", null, 960, 300, 1, resume, 5);
        TrainSettings s = base.settings().toBuilder().labelSmoothing(labelSmoothing).learningRate(learningRate)
                .build();
        return base.toBuilder().settings(s).build();
    }

    private static ModelCard train(TrainJob job) throws Exception {
        return new Training(job, BuildLog.console(), TrainingProgress.NONE).run(RealData.load());
    }

    @Test
    void withoutLabelSmoothingTheObjectiveIsTheTrainLoss() throws Exception {
        ModelCard card = train(job(out, 0, 0.001, false));
        EpochMetrics row = card.history().get(0);
        assertEquals(row.trainLoss(), row.trainObjective(), 0.0, "one sum serves both");
        assertTrue(row.trainLoss() > 0.1 && row.trainLoss() < 2.3, row.toString());
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,epoch_seconds,"
                + "train_images_per_second,train_objective,weights,test_images", lines.get(0));
        String[] values = lines.get(1).split(",");
        assertEquals(values[1], values[8], "train_loss and train_objective: " + lines.get(1));
    }

    /**
     * Epoch 1 trains with ε = 0.1; epoch 2 is resumed three times from its checkpoint with ε = 0, 0.1 and 0.2 at a
     * learning rate too small to move the weights, so that every copy sees the same network on the same batches: the
     * train loss (the plain cross entropy) is the same in all three, and the objective {@code (1 - ε)·CE + ε·U} (U the
     * mean over classes of {@code -log softmax}) lies above it by ε·(U - CE), twice as far for ε = 0.2 as for 0.1.
     */
    @Test
    void theTrainLossIsThePlainCrossEntropyAndTheObjectiveTheSmoothedOne() throws Exception {
        Path first = out.resolve("first");
        ModelCard trained = train(job(first, 0.1, 0.001, false));
        EpochMetrics epoch1 = trained.history().get(0);
        double lnClasses = Math.log(10);
        // U >= ln K (Jensen): the smoothed objective lies at least ε·(ln K - CE) above the plain cross entropy
        assertTrue(epoch1.trainObjective() >= 0.9 * epoch1.trainLoss() + 0.1 * lnClasses - 1e-5, epoch1.toString());
        assertTrue(epoch1.trainObjective() - epoch1.trainLoss() > 0.05, "trained with ε = 0.1: " + epoch1);

        double[] epsilons = {0, 0.1, 0.2};
        EpochMetrics[] epoch2 = new EpochMetrics[epsilons.length];
        for (int i = 0; i < epsilons.length; i++) {
            Path copy = out.resolve("resumed-" + i);
            FileTrees.copy(first, copy);
            ModelCard resumed = train(job(copy, epsilons[i], 1e-12, true));
            assertEquals(List.of(1, 2), resumed.history().stream().map(EpochMetrics::epoch).toList());
            epoch2[i] = resumed.history().get(1);
            // the resumed run keeps epoch 1's objective, in model.json and in metrics.csv
            assertEquals(epoch1, resumed.history().get(0), "epoch 1 from the checkpoint, objective included");
            EpochMetrics csv = MetricsCsv.read(copy.resolve("metrics.csv")).get(0);
            assertEquals(epoch1.trainObjective(), csv.trainObjective(), 5e-4 * epoch1.trainObjective());
            assertEquals(epoch1.trainLoss(), csv.trainLoss(), 5e-4 * epoch1.trainLoss());
        }
        double crossEntropy = epoch2[0].trainLoss();
        assertEquals(crossEntropy, epoch2[0].trainObjective(), 0.0, "ε = 0: the objective is the cross entropy");
        assertEquals(crossEntropy, epoch2[1].trainLoss(), 1e-5, "ε = 0.1 leaves the train loss as it is");
        assertEquals(crossEntropy, epoch2[2].trainLoss(), 1e-5, "ε = 0.2 leaves the train loss as it is");
        double gap = epoch2[1].trainObjective() - crossEntropy;
        assertTrue(gap > 0.05 && gap >= 0.1 * (lnClasses - crossEntropy) - 1e-5, "ε·(U - CE) = " + gap);
        assertEquals(2 * gap, epoch2[2].trainObjective() - crossEntropy, 1e-4, "the gap grows with ε");
        assertEquals(epoch2[0].testLoss(), epoch2[2].testLoss(), 1e-5, "the weights did not move");
    }

    @Test
    void aCheckpointOfAnOlderPluginReadsItsTrainLossAsTheObjective() throws Exception {
        train(job(out, 0.1, 0.001, false));
        Path info = out.resolve("checkpoints/epoch-0001/checkpoint.json");
        JsonObject json = JsonParser.parseString(Files.readString(info)).getAsJsonObject();
        for (JsonElement row : json.getAsJsonArray("history")) {
            // before the objective had its own value, the train loss was the objective
            JsonObject r = row.getAsJsonObject();
            r.add("trainLoss", r.remove("trainObjective"));
        }
        Files.writeString(info, json.toString());
        ModelCard resumed = train(job(out, 0.1, 0.001, true));
        EpochMetrics older = resumed.history().get(0);
        assertEquals(older.trainLoss(), older.trainObjective(), 0.0, older.toString());
        EpochMetrics newer = resumed.history().get(1);
        assertTrue(newer.trainObjective() > newer.trainLoss() + 0.05, newer.toString());
        List<EpochMetrics> csv = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(csv.get(0).trainLoss(), csv.get(0).trainObjective(), 0.0);
    }
}
