package dev.fashionmnist.bench;

import dev.fashionmnist.config.ParallelTrials;
import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.config.SweepPlan;
import dev.fashionmnist.config.TrainParameters;
import dev.fashionmnist.fork.ForkLauncher;
import dev.fashionmnist.fork.ParallelSweep;
import dev.fashionmnist.fork.ParallelSweepTest;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.train.SweepJob;
import dev.fashionmnist.train.TrainJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials per hour of a sweep of small mlp trials, one after another (one engine JVM with PyTorch's default threads,
 * what {@code parallelTrials=1} does), one after another with one thread ({@code threads=1}: what each concurrent
 * trial gets on 2 cores, to tell the gain of running two at a time from that of the thread count) and
 * {@code parallelTrials=2} (two engine JVMs, the cores split between them), printed, never asserted (not part of
 * the test run: surefire only picks *Test classes; run it with
 * {@code mvn -o -B test -pl plugin -Dinvoker.skip -Dtest=ParallelTrialsBenchmark}). Each run is the whole sweep as
 * the goal runs it, engine JVM starts and data loading included; the variants take turns, each first in one round,
 * and the medians count, as other work on the machine changes between runs. The load average before and after says
 * how busy the machine was.
 */
class ParallelTrialsBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String GRID = System.getProperty("bench.grid",
            "hiddenSize=32,64,128;learningRate=0.001,0.01");
    private static final int TRAIN_SIZE = Integer.getInteger("bench.trainSize", 12000);
    private static final int EPOCHS = Integer.getInteger("bench.epochs", 2);

    @TempDir
    Path tmp;

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A way to run the sweep: {@code parallelTrials}, and the threads of a sequential one (0: PyTorch's default). */
    private record Variant(String name, int parallelTrials, int threads) {
    }

    /** Seconds for the whole sweep in {@code out}, trained {@code parallelTrials} at a time. */
    private static double sweep(SweepPlan plan, TrainParameters base, Path out, int parallelTrials, int threads)
            throws IOException {
        List<TrainJob> jobs = ParallelSweepTest.jobs(plan, base, out, 1000);
        List<String> labels = plan.trials().stream().map(t -> t.number() + "/" + plan.trials().size()).toList();
        RecordingLog log = new RecordingLog();
        long start = System.nanoTime();
        if (parallelTrials == 1) {
            ForkLauncher.run(ParallelSweepTest.request(out.resolve("job.json"), new SweepJob(jobs, labels), threads),
                    log, ForkLauncher.Progress.NONE);
        } else {
            Path claims = out.resolve(".sweep-claims");
            Files.createDirectories(claims);
            List<ForkLauncher.Request> requests = new ArrayList<>();
            int cores = Runtime.getRuntime().availableProcessors();
            for (ParallelTrials.Slot slot : new ParallelTrials(parallelTrials).slots(jobs.size(), -1, false, 1, cores,
                    0)) {
                requests.add(ParallelSweepTest.request(out.resolve("job-" + slot.index() + ".json"),
                        new SweepJob(jobs, labels, claims), slot.threads()));
            }
            ParallelSweep.run(requests, labels, claims, log, l -> ForkLauncher.Progress.NONE);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.infos.stream().filter(l -> l.contains("Peak memory")).forEach(l -> System.out.println("BENCHMARK   " + l));
        return seconds;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Test
    void trialsPerHour() throws Exception {
        SweepPlan plan = SweepPlan.of(SweepGrid.parse(null, GRID), ParallelSweepTest.base(TRAIN_SIZE, EPOCHS));
        TrainParameters base = ParallelSweepTest.base(TRAIN_SIZE, EPOCHS);
        int trials = plan.trials().size();
        System.out.printf(Locale.ROOT, "BENCHMARK parallelTrials: %d mlp trials (%s), %d images, %d epoch(s), %d cores,"
                + " %d rounds; load average before: %s%n", trials, GRID, TRAIN_SIZE, EPOCHS,
                Runtime.getRuntime().availableProcessors(), ROUNDS, load());
        // the OS's file cache holds the jars and data for all runs
        sweep(plan, base, tmp.resolve("warm-up"), 1, 0);
        List<Variant> variants = List.of(new Variant("parallelTrials=1", 1, 0),
                new Variant("parallelTrials=1 threads=1", 1, 1), new Variant("parallelTrials=2", 2, 0));
        Map<Variant, List<Double>> seconds = new LinkedHashMap<>();
        variants.forEach(v -> seconds.put(v, new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get((i + round) % variants.size()); // each variant first in turn
                double s = sweep(plan, base, tmp.resolve("round" + round + "-" + i), v.parallelTrials(), v.threads());
                seconds.get(v).add(s);
                System.out.printf(Locale.ROOT, "BENCHMARK round %d %-26s %6.1f s (load %s)%n", round + 1, v.name(), s,
                        load());
            }
        }
        for (Variant v : variants) {
            double median = median(seconds.get(v));
            System.out.printf(Locale.ROOT, "BENCHMARK %-26s median %6.1f s  %7.0f trials/hour  (runs %s)%n", v.name(),
                    median, trials * 3600 / median, Arrays.toString(seconds.get(v).stream()
                            .map(s -> Math.round(s * 10) / 10.0).toArray()));
        }
        double concurrent = median(seconds.get(variants.get(2)));
        System.out.printf(Locale.ROOT, "BENCHMARK speed-up of parallelTrials=2: %.2fx over parallelTrials=1, %.2fx over"
                + " parallelTrials=1 threads=1; load average after: %s%n", median(seconds.get(variants.get(0)))
                / concurrent, median(seconds.get(variants.get(1))) / concurrent, load());
    }
}
