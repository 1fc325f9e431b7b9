package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One classifier shared by four threads that start together gives each thread what one thread alone gets. */
class ConcurrentClassifyTest {
    private static final int THREADS = 4;

    @TempDir
    Path dir;

    @Test
    void fourThreadsGetTheSingleThreadResults() throws Exception {
        Path model = TestModels.write(dir.resolve("cnn"), ModelSpec.of("amelie-cnn", 0, null, null, 28, 28, 10), 5);
        List<float[]> images = TestModels.testImages(48);
        try (Classifier c = Classifier.load(model)) {
            List<List<Prediction>> expected = ClassifierTest.classifyEach(c, images, 3);
            List<List<List<Prediction>>> expectedBatches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                expectedBatches.add(c.classifyBatch(images.subList(t * 12, t * 12 + 12), 3));
            }
            CountDownLatch ready = new CountDownLatch(2 * THREADS);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS);
            try {
                List<Future<List<List<Prediction>>>> singles = new ArrayList<>();
                List<Future<List<List<Prediction>>>> batches = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t;
                    singles.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        List<List<Prediction>> out = new ArrayList<>();
                        // each thread walks the images from its own offset, so that the threads classify different
                        // images at the same time
                        for (int k = 0; k < images.size(); k++) {
                            out.add(null);
                        }
                        for (int k = 0; k < images.size(); k++) {
                            int i = (k + offset * 12) % images.size();
                            out.set(i, c.classify(images.get(i), 3));
                            if (k % 12 == 0) {
                                c.classifyBatch(images.subList(offset * 12, offset * 12 + 12), 3);
                            }
                        }
                        return out;
                    }));
                    batches.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return c.classifyBatch(images.subList(offset * 12, offset * 12 + 12), 3);
                    }));
                }
                ready.await();
                go.countDown();
                for (int t = 0; t < THREADS; t++) {
                    assertEquals(expected, singles.get(t).get(5, TimeUnit.MINUTES), "thread " + t);
                    assertEquals(expectedBatches.get(t), batches.get(t).get(5, TimeUnit.MINUTES), "batch " + t);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
