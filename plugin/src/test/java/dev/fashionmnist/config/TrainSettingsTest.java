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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation of training settings, optimizer and schedule names, and model specs: each message names the fix. */
class TrainSettingsTest {
    private static final ModelSpec MLP = ModelSpec.of("mlp", 128, null, null, 28, 28, 10);

    /** Valid settings: 1 epoch in batches of 64, SGD at 0.01 with momentum 0.9, all images, stratified. */
    private static TrainSettings.Builder valid() {
        return TrainSettings.builder().model(MLP).epochs(1).batchSize(64).optimizer(OptimizerKind.SGD)
                .learningRate(0.01).momentum(0.9).lrSchedule(LrSchedule.CONSTANT).stratified(true).seed(42)
                .device("cpu");
    }

    /** Valid settings for the newer options: Adam at 0.001, one-cycle schedule, batches of 64, all images. */
    private static TrainSettings.Builder adamOneCycle() {
        return TrainSettings.builder().model(MLP).epochs(1).batchSize(64).optimizer(OptimizerKind.ADAM)
                .learningRate(0.001).lrSchedule(LrSchedule.ONECYCLE).stratified(true).seed(42).device("cpu");
    }

    private static void assertFails(Executable action, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }

    /** A row of a table of settings (named by what is changed) and the parts their message must contain. */
    private static Arguments row(String change, TrainSettings.Builder settings, Object... rest) {
        Object[] arguments = new Object[rest.length + 1];
        arguments[0] = Named.of(change, settings);
        System.arraycopy(rest, 0, arguments, 1, rest.length);
        return Arguments.of(arguments);
    }

    @Test
    void validSettingsAreAccepted() {
        TrainSettings s = valid().build();
        assertEquals(1, s.epochs());
        assertEquals(64, s.batchSize());
        // nesterov with sgd and momentum is allowed
        assertEquals(true, valid().nesterov(true).build().nesterov());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                row("epochs 0", valid().epochs(0), List.of("'epochs'", "is 0", "at least 1")),
                row("batchSize 0", valid().batchSize(0), List.of("'batchSize'", "is 0", "at least 1")),
                row("learningRate 0", valid().learningRate(0), List.of("'learningRate'", "is 0.0", "positive")),
                row("learningRate -0.1", valid().learningRate(-0.1), List.of("'learningRate'", "is -0.1", "positive")),
                row("learningRate NaN", valid().learningRate(Double.NaN),
                        List.of("'learningRate'", "is NaN", "positive")),
                row("momentum 1", valid().momentum(1.0), List.of("'momentum'", "is 1.0", "below 1")),
                row("momentum -0.1", valid().momentum(-0.1), List.of("'momentum'", "is -0.1", "from 0")),
                row("nesterov with adam", valid().optimizer(OptimizerKind.ADAM).nesterov(true),
                        List.of("'nesterov'", "is true", "sgd", "momentum above 0")),
                row("nesterov without momentum", valid().momentum(0).nesterov(true),
                        List.of("'nesterov'", "is true", "sgd", "momentum above 0")),
                row("weightDecay -1", valid().weightDecay(-1),
                        List.of("'weightDecay'", "is -1.0", "use 0 or a small positive")),
                row("trainSize -1", valid().trainSize(-1), List.of("'trainSize'", "is -1", "0 for all")),
                row("threads -1", valid().threads(-1), List.of("'threads'", "is -1", "0 for PyTorch's default")),
                row("batchSize 64 above trainSize 32", valid().trainSize(32),
                        List.of("'batchSize'", "is 64", "trainSize 32", "at most 32")),
                row("evaluationsPerEpoch -2", adamOneCycle().evaluationsPerEpoch(-2),
                        List.of("'evaluationsPerEpoch'", "-2", "1")),
                row("targetAccuracy 1.5", adamOneCycle().targetAccuracy(1.5),
                        List.of("'targetAccuracy'", "1.5", "90%")),
                row("targetAccuracy 0", adamOneCycle().targetAccuracy(0.0), List.of("'targetAccuracy'", "0.0")),
                row("labelSmoothing 1", adamOneCycle().labelSmoothing(1),
                        List.of("'labelSmoothing'", "is 1.0", "below 1")),
                row("labelSmoothing -0.1", adamOneCycle().labelSmoothing(-0.1), List.of("'labelSmoothing'", "-0.1")),
                row("labelSmoothing NaN", adamOneCycle().labelSmoothing(Double.NaN),
                        List.of("'labelSmoothing'", "NaN")),
                // 1000 images in batches of 64: 16 batches (the last of 40)
                row("17 evaluations of 16 batches", adamOneCycle().trainSize(1000).evaluationsPerEpoch(17),
                        List.of("'evaluationsPerEpoch'", "17", "only 16 batches", "at most 16")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingsNameTheParameterAndTheFix(TrainSettings.Builder settings, List<String> parts) {
        assertFails(settings::build, parts.toArray(String[]::new));
    }

    @Test
    void errorsInGerman() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> valid().batchSize(4).trainSize(5).build().imagesUsed(60000, 10));
        assertTrue(e instanceof Localizable, e.toString());
        assertEquals("Parameter 'trainSize' ist 5: Eine geschichtete Stichprobe braucht mindestens ein Bild pro Klasse "
                + "(10); nimm mehr oder setze trainSubset=first", e.message().in(Language.GERMAN));
        ConfigurationException many = assertThrows(ConfigurationException.class, () -> valid().epochs(0).build());
        assertEquals("Parameter 'epochs' is 0: train at least 1 epoch", many.getMessage());
        assertEquals("Parameter 'epochs' ist 0: Trainiere mindestens 1 Epoche", many.message().in(Language.GERMAN));
        ConfigurationException rate = assertThrows(ConfigurationException.class,
                () -> valid().learningRate(-0.5).build());
        assertEquals("Parameter 'learningRate' ist -0.5: Die Lernrate muss eine positive Zahl sein, z. B. 0.001",
                rate.message().in(Language.GERMAN), "the value as the user wrote it");
        assertEquals("Parameter 'optimizer' ist 'rmsprop': Setze sgd, adam oder adamw",
                assertThrows(ConfigurationException.class, () -> OptimizerKind.parse("rmsprop")).message()
                        .in(Language.GERMAN));
    }

    /** Settings, the training images there are (of 10 classes), and how many of them are used. */
    static Stream<Arguments> imagesUsed() {
        return Stream.of(
                row("all", valid(), 60000, 60000),
                row("trainSize 1000", valid().trainSize(1000), 60000, 1000),
                // the first 5 images need no class coverage
                row("the first 5", valid().batchSize(4).trainSize(5).stratified(false), 60000, 5),
                row("16 evaluations of 1000 images in 16 batches",
                        adamOneCycle().trainSize(1000).evaluationsPerEpoch(16), 60000, 1000),
                // all images: checked against the data once it is known
                row("2 evaluations of all 100 images in 2 batches", adamOneCycle().evaluationsPerEpoch(2), 100, 100));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("imagesUsed")
    void imagesUsed(TrainSettings.Builder settings, int available, int used) {
        assertEquals(used, settings.build().imagesUsed(available, 10));
    }

    /** Valid settings, the training images there are (of 10 classes), and the parts of the message they give. */
    static Stream<Arguments> tooFewImages() {
        return Stream.of(
                row("trainSize 70000", valid().trainSize(70000), 60000,
                        List.of("'trainSize'", "is 70000", "only 60000", "at most 60000")),
                row("batchSize 64", valid(), 50, List.of("'batchSize'", "is 64", "50 training images", "at most 50")),
                row("a stratified trainSize 5", valid().batchSize(4).trainSize(5), 60000,
                        List.of("'trainSize'", "is 5", "one image per class (10)", "trainSubset=first")),
                row("3 evaluations of all images", adamOneCycle().evaluationsPerEpoch(3), 100,
                        List.of("'evaluationsPerEpoch'", "is 3", "only 2 batches")));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("tooFewImages")
    void imagesUsedChecksTheSettingsAgainstTheData(TrainSettings.Builder settings, int available, List<String> parts) {
        TrainSettings s = settings.build();
        assertFails(() -> s.imagesUsed(available, 10), parts.toArray(String[]::new));
    }

    @Test
    void targetEvaluationsAndSmoothingAreValidated() {
        TrainSettings s = adamOneCycle().targetAccuracy(0.9).evaluationsPerEpoch(4).labelSmoothing(0.1).build();
        assertEquals(0.9, s.targetAccuracy());
        assertEquals(4, s.evaluationsPerEpoch());
        assertEquals(0.1, s.labelSmoothing());
        assertEquals(1, adamOneCycle().evaluationsPerEpoch(0).build().evaluationsPerEpoch(),
                "0 (a card from before) means 1");
        assertEquals(1, valid().build().evaluationsPerEpoch());
        assertEquals(null, valid().build().targetAccuracy());
        assertEquals(0.0, valid().build().labelSmoothing());
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"sgd, SGD", "' Adam ', ADAM", "ADAMW, ADAMW"})
    void optimizerParse(String text, OptimizerKind optimizer) {
        assertEquals(optimizer, OptimizerKind.parse(text));
    }

    @Test
    void optimizerIdAndAnUnknownName() {
        assertEquals("adamw", OptimizerKind.ADAMW.id());
        assertFails(() -> OptimizerKind.parse("rmsprop"), "'optimizer'", "'rmsprop'", "sgd", "adam", "adamw");
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"cosine, COSINE", "' Step', STEP", "OneCycle, ONECYCLE", "WSD, WSD"})
    void scheduleParse(String text, LrSchedule schedule) {
        assertEquals(schedule, LrSchedule.parse(text));
    }

    @Test
    void unknownSchedule() {
        assertFails(() -> LrSchedule.parse("linear"), "'lrSchedule'", "'linear'", "constant", "cosine", "step",
                "onecycle", "wsd");
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

    @ParameterizedTest(name = "epoch {0} of {1}: {2}")
    @CsvSource({
        // a tenth of the rate after each third of the run
        "0, 9, 1", "1, 9, 1", "2, 9, 1", "3, 9, 0.1", "4, 9, 0.1", "5, 9, 0.1", "6, 9, 0.01", "7, 9, 0.01",
        "8, 9, 0.01",
        // 3 epochs: one per third
        "0, 3, 1", "1, 3, 0.1", "2, 3, 0.01"})
    void stepRate(int epoch, int epochs, double rate) {
        assertEquals(rate, LrSchedule.STEP.rate(1, epoch, epochs), 1e-12);
    }

    /** ModelSpec.of(architecture, hiddenSize, hiddenLayers, resnetBlocks) of 28x28 images: parts of the message. */
    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        vgg    | 128 |       |     | 'architecture'; 'vgg'; mlp; net; amelie-cnn; resnet
        mlp    | 0   |       |     | 'hiddenSize'; is 0; at least 1
        mlp    | 128 | 256,x |     | 'hiddenLayers'; '256,x'; 'x' is not a whole number; positive whole numbers
        mlp    | 128 | 0     |     | 'hiddenLayers'; '0'; out of range; between 1 and 65536
        resnet | 0   |       | 2,x | 'resnetBlocks'; '2,x'; 'x' is not a whole number
        resnet | 0   |       | 2,2 | 'resnetBlocks'; '2,2'; needs 3 values; e.g. 2,2,2
        """)
    void invalidModelSpecsNameTheParameterAndTheFix(String architecture, int hiddenSize, String hiddenLayers,
                                                      String resnetBlocks, String parts) {
        assertFails(() -> ModelSpec.of(architecture, hiddenSize, hiddenLayers, resnetBlocks, 28, 28, 10),
                parts.split("; "));
    }

    @Test
    void netNeedsSixBySix() {
        assertFails(() -> ModelSpec.of("net", 0, null, null, 5, 28, 10), "'net'", "at least 6x6", "5x28");
    }

    @Test
    void architectureIds() {
        assertEquals(Architecture.AMELIE_CNN, ModelSpec.of("Amelie-CNN", 0, null, null, 28, 28, 10).architecture());
        assertEquals("mlp, net, amelie-cnn, resnet", Architecture.validIds());
    }

    @Test
    void hiddenSizeOnlyMattersForMlp() {
        assertEquals(List.of(), ModelSpec.of("net", 0, null, null, 28, 28, 10).hiddenLayers());
    }

    @Test
    void hiddenLayers() {
        assertEquals(List.of(256, 128), ModelSpec.of("mlp", 0, " 256, 128 ", null, 28, 28, 10).hiddenLayers());
    }

    @Test
    void resnetBlocks() {
        assertEquals(ModelSpec.DEFAULT_RESNET_BLOCKS, ModelSpec.of("resnet", 0, null, null, 28, 28, 10).resnetBlocks());
        assertEquals(List.of(1, 2, 3), ModelSpec.of("resnet", 0, null, "1,2,3", 28, 28, 10).resnetBlocks());
    }

    @Test
    void resnetBlocksIgnoredForMlp() {
        ModelSpec spec = ModelSpec.of("mlp", 128, null, "2,x", 28, 28, 10);
        assertEquals(List.of(), spec.resnetBlocks());
        assertEquals(List.of(128), spec.hiddenLayers());
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
        mlp        | 128 |         |       | mlp 784-128-10
        mlp        | 0   | 256,128 |       | mlp 784-256-128-10
        net        | 0   |         |       | net
        amelie-cnn | 0   |         |       | amelie-cnn
        resnet     | 0   |         |       | resnet blocks [2,2,2]
        resnet     | 0   |         | 1,1,1 | resnet blocks [1,1,1]
        """)
    void describe(String architecture, int hiddenSize, String hiddenLayers, String resnetBlocks, String description) {
        assertEquals(description,
                ModelSpec.of(architecture, hiddenSize, hiddenLayers, resnetBlocks, 28, 28, 10).describe());
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
    void warmupStableDecayOverTenEpochsOfAllImages() {
        // 60,000 images in batches of 64: 938 batches per epoch, 9380 in all; the warm-up is the fixed 200 steps (a
        // quarter of the first epoch would be 235), the decay the last 1876 steps (20%), from step 7504
        LrSchedule wsd = LrSchedule.WSD;
        assertTrue(wsd.perBatch());
        assertEquals(200, LrSchedule.wsdWarmupSteps(938));
        assertEquals(7504, LrSchedule.wsdDecayStart(9380));
        assertEquals(0.004, wsdRate(0, 938, 10), 1e-15, "the start: rate/25");
        assertEquals(0.004 + 0.096 * 100 / 200, wsdRate(100, 938, 10), 1e-15, "halfway up: linear");
        assertEquals(0.004 + 0.096 * 199 / 200, wsdRate(199, 938, 10), 1e-15, "the warm-up's last step");
        assertEquals(0.1, wsdRate(200, 938, 10), 1e-15, "the rate right after the warm-up");
        assertEquals(0.1, wsdRate(5000, 938, 10), 1e-15, "stable");
        assertEquals(0.1, wsdRate(7503, 938, 10), 1e-15, "the stable phase's last step");
        assertEquals(0.1, wsdRate(7504, 938, 10), 1e-15, "the decay's first step");
        assertEquals(0.1 * (1 - Math.sqrt(0.25)), wsdRate(7504 + 469, 938, 10), 1e-15, "a quarter down: 1-sqrt");
        assertEquals(0.1 * (1 - Math.sqrt(1875 / 1876.0)), wsdRate(9379, 938, 10), 1e-15, "the last step");
        assertTrue(wsdRate(9379, 938, 10) < 0.1 / 3000 && wsdRate(9379, 938, 10) > 0, "close to 0 at the end");
        assertMonotonicPieces(938, 10);
    }

    @Test
    void warmupStableDecayOfOneEpochOfAFewHundredImages() {
        // 480 images in batches of 32: 15 batches; warm-up a quarter of them (4 steps), decay the last 3 (20%)
        assertEquals(4, LrSchedule.wsdWarmupSteps(15));
        assertEquals(12, LrSchedule.wsdDecayStart(15));
        assertEquals(0.004, wsdRate(0, 15, 1), 1e-15);
        assertEquals(0.004 + 0.096 * 3 / 4, wsdRate(3, 15, 1), 1e-15);
        for (int step = 4; step <= 12; step++) {
            assertEquals(0.1, wsdRate(step, 15, 1), 1e-15, "stable up to the decay's first step, step " + step);
        }
        assertEquals(0.1 * (1 - Math.sqrt(1 / 3.0)), wsdRate(13, 15, 1), 1e-15);
        assertEquals(0.1 * (1 - Math.sqrt(2 / 3.0)), wsdRate(14, 15, 1), 1e-15);
        assertMonotonicPieces(15, 1);
        for (int step = 0; step < 15; step++) {
            assertEquals(wsdRate(step, 15, 1), LrSchedule.WSD.rate(0.1, step, 15), 1e-15,
                    "without epochs the steps are one epoch's");
        }
    }

    @Test
    void warmupStableDecayOfAFewStepsWarmsUpFirst() {
        // one step: the warm-up's start rate; three: one warm-up step, and the one decay step is still at the rate
        assertEquals(0.04, LrSchedule.WSD.rate(1, 0, 1), 1e-15);
        assertEquals(List.of(0.04, 1.0, 1.0), List.of(LrSchedule.WSD.rate(1, 0, 3), LrSchedule.WSD.rate(1, 1, 3),
                LrSchedule.WSD.rate(1, 2, 3)));
    }

    /** The rate of WSD at 0.1 for step {@code step} (0-based, counted over the run) of a plan of {@code epochs}. */
    private static double wsdRate(int step, int batchesPerEpoch, int epochs) {
        return LrSchedule.WSD.rate(0.1, step / batchesPerEpoch + 1, step % batchesPerEpoch, batchesPerEpoch, epochs);
    }

    /** Rising through the warm-up, level while stable, falling through the decay, always above 0. */
    private static void assertMonotonicPieces(int batchesPerEpoch, int epochs) {
        long warmup = LrSchedule.wsdWarmupSteps(batchesPerEpoch);
        long decayStart = LrSchedule.wsdDecayStart((long) batchesPerEpoch * epochs);
        double previous = 0;
        for (int step = 0; step < batchesPerEpoch * epochs; step++) {
            double r = wsdRate(step, batchesPerEpoch, epochs);
            if (step <= warmup) {
                assertTrue(r > previous, "rising during the warm-up, step " + step + ": " + r);
            } else if (step <= decayStart) {
                assertEquals(previous, r, "stable, step " + step);
            } else {
                assertTrue(r < previous && r > 0, "falling during the decay, step " + step + ": " + r);
            }
            previous = r;
        }
    }

    /** A run of a few steps at rate 1: the warm-up takes at least one step; a single step runs at the start rate. */
    @ParameterizedTest(name = "step {0} of {1}: {2}")
    @CsvSource({"0, 1, 0.04", "0, 3, 0.04", "1, 3, 1", "2, 3, 1e-4"})
    void oneCycleOfAFewSteps(int step, int steps, double rate) {
        assertEquals(rate, LrSchedule.ONECYCLE.rate(1, step, steps), 1e-15);
    }

    @ParameterizedTest(name = "{1} in {0} batches: {2}")
    @CsvSource({"32, 1, 32", "32, 4, 8 16 24 32", "32, 3, 10 21 32", "3, 3, 1 2 3"})
    void evaluationPointsAreEvenlySpacedAndEndTheEpoch(int batches, int evaluations, String points) {
        assertArrayEquals(Arrays.stream(points.split(" ")).mapToInt(Integer::parseInt).toArray(),
                Training.evaluationPoints(batches, evaluations));
    }
}
