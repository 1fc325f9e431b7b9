package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.ParallelTrials;
import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.config.SweepPlan;
import dev.fashionmnist.config.TrainParameters;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.report.SweepResults;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.testing.TinyTrainings;
import dev.fashionmnist.train.SweepJob;
import dev.fashionmnist.train.TrainJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * parallelTrials=2 against a sequential sweep with real engine JVMs: a tiny mlp sweep (300 images, 1 epoch, 4 trials)
 * gives the same metrics (all but the timing columns), evaluations and model parameters either way, and the log of
 * the concurrent trials reads in trial order, each line naming its trial. Both run with one PyTorch thread per trial,
 * what parallelTrials=2 gives each trial on 2 cores (the results depend on the thread count in the last bits).
 */
public class ParallelSweepTest {
    @TempDir
    Path tmp;

    /** The sweep's parameters: a small mlp on 300 images for 1 epoch. */
    static TrainParameters base() {
        return base(300, 1);
    }

    /** A small mlp's parameters, on {@code trainSize} images for {@code epochs} epochs. */
    public static TrainParameters base(int trainSize, int epochs) {
        return TinyTrainings.mlp(32, trainSize, epochs);
    }

    /** The grid's trials as jobs writing under {@code out}, as SweepMojo makes them. */
    public static List<TrainJob> jobs(SweepPlan plan, TrainParameters base, Path out, int testSize) {
        DatasetFiles files = RealData.files();
        List<TrainJob> jobs = new ArrayList<>();
        for (SweepGrid.Trial t : plan.trials()) {
            jobs.add(TrainJob.builder().settings(t.applyTo(base).settings(28, 28, 10, "cpu", 0, false))
                    .datasetName("fashion-mnist").classNames(files.spec().classNames()).dataFiles(files.paths())
                    .dataSha256(files.sha256()).testSize(testSize)
                    .outputDirectory(SweepResults.trialDirectory(out, t).toAbsolutePath()).fingerprint(t.id())
                    .pluginVersion("test").build());
        }
        return jobs;
    }

    /**
     * A request for an engine JVM on this test's class path that runs {@code job} with {@code threads} threads (0:
     * PyTorch's default).
     */
    public static ForkLauncher.Request request(Path jobFile, SweepJob job, int threads) throws IOException {
        Json.writeFile(jobFile, job);
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ai.djl.offline", "true");
        props.put("java.awt.headless", "true");
        props.put("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (threads > 0) {
            props.put("ai.djl.pytorch.num_threads", String.valueOf(threads));
        }
        return new ForkLauncher.Request(classpath, EngineJvm.arguments(job, List.of()), props,
                ForkMain.class.getName(), List.of(ForkMain.SWEEP, jobFile.toString()));
    }

    /** Runs the sweep's trials in {@code out}: one JVM after another for 1, else concurrent slots. */
    static void sweep(SweepPlan plan, Path out, int parallelTrials, RecordingLog log) throws IOException {
        List<TrainJob> jobs = jobs(plan, base(), out, 200);
        List<String> labels = plan.trials().stream().map(t -> t.number() + "/" + plan.trials().size() + " "
                + t.values()).toList();
        if (parallelTrials == 1) {
            ForkLauncher.run(request(out.resolve("job.json"), new SweepJob(jobs, labels), 1), log,
                    ForkLauncher.Progress.NONE);
            return;
        }
        Path claims = out.resolve(".sweep-claims");
        Files.createDirectories(claims);
        List<ForkLauncher.Request> requests = new ArrayList<>();
        for (ParallelTrials.Slot slot : new ParallelTrials(parallelTrials).slots(jobs.size(), -1, false, 1, 2, 0)) {
            requests.add(request(out.resolve("job-" + slot.index() + ".json"), new SweepJob(jobs, labels, claims),
                    slot.threads()));
        }
        ParallelSweep.run(requests, plan.trials().stream().map(t -> t.number() + "/" + plan.trials().size())
                .toList(), claims, log, l -> ForkLauncher.Progress.NONE);
    }

    /** The rows of a CSV file without the named columns. */
    private static List<String> withoutColumns(Path csv, String... columns) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<Integer> keep = IntStream.range(0, header.size()).filter(i -> !List.of(columns).contains(header.get(i)))
                .boxed().toList();
        return lines.stream().map(l -> l.split(",", -1))
                .map(f -> keep.stream().map(i -> f[i]).collect(Collectors.joining(","))).toList();
    }

    @Test
    void twoAtATimeGiveTheSameResultsAsOneAfterAnother() throws Exception {
        SweepGrid grid = SweepGrid.parse(null, "hiddenSize=8,32;learningRate=0.001,0.01");
        SweepPlan plan = SweepPlan.of(grid, base());
        Path sequential = tmp.resolve("sequential");
        Path parallel = tmp.resolve("parallel");
        RecordingLog sequentialLog = new RecordingLog();
        RecordingLog parallelLog = new RecordingLog();
        sweep(plan, sequential, 1, sequentialLog);
        sweep(plan, parallel, 2, parallelLog);

        for (SweepGrid.Trial t : plan.trials()) {
            Path one = SweepResults.trialDirectory(sequential, t);
            Path two = SweepResults.trialDirectory(parallel, t);
            assertEquals(withoutColumns(one.resolve("metrics.csv"), "epoch_seconds", "train_images_per_second"),
                    withoutColumns(two.resolve("metrics.csv"), "epoch_seconds", "train_images_per_second"),
                    "trial " + t.number() + ": the same metrics");
            assertArrayEquals(Files.readAllBytes(one.resolve("model/fashionmnist-0000.params")),
                    Files.readAllBytes(two.resolve("model/fashionmnist-0000.params")),
                    "trial " + t.number() + ": the same model parameters, bit for bit");
            try (Stream<Path> csvs = Files.list(one)) {
                for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv") && !p.endsWith("metrics.csv"))
                        .toList()) {
                    assertEquals(Files.readString(csv), Files.readString(two.resolve(csv.getFileName())),
                            "trial " + t.number() + ": the same " + csv.getFileName());
                }
            }
        }
        for (Path out : List.of(sequential, parallel)) {
            SweepTable.write(grid.names(), SweepResults.read(out, plan.trials()).rows(), out.resolve(SweepTable.FILE));
        }
        assertEquals(withoutColumns(sequential.resolve(SweepTable.FILE), "training_seconds"),
                withoutColumns(parallel.resolve(SweepTable.FILE), "training_seconds"), "the same sweep.csv");

        List<String> trialLines = parallelLog.infos.stream().filter(l -> l.contains("] Trial ")).toList();
        assertEquals(4, trialLines.size(), "each trial trained once: " + parallelLog.infos);
        for (int i = 0; i < 4; i++) {
            assertTrue(trialLines.get(i).startsWith("[trial " + (i + 1) + "/4] Trial " + (i + 1) + "/4 "),
                    "in trial order: " + trialLines);
        }
        List<String> trained = parallelLog.infos.stream()
                .dropWhile(l -> !l.startsWith("[trial 1/4] ")).filter(l -> !l.startsWith("Peak memory")).toList();
        assertEquals(trained.stream().sorted((x, y) -> x.substring(0, 12).compareTo(y.substring(0, 12))).toList(),
                trained, "each trial's lines together, in trial order: " + parallelLog.infos);
        assertEquals(sequentialLog.infos.stream().filter(l -> l.startsWith("epoch ")).count(),
                parallelLog.infos.stream().filter(l -> l.matches("\\[trial \\d/4] epoch .*")).count(),
                "the same epoch lines, each naming its trial");
    }
}
