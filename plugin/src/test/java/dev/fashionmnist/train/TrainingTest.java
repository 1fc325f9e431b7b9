package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelSpec;
import dev.fashionmnist.report.BuildLog;
import dev.fashionmnist.report.MetricsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    @TempDir
    Path out;

    static TrainJob job(Path out, String arch, String blocks, int trainSize, int testSize, int epochs,
                        boolean resume, long seed) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of(arch, 128, null, blocks, 28, 28, 10);
        TrainSettings s = new TrainSettings(spec, epochs, 64, OptimizerKind.ADAM, 0.001, 0.9, false, 0,
                LrSchedule.CONSTANT, trainSize, true, seed, "cpu", 0, resume);
        return new TrainJob(s, "fashion-mnist", files.spec().classNames(), files.paths(), files.sha256(), testSize,
                out, -1, "test-fingerprint", "test", false);
    }

    @Test
    void mlpBeatsChanceAfterOneEpochOnASmallSubset() throws Exception {
        ModelCard card = new Training(job(out, "mlp", null, 2000, 2000, 1, false, 42), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        assertTrue(card.finalMetrics().testAccuracy() > 0.5, "accuracy " + card.finalMetrics().testAccuracy());
        assertEquals(101_770, card.trainableParameters());
        List<EpochMetrics> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(1, rows.size());
        assertTrue(Files.isRegularFile(out.resolve("model/fashionmnist-0000.params")));
        assertTrue(Files.isRegularFile(out.resolve("model/model.json")));
    }
}
