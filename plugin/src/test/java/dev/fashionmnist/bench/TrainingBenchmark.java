package dev.fashionmnist.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.engine.ResidentMemory;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.train.TrainJob;
import dev.fashionmnist.train.Training;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed and memory of the training loop, printed, never asserted (not part of the test run: surefire only picks
 * *Test classes; run it with {@code mvn -B -f plugin/pom.xml test -Dinvoker.skip -Dtest=TrainingBenchmark}).
 * Speed: training images per second per architecture, as a ratio to mlp measured in the same run. Memory: the
 * process's resident set after each of 6 epochs, as a ratio to after the first, which stays near 1 when the
 * per-batch NDManager scopes free every batch's arrays.
 */
class TrainingBenchmark {
    @TempDir
    Path out;

    private static TrainJob job(Path out, String arch, int trainSize, int epochs) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of(arch, 128, null, "1,1,1", 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(64).optimizer(OptimizerKind.ADAM)
                .learningRate(0.001).lrSchedule(LrSchedule.CONSTANT).trainSize(trainSize).stratified(true).seed(1)
                .device("cpu").build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(1000).outputDirectory(out)
                .fingerprint("benchmark").pluginVersion("benchmark").build();
    }

    private static long residentKiB() {
        return ResidentMemory.currentKiB().orElse(-1);
    }

    @Test
    void speedAndMemory() throws Exception {
        double mlpRate = 0;
        for (String arch : List.of("mlp", "amelie-cnn", "net")) {
            ModelCard card = new Training(job(out.resolve(arch), arch, 3000, 2), BuildLog.console(),
                    TrainingProgress.NONE).run(RealData.load());
            double rate = card.finalMetrics().trainImagesPerSecond();
            if (arch.equals("mlp")) {
                mlpRate = rate;
            }
            System.out.printf(Locale.ROOT, "BENCHMARK speed %-10s %8.0f train images/s (epoch 2)  ratio to mlp %.3f%n",
                    arch, rate, rate / mlpRate);
        }
        List<Long> rss = new ArrayList<>();
        TrainingProgress sampler = (epoch, last, done, total, seconds, running) -> {
            if (done == total) {
                try {
                    rss.add(residentKiB());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        new Training(job(out.resolve("memory"), "amelie-cnn", 3000, 6), BuildLog.console(), sampler)
                .run(RealData.load());
        for (int i = 0; i < rss.size(); i++) {
            System.out.printf(Locale.ROOT, "BENCHMARK memory after epoch %d: %,d KiB resident, ratio to epoch 1 %.3f%n",
                    i + 1, rss.get(i), rss.get(i) / (double) rss.get(0));
        }
        assertEquals(6, rss.size(), "one sample per epoch");
    }
}
