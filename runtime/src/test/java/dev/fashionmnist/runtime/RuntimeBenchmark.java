package dev.fashionmnist.runtime;

import ai.djl.engine.Engine;
import dev.fashionmnist.runtime.internal.Natives;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The runtime's speed on the CPU, warm (a benchmark a person runs, never a test: its name does not end in Test). Run
 * it with {@code bench/runtime-latency.sh}. Prints, for mlp (784-128-10) and amelie-cnn: start-up (the PyTorch engine
 * with its natives from DJL's warm cache, then loading the model), the latency of one image (median and 90th
 * percentile of single {@code classify} calls after a warm-up) and the throughput of {@code classifyBatch} in batches
 * of 64. The parameters are random (speed does not depend on them); the images are real Fashion-MNIST test images.
 */
public final class RuntimeBenchmark {
    private static final int WARM_UP = 300;
    private static final int SINGLES = 3000;
    private static final int BATCH = 64;
    private static final int BATCHES = 200;

    private RuntimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("runtime-benchmark");
        long t0 = System.nanoTime();
        Engine engine = Natives.requireEngine();
        double engineMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "PyTorch %s, intra-op threads per forward pass: %d, cores: %d%n",
                engine.getVersion(),
                Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors()),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "start-up: engine and natives (warm DJL cache) %.0f ms%n", engineMs);
        List<float[]> images = TestModels.testImages(BATCH);
        for (String architecture : List.of("mlp", "amelie-cnn")) {
            Path model = TestModels.write(dir.resolve(architecture),
                    ModelSpec.of(architecture, 128, null, null, 28, 28, 10), 1);
            long l0 = System.nanoTime();
            try (Classifier c = Classifier.load(model)) {
                double loadMs = (System.nanoTime() - l0) / 1e6;
                for (int i = 0; i < WARM_UP; i++) {
                    c.classify(images.get(i % BATCH), 3);
                }
                long[] single = new long[SINGLES];
                for (int i = 0; i < SINGLES; i++) {
                    long s = System.nanoTime();
                    c.classify(images.get(i % BATCH), 3);
                    single[i] = System.nanoTime() - s;
                }
                Arrays.sort(single);
                for (int i = 0; i < WARM_UP / 10; i++) {
                    c.classifyBatch(images, 3);
                }
                long b0 = System.nanoTime();
                for (int i = 0; i < BATCHES; i++) {
                    c.classifyBatch(images, 3);
                }
                double seconds = (System.nanoTime() - b0) / 1e9;
                System.out.printf(Locale.ROOT, "%-10s load %6.0f ms | one image: median %.3f ms, p90 %.3f ms "
                                + "| batches of %d: %,.0f images/s%n", architecture, loadMs,
                        single[SINGLES / 2] / 1e6, single[SINGLES * 9 / 10] / 1e6, BATCH,
                        BATCH * BATCHES / seconds);
            }
        }
    }
}
