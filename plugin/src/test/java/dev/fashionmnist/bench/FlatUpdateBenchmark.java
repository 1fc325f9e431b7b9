package dev.fashionmnist.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.train.ResumableOptimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What one fused Adam update over one flat parameter buffer would save on mlp, against today's update of each
 * parameter tensor (four for mlp 784-128-10, so four fused engine ops of about ten kernels each). It times, in the
 * same JVM and alternating in rounds: (a) today's update, one {@code adamUpdate} per parameter; (b) a flat buffer whose
 * gradient is first gathered by one concatenation (what a flat buffer costs when the gradients stay per parameter);
 * (c) a flat buffer whose gradient already is flat (the lower bound); and, for scale, a whole training step of mlp
 * with the plugin's optimizer. Prints microseconds (medians), never asserts; run with
 * {@code mvn -o -B -pl plugin test -Dinvoker.skip -Dtest=FlatUpdateBenchmark}.
 */
class FlatUpdateBenchmark {
    private static final int BATCH = 64;
    private static final int UPDATES = 2000;
    private static final int ROUNDS = 7;
    private static final float LR = 0.001f;

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static void adam(NDArray weight, NDArray grad, NDArray mean, NDArray variance) {
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight), LR, LR,
                0f, 1f, -1f, 0.9f, 0.999f, 1e-8f, true, false);
    }

    /** Microseconds per update of {@code weights} from {@code grads}, per parameter or through one flat buffer. */
    private static double perUpdate(NDManager m, List<NDArray> weights, List<NDArray> grads, String how) {
        long size = weights.stream().mapToLong(NDArray::size).sum();
        NDArray flatWeight = m.zeros(new Shape(size));
        NDArray flatGrad = m.randomNormal(new Shape(size)).mul(1e-3f);
        NDArray flatMean = m.zeros(new Shape(size));
        NDArray flatVariance = m.zeros(new Shape(size));
        List<NDArray[]> moments = new ArrayList<>();
        for (NDArray w : weights) {
            moments.add(new NDArray[] {m.zeros(w.getShape()), m.zeros(w.getShape())});
        }
        long start = 0;
        for (int i = -200; i < UPDATES; i++) {
            if (i == 0) {
                start = System.nanoTime();
            }
            switch (how) {
                case "per-parameter" -> {
                    for (int p = 0; p < weights.size(); p++) {
                        adam(weights.get(p), grads.get(p), moments.get(p)[0], moments.get(p)[1]);
                    }
                }
                case "flat+concat" -> {
                    try (NDManager scope = m.newSubManager()) {
                        NDList flats = new NDList();
                        for (NDArray g : grads) {
                            flats.add(g.reshape(-1));
                        }
                        NDArray gathered = NDArrays.concat(flats);
                        gathered.attach(scope);
                        flats.attach(scope);
                        adam(flatWeight, gathered, flatMean, flatVariance);
                    }
                }
                case "flat" -> adam(flatWeight, flatGrad, flatMean, flatVariance);
                default -> throw new IllegalArgumentException(how);
            }
        }
        flatWeight.getFloat(0); // CPU ops run synchronously; this only keeps the result alive until here
        return (System.nanoTime() - start) / 1e3 / UPDATES;
    }

    /** Microseconds per whole training step (forward, backward, plugin's Adam) of mlp at batch 64. */
    private static double perStep(Trainer trainer, ResumableOptimizer optimizer, Block block, NDArray x, NDArray y) {
        long start = 0;
        for (int i = -200; i < UPDATES; i++) {
            if (i == 0) {
                start = System.nanoTime();
            }
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                collector.backward(loss);
            }
            optimizer.step(block);
        }
        return (System.nanoTime() - start) / 1e3 / UPDATES;
    }

    @Test
    void flatBufferAgainstPerParameterUpdates() {
        ModelSpec spec = ModelSpec.of("mlp", 128, null, null, 28, 28, 10);
        Engine.getEngine("PyTorch").setRandomSeed(1);
        TrainSettings settings = TrainSettings.builder().model(spec).epochs(1).batchSize(BATCH)
                .optimizer(OptimizerKind.ADAM).learningRate(LR).lrSchedule(LrSchedule.CONSTANT).seed(1).device("cpu")
                .build();
        try (Model model = Model.newInstance("bench", "PyTorch")) {
            Block block = Networks.build(spec);
            model.setBlock(block);
            ResumableOptimizer optimizer = ResumableOptimizer.of(settings, Tracker.fixed(LR), block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer))) {
                trainer.initialize(Networks.inputShape(spec, BATCH));
                NDManager m = model.getNDManager();
                List<NDArray> weights = new ArrayList<>();
                List<NDArray> grads = new ArrayList<>();
                for (Pair<String, Parameter> p : block.getParameters()) {
                    NDArray w = p.getValue().getArray();
                    weights.add(w.duplicate());
                    grads.add(m.randomNormal(w.getShape()).mul(1e-3f));
                }
                NDArray x = m.randomNormal(new Shape(BATCH, 1, 28, 28));
                NDArray y = m.randomInteger(0, 10, new Shape(BATCH), ai.djl.ndarray.types.DataType.INT64);
                String[] ways = {"per-parameter", "flat+concat", "flat", "whole step"};
                double[][] micros = new double[ways.length][ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    for (int w = 0; w < ways.length; w++) {
                        micros[w][r] = w == 3 ? perStep(trainer, optimizer, block, x, y)
                                : perUpdate(m, weights, grads, ways[w]);
                    }
                }
                double today = median(micros[0]);
                for (int w = 0; w < ways.length; w++) {
                    System.out.printf(Locale.ROOT, "BENCHMARK mlp adam %-14s %8.1f us (median of %d rounds x %d), "
                            + "ratio to per-parameter %.3f%n", ways[w], median(micros[w]), ROUNDS, UPDATES,
                            median(micros[w]) / today);
                }
                System.out.printf(Locale.ROOT, "BENCHMARK parameter tensors %d, values %d, cores %d%n",
                        weights.size(), weights.stream().mapToLong(NDArray::size).sum(),
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }
}
