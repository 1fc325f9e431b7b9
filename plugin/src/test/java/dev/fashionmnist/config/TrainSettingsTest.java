package dev.fashionmnist.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.internal.network.Architecture;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.train.Training;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation of training settings, optimizer and schedule names, and model specs: each message names the fix. */
class TrainSettingsTest {
    private static final ModelSpec MLP = ModelSpec.of("mlp", 128, null, null, 28, 28, 10);

    private static TrainSettings settings(int epochs, int batchSize, OptimizerKind optimizer, double learningRate,
                                          double momentum, boolean nesterov, double weightDecay, int trainSize,
                                          boolean stratified, int threads) {
        return new TrainSettings(MLP, epochs, batchSize, optimizer, learningRate, momentum, nesterov, weightDecay,
                LrSchedule.CONSTANT, trainSize, stratified, 42, "cpu", threads, false);
    }

    private static TrainSettings valid() {
        return settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, 0, true, 0);
    }

    private static void assertFails(Executable action, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }

    @Test
    void validSettingsAreAccepted() {
        TrainSettings s = valid();
        assertEquals(1, s.epochs());
        assertEquals(64, s.batchSize());
        // nesterov with sgd and momentum is allowed
        assertEquals(true, settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, true, 0, 0, true, 0).nesterov());
    }

    @Test
    void epochsZero() {
        assertFails(() -> settings(0, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, 0, true, 0),
                "'epochs'", "is 0", "at least 1");
    }

    @Test
    void batchSizeZero() {
        assertFails(() -> settings(1, 0, OptimizerKind.SGD, 0.01, 0.9, false, 0, 0, true, 0),
                "'batchSize'", "is 0", "at least 1");
    }

    @Test
    void learningRateZeroNegativeOrNaN() {
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0, 0.9, false, 0, 0, true, 0),
                "'learningRate'", "is 0.0", "positive");
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, -0.1, 0.9, false, 0, 0, true, 0),
                "'learningRate'", "is -0.1", "positive");
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, Double.NaN, 0.9, false, 0, 0, true, 0),
                "'learningRate'", "is NaN", "positive");
    }

    @Test
    void momentumOutOfRange() {
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0.01, 1.0, false, 0, 0, true, 0),
                "'momentum'", "is 1.0", "below 1");
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0.01, -0.1, false, 0, 0, true, 0),
                "'momentum'", "is -0.1", "from 0");
    }

    @Test
    void nesterovNeedsSgdWithMomentum() {
        assertFails(() -> settings(1, 64, OptimizerKind.ADAM, 0.01, 0.9, true, 0, 0, true, 0),
                "'nesterov'", "is true", "sgd", "momentum above 0");
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0.01, 0, true, 0, 0, true, 0),
                "'nesterov'", "is true", "sgd", "momentum above 0");
    }

    @Test
    void weightDecayNegative() {
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, false, -1, 0, true, 0),
                "'weightDecay'", "is -1.0", "use 0 or a small positive");
    }

    @Test
    void trainSizeNegative() {
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, -1, true, 0),
                "'trainSize'", "is -1", "0 for all");
    }

    @Test
    void threadsNegative() {
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, 0, true, -1),
                "'threads'", "is -1", "0 for PyTorch's default");
    }

    @Test
    void batchSizeLargerThanTrainSize() {
        assertFails(() -> settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, 32, true, 0),
                "'batchSize'", "is 64", "trainSize 32", "at most 32");
    }

    @Test
    void errorsInGerman() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> settings(1, 4, OptimizerKind.SGD, 0.01, 0.9, false, 0, 5, true, 0).imagesUsed(60000, 10));
        assertTrue(e instanceof Localizable, e.toString());
        assertEquals("Parameter 'trainSize' ist 5: Eine geschichtete Stichprobe braucht mindestens ein Bild pro Klasse "
                + "(10); nimm mehr oder setze trainSubset=first", e.message().in(Language.GERMAN));
        ConfigurationException many = assertThrows(ConfigurationException.class,
                () -> new TrainSettings(MLP, 0, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, LrSchedule.CONSTANT, 0,
                        true, 42, "cpu", 0, false));
        assertEquals("Parameter 'epochs' is 0: train at least 1 epoch", many.getMessage());
        assertEquals("Parameter 'epochs' ist 0: Trainiere mindestens 1 Epoche", many.message().in(Language.GERMAN));
        ConfigurationException rate = assertThrows(ConfigurationException.class,
                () -> new TrainSettings(MLP, 1, 64, OptimizerKind.SGD, -0.5, 0.9, false, 0, LrSchedule.CONSTANT, 0,
                        true, 42, "cpu", 0, false));
        assertEquals("Parameter 'learningRate' ist -0.5: Die Lernrate muss eine positive Zahl sein, z. B. 0.001",
                rate.message().in(Language.GERMAN), "the value as the user wrote it");
        assertEquals("Parameter 'optimizer' ist 'rmsprop': Setze sgd, adam oder adamw",
                assertThrows(ConfigurationException.class, () -> OptimizerKind.parse("rmsprop")).message()
                        .in(Language.GERMAN));
    }

    @Test
    void imagesUsed() {
        assertEquals(60000, valid().imagesUsed(60000, 10));
        assertEquals(1000, settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, 1000, true, 0)
                .imagesUsed(60000, 10));
    }

    @Test
    void imagesUsedTrainSizeAboveTheData() {
        TrainSettings s = settings(1, 64, OptimizerKind.SGD, 0.01, 0.9, false, 0, 70000, true, 0);
        assertFails(() -> s.imagesUsed(60000, 10), "'trainSize'", "is 70000", "only 60000", "at most 60000");
    }

    @Test
    void imagesUsedBatchSizeAboveTheData() {
        assertFails(() -> valid().imagesUsed(50, 10), "'batchSize'", "is 64", "50 training images", "at most 50");
    }

    @Test
    void imagesUsedStratifiedBelowClassCount() {
        TrainSettings s = settings(1, 4, OptimizerKind.SGD, 0.01, 0.9, false, 0, 5, true, 0);
        assertFails(() -> s.imagesUsed(60000, 10), "'trainSize'", "is 5", "one image per class (10)",
                "trainSubset=first");
        // the first 5 images need no class coverage
        TrainSettings first = settings(1, 4, OptimizerKind.SGD, 0.01, 0.9, false, 0, 5, false, 0);
        assertEquals(5, first.imagesUsed(60000, 10));
    }

    @Test
    void optimizerParse() {
        assertEquals(OptimizerKind.SGD, OptimizerKind.parse("sgd"));
        assertEquals(OptimizerKind.ADAM, OptimizerKind.parse(" Adam "));
        assertEquals(OptimizerKind.ADAMW, OptimizerKind.parse("ADAMW"));
        assertEquals("adamw", OptimizerKind.ADAMW.id());
        assertFails(() -> OptimizerKind.parse("rmsprop"), "'optimizer'", "'rmsprop'", "sgd", "adam", "adamw");
    }

    @Test
    void scheduleParse() {
        assertEquals(LrSchedule.COSINE, LrSchedule.parse("cosine"));
        assertEquals(LrSchedule.STEP, LrSchedule.parse(" Step"));
        assertEquals(LrSchedule.ONECYCLE, LrSchedule.parse("OneCycle"));
        assertFails(() -> LrSchedule.parse("linear"), "'lrSchedule'", "'linear'", "constant", "cosine", "step",
                "onecycle");
    }

    @Test
    void constantRate() {
        for (int epoch = 0; epoch < 5; epoch++) {
            assertEquals(0.1, LrSchedule.CONSTANT.rate(0.1, epoch, 5));
        }
    }

    @Test
    void cosineRate() {
        assertEquals(0.1, LrSchedule.COSINE.rate(0.1, 0, 10), 1e-12);
        assertEquals(0.05, LrSchedule.COSINE.rate(0.1, 5, 10), 1e-12);
        double previous = Double.MAX_VALUE;
        for (int epoch = 0; epoch < 10; epoch++) {
            double r = LrSchedule.COSINE.rate(0.1, epoch, 10);
            assertTrue(r < previous && r > 0, "cosine rate should fall and stay positive, epoch " + epoch + ": " + r);
            previous = r;
        }
    }

    @Test
    void stepRate() {
        double[] expected = {1, 1, 1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01};
        for (int epoch = 0; epoch < 9; epoch++) {
            assertEquals(expected[epoch], LrSchedule.STEP.rate(1, epoch, 9), 1e-12, "epoch " + epoch);
        }
        // 3 epochs: one per third
        assertEquals(1, LrSchedule.STEP.rate(1, 0, 3), 1e-12);
        assertEquals(0.1, LrSchedule.STEP.rate(1, 1, 3), 1e-12);
        assertEquals(0.01, LrSchedule.STEP.rate(1, 2, 3), 1e-12);
    }

    @Test
    void unknownArchitecture() {
        assertFails(() -> ModelSpec.of("vgg", 128, null, null, 28, 28, 10),
                "'architecture'", "'vgg'", "mlp", "net", "amelie-cnn", "resnet");
    }

    @Test
    void architectureIds() {
        assertEquals(Architecture.AMELIE_CNN, ModelSpec.of("Amelie-CNN", 0, null, null, 28, 28, 10).architecture());
        assertEquals("mlp, net, amelie-cnn, resnet", Architecture.validIds());
    }

    @Test
    void hiddenSizeZeroForMlp() {
        assertFails(() -> ModelSpec.of("mlp", 0, null, null, 28, 28, 10), "'hiddenSize'", "is 0", "at least 1");
        // hiddenSize only matters for mlp
        assertEquals(List.of(), ModelSpec.of("net", 0, null, null, 28, 28, 10).hiddenLayers());
    }

    @Test
    void hiddenLayers() {
        assertEquals(List.of(256, 128), ModelSpec.of("mlp", 0, " 256, 128 ", null, 28, 28, 10).hiddenLayers());
        assertFails(() -> ModelSpec.of("mlp", 128, "256,x", null, 28, 28, 10),
                "'hiddenLayers'", "'256,x'", "'x' is not a whole number", "positive whole numbers");
        assertFails(() -> ModelSpec.of("mlp", 128, "0", null, 28, 28, 10),
                "'hiddenLayers'", "'0'", "out of range", "between 1 and 65536");
    }

    @Test
    void resnetBlocks() {
        assertEquals(ModelSpec.DEFAULT_RESNET_BLOCKS, ModelSpec.of("resnet", 0, null, null, 28, 28, 10).resnetBlocks());
        assertEquals(List.of(1, 2, 3), ModelSpec.of("resnet", 0, null, "1,2,3", 28, 28, 10).resnetBlocks());
        assertFails(() -> ModelSpec.of("resnet", 0, null, "2,x", 28, 28, 10),
                "'resnetBlocks'", "'2,x'", "'x' is not a whole number");
        assertFails(() -> ModelSpec.of("resnet", 0, null, "2,2", 28, 28, 10),
                "'resnetBlocks'", "'2,2'", "needs 3 values", "e.g. 2,2,2");
    }

    @Test
    void resnetBlocksIgnoredForMlp() {
        ModelSpec spec = ModelSpec.of("mlp", 128, null, "2,x", 28, 28, 10);
        assertEquals(List.of(), spec.resnetBlocks());
        assertEquals(List.of(128), spec.hiddenLayers());
    }

    @Test
    void netNeedsSixBySix() {
        assertFails(() -> ModelSpec.of("net", 0, null, null, 5, 28, 10), "'net'", "at least 6x6", "5x28");
    }

    @Test
    void describe() {
        assertEquals("mlp 784-128-10", MLP.describe());
        assertEquals("mlp 784-256-128-10", ModelSpec.of("mlp", 0, "256,128", null, 28, 28, 10).describe());
        assertEquals("net", ModelSpec.of("net", 0, null, null, 28, 28, 10).describe());
        assertEquals("amelie-cnn", ModelSpec.of("amelie-cnn", 0, null, null, 28, 28, 10).describe());
        assertEquals("resnet blocks [2,2,2]", ModelSpec.of("resnet", 0, null, null, 28, 28, 10).describe());
        assertEquals("resnet blocks [1,1,1]", ModelSpec.of("resnet", 0, null, "1,1,1", 28, 28, 10).describe());
    }

    @Test
    void oneCycleWarmsUpLinearlyThenAnnealsByCosine() {
        LrSchedule one = LrSchedule.ONECYCLE;
        assertTrue(one.perBatch());
        assertTrue(!LrSchedule.COSINE.perBatch() && !LrSchedule.STEP.perBatch() && !LrSchedule.CONSTANT.perBatch());
        // 1000 steps: 300 warm-up steps from 0.1/25 = 0.004 to 0.1, then 699 steps of cosine down to 0.1/1e4
        assertEquals(0.004, one.rate(0.1, 0, 1000), 1e-15);
        assertEquals(0.004 + 0.096 * 150 / 300, one.rate(0.1, 150, 1000), 1e-15, "halfway up: linear");
        assertEquals(0.004 + 0.096 * 299 / 300, one.rate(0.1, 299, 1000), 1e-15);
        assertEquals(0.1, one.rate(0.1, 300, 1000), 1e-15, "the peak right after the warm-up");
        double end = 0.1 / 1e4;
        assertEquals(end + (0.1 - end) * 0.5 * (1 + Math.cos(Math.PI * 233 / 699.0)), one.rate(0.1, 533, 1000),
                1e-15);
        assertEquals(end, one.rate(0.1, 999, 1000), 1e-15, "the last step reaches rate/1e4");
        double previous = 0;
        for (int step = 0; step <= 300; step++) {
            double r = one.rate(0.1, step, 1000);
            assertTrue(r > previous, "rising during the warm-up, step " + step);
            previous = r;
        }
        for (int step = 301; step < 1000; step++) {
            double r = one.rate(0.1, step, 1000);
            assertTrue(r < previous && r >= end, "falling after the peak, step " + step + ": " + r);
            previous = r;
        }
    }

    @Test
    void oneCycleOfAFewSteps() {
        // the warm-up takes at least one step; a single step runs at the start rate
        assertEquals(0.04, LrSchedule.ONECYCLE.rate(1, 0, 1), 1e-15);
        assertEquals(0.04, LrSchedule.ONECYCLE.rate(1, 0, 3), 1e-15);
        assertEquals(1, LrSchedule.ONECYCLE.rate(1, 1, 3), 1e-15);
        assertEquals(1e-4, LrSchedule.ONECYCLE.rate(1, 2, 3), 1e-15);
    }

    private static TrainSettings withNew(Double target, int evaluationsPerEpoch, double labelSmoothing,
                                         int trainSize, int batchSize) {
        return new TrainSettings(MLP, 1, batchSize, OptimizerKind.ADAM, 0.001, 0, false, 0, LrSchedule.ONECYCLE,
                trainSize, true, 42, "cpu", 0, false, 0, false, target, evaluationsPerEpoch, labelSmoothing);
    }

    @Test
    void targetEvaluationsAndSmoothingAreValidated() {
        TrainSettings s = withNew(0.9, 4, 0.1, 0, 64);
        assertEquals(0.9, s.targetAccuracy());
        assertEquals(4, s.evaluationsPerEpoch());
        assertEquals(0.1, s.labelSmoothing());
        assertEquals(1, withNew(null, 0, 0, 0, 64).evaluationsPerEpoch(), "0 (a card from before) means 1");
        assertEquals(1, valid().evaluationsPerEpoch());
        assertEquals(null, valid().targetAccuracy());
        assertEquals(0.0, valid().labelSmoothing());
        assertFails(() -> withNew(null, -2, 0, 0, 64), "'evaluationsPerEpoch'", "-2", "1");
        assertFails(() -> withNew(1.5, 1, 0, 0, 64), "'targetAccuracy'", "1.5", "90%");
        assertFails(() -> withNew(0.0, 1, 0, 0, 64), "'targetAccuracy'", "0.0");
        assertFails(() -> withNew(null, 1, 1, 0, 64), "'labelSmoothing'", "is 1.0", "below 1");
        assertFails(() -> withNew(null, 1, -0.1, 0, 64), "'labelSmoothing'", "-0.1");
        assertFails(() -> withNew(null, 1, Double.NaN, 0, 64), "'labelSmoothing'", "NaN");
    }

    @Test
    void noMoreEvaluationsThanBatches() {
        // 1000 images in batches of 64: 16 batches (the last of 40)
        assertEquals(1000, withNew(null, 16, 0, 1000, 64).imagesUsed(60000, 10));
        assertFails(() -> withNew(null, 17, 0, 1000, 64), "'evaluationsPerEpoch'", "17", "only 16 batches",
                "at most 16");
        // all images: checked against the data once it is known
        assertEquals(100, withNew(null, 2, 0, 0, 64).imagesUsed(100, 10));
        assertFails(() -> withNew(null, 3, 0, 0, 64).imagesUsed(100, 10), "'evaluationsPerEpoch'", "is 3",
                "only 2 batches");
    }

    @Test
    void evaluationPointsAreEvenlySpacedAndEndTheEpoch() {
        assertArrayEquals(new int[] {32}, Training.evaluationPoints(32, 1));
        assertArrayEquals(new int[] {8, 16, 24, 32},
                Training.evaluationPoints(32, 4));
        assertArrayEquals(new int[] {10, 21, 32}, Training.evaluationPoints(32, 3));
        assertArrayEquals(new int[] {1, 2, 3}, Training.evaluationPoints(3, 3));
    }
}
