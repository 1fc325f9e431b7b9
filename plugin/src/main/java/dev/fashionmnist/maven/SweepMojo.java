package dev.fashionmnist.maven;

import dev.fashionmnist.config.ParallelTrials;
import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.config.SweepPlan;
import dev.fashionmnist.config.TrainParameters;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.EngineChoice;
import dev.fashionmnist.fork.ForkMain;
import dev.fashionmnist.fork.ParallelSweep;
import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.SweepResults;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.report.html.LiveReport;
import dev.fashionmnist.report.plot.SweepPlots;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.train.SweepJob;
import dev.fashionmnist.train.TrainJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Trains every combination of the given parameter values, to see what quality depends on.
 * <p>
 * Not bound to a phase: call it on the command line. The grid comes from {@code sweep} (POM) or
 * {@code -Dfashionmnist.sweep}; every other training parameter of the {@code train} goal applies to all trials as
 * configured ({@code resume}, {@code attach}, {@code outputTimestamp} and the model cache do not apply to a sweep).
 * Each trial trains in a folder of its own under {@code sweep/} in {@code outputDirectory} ({@code metrics.csv},
 * model, plots, {@code report.html}), with the data loaded once. The goal writes {@code sweep.csv}, a row per trial
 * with the columns {@code trial} (numbered from 1, as in the log), {@code id} (its folder under {@code sweep/}, shared
 * by identical trials), one per varied parameter, then {@code final_test_accuracy}, {@code best_test_accuracy},
 * {@code test_loss}, {@code trainable_parameters}, {@code training_seconds} and {@code diagnosis}; the
 * plots {@code sweep-<parameter>.png} for each varied parameter, {@code sweep-heatmap.png} for two or more and
 * {@code sweep-curves.png}, and logs a summary. A varied parameter that changes no trial ({@code hiddenSize} when
 * every trial trains amelie-cnn) is refused before any work; trials that would train the same network alike are
 * trained once. Finished trials are skipped on a rerun (unless {@code force}); {@code shard} splits a sweep over the
 * jobs of a CI matrix, and {@code sweep-merge} combines their results; {@code parallelTrials} trains several trials
 * at a time.
 * <p>
 * Example: {@code mvn fashionmnist:sweep -Dfashionmnist.architecture=mlp -Dfashionmnist.sweep=hiddenSize=2,8,32,128}
 *
 * @since 0.1.0
 */
@Mojo(name = "sweep", threadSafe = true)
public class SweepMojo extends TrainMojo {

    /**
     * The grid in the POM: for each varied training parameter its values, comma-separated.
     * <p>
     * Each key is a parameter of the {@code train} goal that a sweep may vary: {@code architecture},
     * {@code hiddenSize}, {@code hiddenLayers}, {@code resnetBlocks}, {@code epochs}, {@code batchSize},
     * {@code optimizer}, {@code learningRate}, {@code momentum}, {@code nesterov}, {@code weightDecay},
     * {@code lrSchedule}, {@code trainSize}, {@code trainSubset}, {@code seed}, {@code earlyStoppingPatience},
     * {@code augment}, {@code targetAccuracy}, {@code evaluationsPerEpoch}, {@code labelSmoothing},
     * {@code weightAverage}. Another name, a parameter without values or a value given twice stops the goal, as does
     * a value the {@code train} goal would refuse. The first parameter changes slowest in the trials' order. Values
     * are split at every comma, so varied {@code hiddenLayers} are single layers. Default: none; {@code sweep} or
     * {@code sweepGrid} must name at least one parameter. Example:
     * {@code <sweep><hiddenSize>2,8,32,128</hiddenSize><trainSize>1000,10000</trainSize></sweep>}.
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> sweep;

    /**
     * The grid on the command line: {@code name=values} pairs separated by semicolons, the values comma-separated.
     * <p>
     * The names and values are those of {@code sweep}; a parameter given here and in the POM's {@code sweep} takes
     * the values given here. A pair without {@code =} stops the goal. Default: none. Example:
     * {@code -Dfashionmnist.sweep="hiddenSize=2,8,32;trainSize=1000,10000"} (quoted for the shell's sake).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.sweep")
    String sweepGrid;

    /**
     * This job's share of the sweep, as {@code i/n}: every n-th training, starting with the i-th.
     * <p>
     * So that the n jobs of a CI matrix split one sweep: job i of n runs {@code i/n}, counted from 1. Trials that
     * share one training stay in one job. Each job writes the usual outputs for its trials, and
     * {@code sweep-merge} combines the jobs' folders afterwards. Whole numbers with 1 ≤ i ≤ n; anything else
     * stops the goal. Default: {@code 1/1}, the whole sweep. Example: {@code -Dfashionmnist.shard=2/4}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.shard", defaultValue = "1/1")
    String shard;

    /**
     * How many trials train at the same time: a whole number from 1 (1: one after the other).
     * <p>
     * Each concurrent trial trains in a JVM of its own that loads the data itself (memory: one engine JVM per trial
     * at a time). Each free JVM takes the next trial in trial order; {@code sweep.csv}, the plots and the log stay in
     * trial order (the log shows a trial's lines once the trials before it are done, each line starting with its
     * trial). On a machine with N GPUs ({@code device} auto or gpu) the i-th concurrent trial trains on
     * {@code gpu:i}, so {@code parallelTrials=N} puts one trial on each GPU; with {@code device=gpu:K} they all share
     * that GPU. On the CPU the cores are split: each trial trains with cores / parallelTrials PyTorch threads (unless
     * {@code threads} is set), which pays for models too small to keep all cores busy. The same seeds give the same
     * metrics and parameters as a sequential sweep with that thread count (PyTorch's results depend on the thread
     * count in the last bits). From 1 to the number of trainings this sweep (or shard) runs; anything else stops the
     * goal. Default: {@code 1}. Example: {@code -Dfashionmnist.parallelTrials=2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.parallelTrials", defaultValue = "1")
    String parallelTrials;

    @Override
    void run(BuildLog log) throws MojoExecutionException {
        SweepGrid grid = SweepGrid.parse(sweep, sweepGrid);
        SweepGrid.Shard part = SweepGrid.Shard.parse(shard);
        TrainParameters base = parameters();
        int classes = datasetSpec().classCount();
        // a varied parameter that changes no trial is refused here, before any data is fetched
        SweepPlan plan = SweepPlan.of(grid, base);
        List<SweepGrid.Trial> trials = plan.trials().stream().filter(part::includes).toList();
        for (SweepGrid.Trial t : trials) {
            settings(base, t, 28, 28, classes); // every trial's parameters are checked before any work starts
        }
        ParallelTrials parallel = ParallelTrials.parse(parallelTrials,
                trials.stream().filter(SweepGrid.Trial::runs).count());
        EngineChoice engine = engineChoice();
        Path out = outputDirectory.toPath();
        checkWritable(out);
        DatasetFiles files = fetchDataset(log);
        LoadedDataset data = files.load();
        String varied = String.join(", ", grid.names());
        log.info(part.count() > 1 ? Messages.of("maven.sweep.startShard", varied, grid.trials().size(), part.index(),
                part.count(), trials.stream().filter(SweepGrid.Trial::runs).count())
                : Messages.of("maven.sweep.start", varied, grid.trials().size()));
        if (plan.identicalTrials() != null) {
            log.info(plan.identicalTrials());
        }
        ProgressOutput progress = progressOutput(log);
        List<TrainJob> toRun = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<SweepGrid.Trial> reported = new ArrayList<>();
        int fromOthers = 0;
        for (SweepGrid.Trial t : plan.trials()) {
            Path dir = SweepResults.trialDirectory(out, t);
            if (!part.includes(t)) {
                // another shard's trial, finished in this folder earlier: sweep.csv lists it too
                String fingerprint = fingerprintOrNull(base, t, data, files, engine, classes);
                if (fingerprint != null && SweepResults.finished(dir, fingerprint)) {
                    reported.add(t);
                    fromOthers++;
                }
                continue;
            }
            reported.add(t);
            if (!t.runs()) {
                continue; // the identical trial it shares a run (and folder) with comes earlier in this share
            }
            TrainSettings settings = settings(base, t, data.trainImages().rows(), data.trainImages().columns(),
                    classes);
            settings.imagesUsed(data.trainImages().count(), classes);
            String fingerprint = fingerprint(settings, files, engine);
            String label = t.number() + "/" + grid.trials().size() + " " + t.values();
            if (!force && SweepResults.finished(dir, fingerprint)) {
                log.info(Messages.of("maven.sweep.skipped", label));
                continue;
            }
            toRun.add(TrainJob.builder().settings(settings).datasetName(files.spec().name())
                    .classNames(files.spec().classNames()).dataFiles(files.paths()).dataSha256(files.sha256())
                    .testSize(testSize).outputDirectory(dir.toAbsolutePath()).gpuIndex(engine.gpuIndex())
                    .fingerprint(fingerprint).pluginVersion(plugin.getVersion()).interactive(progress.drawsBar())
                    .auto(engine.auto()).build());
            labels.add(label);
            tags.add(t.number() + "/" + grid.trials().size());
        }
        if (!toRun.isEmpty()) {
            log.info(engine.line());
            // one line for the whole sweep: the trials' live pages do not each announce themselves
            log.info(Messages.of("maven.sweep.liveReport", LiveReport.REFRESH_SECONDS,
                    toRun.get(0).outputDirectory().resolve(HtmlReport.FILE), out.resolve("sweep"),
                    out.resolve(HtmlReport.FILE)));
            if (parallel.concurrent() && toRun.size() > 1) {
                forkConcurrently(log, engine, parallel, toRun, labels, tags, out);
            } else {
                fork(log, engine, ForkMain.SWEEP, new SweepJob(toRun, labels), out.resolve(".sweep-job.json"),
                        progress);
            }
        }
        try {
            SweepResults.Results results = SweepResults.read(out, reported);
            SweepTable.write(grid.names(), results.rows(), out.resolve(SweepTable.FILE));
            SweepPlots.write(grid.names(), results.rows(), results.curves(), out, log.language());
            for (String line : SweepPlots.summary(grid.names(), results.rows(), log.language())) {
                log.info(line);
            }
            Path table = out.resolve(SweepTable.FILE);
            log.info(fromOthers > 0 ? Messages.of("maven.sweep.resultsOthers", table, reported.size(),
                    grid.trials().size(), fromOthers)
                    : Messages.of("maven.sweep.results", table, reported.size(), grid.trials().size()));
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.sweep.cannotWrite", out, e));
        }
    }

    /**
     * Trains {@code toRun} in concurrent engine JVMs, one per slot of {@code parallel}: each gets every trial, on its
     * slot's device, and its slot's PyTorch threads, and takes the next trial no other has claimed.
     */
    private void forkConcurrently(BuildLog log, EngineChoice engine, ParallelTrials parallel, List<TrainJob> toRun,
                                  List<String> labels, List<String> tags, Path out) throws MojoExecutionException {
        boolean pinned = device != null && device.trim().toLowerCase(Locale.ROOT).startsWith("gpu:");
        List<ParallelTrials.Slot> slots = parallel.slots(toRun.size(), engine.gpuIndex(), pinned,
                visibleGpus(System.getenv("CUDA_VISIBLE_DEVICES"), Path.of("/proc/driver/nvidia/gpus")),
                Runtime.getRuntime().availableProcessors(), threads);
        log.info(Messages.of("maven.sweep.parallel", slots.size(), String.join(", ", slots.stream()
                .map(s -> Messages.of("maven.sweep.slot", s.deviceName(), s.threads()).in(log.language()))
                .toList())));
        Path claims = out.resolve(".sweep-claims").toAbsolutePath();
        List<SweepJob> jobs = new ArrayList<>();
        List<Path> jobFiles = new ArrayList<>();
        List<Map<String, String>> properties = new ArrayList<>();
        for (ParallelTrials.Slot slot : slots) {
            jobs.add(new SweepJob(toRun.stream().map(t -> t.toBuilder().gpuIndex(slot.gpuIndex()).build()).toList(),
                    labels, claims));
            jobFiles.add(out.resolve(".sweep-job-" + (slot.index() + 1) + ".json"));
            // PyTorch reads its thread count once, when DJL starts the engine in that JVM; the inter-op threads
            // (ai.djl.pytorch.num_interop_threads) serve TorchScript's fork/wait, which eager training never uses
            properties.add(Map.of("ai.djl.pytorch.num_threads", String.valueOf(slot.threads())));
        }
        try {
            AtomicFiles.deleteTree(claims);
            Files.createDirectories(claims);
            fork(log, engine, ForkMain.SWEEP, jobs, jobFiles, properties,
                    requests -> ParallelSweep.run(requests, tags, claims, log, this::progressOutput));
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.sweep.cannotWrite", out, e));
        } finally {
            try {
                AtomicFiles.deleteTree(claims);
            } catch (IOException e) {
                log.debug("could not delete " + claims + ": " + e);
            }
        }
    }

    /**
     * How many GPUs the concurrent trials spread over: the entries of {@code CUDA_VISIBLE_DEVICES} where it is set,
     * else the driver's GPUs ({@code /proc/driver/nvidia/gpus} has a folder per GPU); at least 1.
     */
    static int visibleGpus(String cudaVisibleDevices, Path driverGpus) {
        if (cudaVisibleDevices != null && !cudaVisibleDevices.isBlank()) {
            return (int) Math.max(1, Stream.of(cudaVisibleDevices.split(",")).filter(d -> !d.isBlank()).count());
        }
        try (Stream<Path> gpus = Files.list(driverGpus)) {
            return (int) Math.max(1, gpus.count());
        } catch (IOException e) {
            return 1;
        }
    }

    /** The fingerprint of a trial this run does not train; null when its settings do not fit the data. */
    private String fingerprintOrNull(TrainParameters base, SweepGrid.Trial t, LoadedDataset data, DatasetFiles files,
                                     EngineChoice engine, int classes) {
        try {
            TrainSettings settings = settings(base, t, data.trainImages().rows(), data.trainImages().columns(),
                    classes);
            settings.imagesUsed(data.trainImages().count(), classes);
            return fingerprint(settings, files, engine);
        } catch (ConfigurationException e) {
            return null;
        }
    }

    private TrainSettings settings(TrainParameters base, SweepGrid.Trial trial, int rows, int columns, int classes) {
        return trial.applyTo(base).settings(rows, columns, classes, device, threads, false);
    }
}
