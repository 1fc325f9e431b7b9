package dev.fashionmnist.maven;

import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.config.SweepPlan;
import dev.fashionmnist.config.TrainParameters;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.EngineChoice;
import dev.fashionmnist.fork.ForkMain;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * "What does quality depend on?": trains and evaluates every combination of the given parameter values, each in
 * its own folder under {@code sweep/}, with the data loaded once; writes sweep.csv, the sweep plots and a summary.
 * A varied parameter that changes no trial is refused, identical trials are trained once ({@link SweepPlan}).
 * Finished trials are skipped on a rerun; {@code shard=i/n} runs every n-th training for a CI matrix.
 */
@Mojo(name = "sweep", threadSafe = true)
public class SweepMojo extends TrainMojo {

    /** The grid: training parameter → comma-separated values, e.g. {@code <hiddenSize>2,8,32,128</hiddenSize>}. */
    @Parameter
    Map<String, String> sweep;

    /** The grid on the command line: {@code hiddenSize=2,8,32;trainSize=1000,10000}; wins over the POM's. */
    @Parameter(property = "fashionmnist.sweep")
    String sweepGrid;

    /**
     * i/n: run only every n-th training starting with the i-th, so that n CI jobs split one sweep (identical trials,
     * which share one training, stay in one job).
     */
    @Parameter(property = "fashionmnist.shard")
    String shard;

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
        }
        if (!toRun.isEmpty()) {
            log.info(engine.line());
            // one line for the whole sweep: the trials' live pages do not each announce themselves
            log.info(Messages.of("maven.sweep.liveReport", LiveReport.REFRESH_SECONDS,
                    toRun.get(0).outputDirectory().resolve(HtmlReport.FILE), out.resolve("sweep"),
                    out.resolve(HtmlReport.FILE)));
            fork(log, engine, ForkMain.SWEEP, new SweepJob(toRun, labels), out.resolve(".sweep-job.json"),
                    progress);
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
