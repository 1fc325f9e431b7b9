package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.engine.EngineException;
import dev.fashionmnist.evaluate.EvaluateJob;
import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.evaluate.PredictJob;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device a run gets in the engine JVM, on a machine without a GPU (the tests' CPU natives): {@code device=auto}
 * that chose a GPU trains and evaluates on the CPU with a warning, and exactly as a CPU run does; a GPU named outright
 * stops before any training; the jobs carry {@code auto} to the fork.
 */
class TrainingDeviceTest {
    @TempDir
    Path out;

    private static TrainJob tiny(Path out) {
        return TrainingTest.job(out, "mlp", null, 300, 200, 1, false, 5);
    }

    @Test
    void autoThatChoseAGpuTrainsOnTheCpuAsACpuRunDoes() throws Exception {
        RecordingLog log = new RecordingLog();
        TrainJob auto = tiny(out.resolve("auto")).toBuilder().gpuIndex(0).auto(true).build();
        ModelCard card = new Training(auto, log, TrainingProgress.NONE).run(RealData.load());
        assertEquals("cpu", card.device());
        assertEquals(List.of("device=auto chose gpu:0, but PyTorch sees 0 GPU(s); so this run uses the CPU"),
                log.warnings);
        assertTrue(log.infos.stream().anyMatch(l -> l.startsWith("Training on ") && l.contains(", device cpu, ")),
                log.infos.toString());
        assertTrue(log.infos.stream().noneMatch(l -> l.startsWith("Device proof")), "nothing proved on the CPU");

        new Training(tiny(out.resolve("cpu")), new RecordingLog(), TrainingProgress.NONE).run(RealData.load());
        List<EpochMetrics> a = MetricsCsv.read(out.resolve("auto/metrics.csv"));
        List<EpochMetrics> b = MetricsCsv.read(out.resolve("cpu/metrics.csv"));
        assertEquals(b.get(0).trainLoss(), a.get(0).trainLoss(), 0.0);
        assertEquals(b.get(0).testLoss(), a.get(0).testLoss(), 0.0);

        RecordingLog evaluation = new RecordingLog();
        EvaluationResult onAuto = ModelEvaluator.evaluate(out.resolve("auto/model"), RealData.load(), 0, true,
                evaluation);
        EvaluationResult onCpu = ModelEvaluator.evaluate(out.resolve("auto/model"), RealData.load(), -1,
                new RecordingLog());
        assertEquals(List.of("device=auto chose gpu:0, but PyTorch sees 0 GPU(s); so this run uses the CPU"),
                evaluation.warnings);
        assertEquals(onCpu.loss(), onAuto.loss(), 0.0);
    }

    @Test
    void aGpuNamedOutrightStopsBeforeTraining() {
        TrainJob gpu = tiny(out).toBuilder().gpuIndex(0).build();
        EngineException e = assertThrows(EngineException.class,
                () -> new Training(gpu, new RecordingLog(), TrainingProgress.NONE).run(RealData.load()));
        assertTrue(e.getMessage().startsWith("Parameter 'device' is gpu:0, but PyTorch sees 0 GPU(s)"),
                e.getMessage());
        assertFalse(Files.exists(out.resolve("metrics.csv")));
        assertFalse(Files.exists(out.resolve("model")));
    }

    @Test
    void theJobsCarryAutoToTheFork() throws Exception {
        TrainJob train = tiny(out).toBuilder().gpuIndex(0).auto(true).build();
        assertTrue(Json.read(Json.write(train), TrainJob.class).auto());
        assertTrue(train.toBuilder().build().auto(), "a copy keeps it");
        assertFalse(Json.read(Json.write(tiny(out)), TrainJob.class).auto());
        EvaluateJob evaluate = new EvaluateJob(out, "fashion-mnist", List.of(), Map.of(), Map.of(), 0, true,
                out.resolve("r.json"));
        assertTrue(Json.read(Json.write(evaluate), EvaluateJob.class).auto());
        PredictJob predict = new PredictJob(out, List.of(), 0, true, out.resolve("r.json"));
        assertTrue(Json.read(Json.write(predict), PredictJob.class).auto());
        SweepJob sweep = new SweepJob(List.of(train), List.of("a"));
        assertTrue(Json.read(Json.write(sweep), SweepJob.class).trials().get(0).auto());
    }
}
