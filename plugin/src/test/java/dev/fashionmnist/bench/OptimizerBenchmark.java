package dev.fashionmnist.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.train.ResumableOptimizer;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The plugin's {@link ResumableOptimizer} against DJL's own optimizers in the same JVM: training steps per second on
 * the same network and batch, alternating A and B in rounds, printed as images/s and the ratio B/A (never asserted;
 * run with {@code mvn -o -B -pl plugin test -Dinvoker.skip -Dtest=OptimizerBenchmark}).
 */
class OptimizerBenchmark {
    private static final int BATCH = 64;
    private static final int STEPS = 150;
    private static final int ROUNDS = 5;

    private static TrainSettings settings(ModelSpec spec, OptimizerKind kind) {
        return TrainSettings.builder().model(spec).epochs(1).batchSize(BATCH).optimizer(kind).learningRate(0.01)
                .momentum(kind == OptimizerKind.SGD ? 0.9 : 0).lrSchedule(LrSchedule.CONSTANT).seed(1).device("cpu")
                .build();
    }

    private static Optimizer djl(OptimizerKind kind) {
        Tracker rate = Tracker.fixed(0.01f);
        return switch (kind) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(rate).optMomentum(0.9f).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(rate).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(rate).optWeightDecays(0f).build();
        };
    }

    /** Images per second over {@link #STEPS} training steps with a fresh network and {@code plugin}'s or DJL's. */
    private static double imagesPerSecond(String arch, OptimizerKind kind, boolean plugin) {
        ModelSpec spec = ModelSpec.of(arch, 128, null, null, 28, 28, 10);
        Engine.getEngine("PyTorch").setRandomSeed(1);
        try (Model model = Model.newInstance("bench", "PyTorch")) {
            Block block = Networks.build(spec);
            model.setBlock(block);
            Optimizer optimizer = plugin ? ResumableOptimizer.of(settings(spec, kind), Tracker.fixed(0.01f), block)
                    : djl(kind);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(Networks.inputShape(spec, BATCH));
                NDManager m = model.getNDManager();
                NDArray x = m.randomNormal(new Shape(BATCH, 1, 28, 28));
                NDArray y = m.randomInteger(0, 10, new Shape(BATCH), ai.djl.ndarray.types.DataType.INT64);
                for (int warm = 0; warm < 20; warm++) {
                    step(trainer, x, y);
                }
                long start = System.nanoTime();
                for (int i = 0; i < STEPS; i++) {
                    step(trainer, x, y);
                }
                return STEPS * BATCH / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void step(Trainer trainer, NDArray x, NDArray y) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
            collector.backward(loss);
            loss.getFloat();
        }
        trainer.step();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    @Test
    void pluginOptimizersAgainstDjls() {
        for (String arch : new String[] {"mlp", "amelie-cnn"}) {
            for (OptimizerKind kind : OptimizerKind.values()) {
                double[] a = new double[ROUNDS];
                double[] b = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    a[r] = imagesPerSecond(arch, kind, false);
                    b[r] = imagesPerSecond(arch, kind, true);
                }
                System.out.printf(Locale.ROOT, "BENCHMARK %-10s %-5s DJL %8.0f images/s, plugin %8.0f images/s, "
                        + "ratio %.3f%n", arch, kind.id(), median(a), median(b), median(b) / median(a));
            }
        }
    }
}
