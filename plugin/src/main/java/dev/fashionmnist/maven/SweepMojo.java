package dev.fashionmnist.maven;

import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.EngineChoice;
import dev.fashionmnist.engine.ForkMain;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.BuildLog;
import dev.fashionmnist.report.EvaluationReports;
import dev.fashionmnist.report.MetricsCsv;
import dev.fashionmnist.report.SweepPlots;
import dev.fashionmnist.report.SweepTable;
import dev.fashionmnist.train.EpochMetrics;
import dev.fashionmnist.train.Fingerprint;
import dev.fashionmnist.train.SweepGrid;
import dev.fashionmnist.train.SweepJob;
import dev.fashionmnist.train.TrainJob;
import dev.fashionmnist.train.TrainParameters;
import dev.fashionmnist.train.TrainSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * "What does quality depend on?": trains and evaluates every combination of the given parameter values, each in
 * its own folder under {@code sweep/}, with the data loaded once; writes sweep.csv, the sweep plots and a summary.
 * Finished trials are skipped on a rerun; {@code shard=i/n} runs every n-th trial for a CI matrix.
 */
@Mojo(name = "sweep", threadSafe = true)
public class SweepMojo extends TrainMojo {

    /** The grid: training parameter → comma-separated values, e.g. {@code <hiddenSize>2,8,32,128</hiddenSize>}. */
    @Parameter
    Map<String, String> sweep;

    /** The grid on the command line: {@code hiddenSize=2,8,32;trainSize=1000,10000}; wins over the POM's. */
    @Parameter(property = "fashionmnist.sweep")
    String sweepGrid;

    /** i/n: run only every n-th trial starting with the i-th, so that n CI jobs split one sweep. */
    @Parameter(property = "fashionmnist.shard")
    String shard;

    @Override
    void run(BuildLog log) throws MojoExecutionException {
        SweepGrid grid = SweepGrid.parse(sweep, sweepGrid);
        SweepGrid.Shard part = SweepGrid.Shard.parse(shard);
        TrainParameters base = parameters();
        int classes = datasetSpec().classCount();
        List<SweepGrid.Trial> trials = grid.trials().stream().filter(part::includes).toList();
        for (SweepGrid.Trial t : trials) {
            settings(base, t, 28, 28, classes); // every trial's parameters are checked before any work starts
        }
        EngineChoice engine = engineChoice();
        Path out = outputDirectory.toPath();
        checkWritable(out);
        DatasetFiles files = fetchDataset(log);
        LoadedDataset data = files.load();
        log.info("Sweep over " + String.join(", ", grid.names()) + ": " + grid.trials().size() + " trials"
                + (part.count() > 1 ? ", shard " + part.index() + "/" + part.count() + " runs " + trials.size() : ""));
        List<TrainJob> toRun = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SweepGrid.Trial t : trials) {
            TrainSettings settings = settings(base, t, data.trainImages().rows(), data.trainImages().columns(),
                    classes);
            settings.imagesUsed(data.trainImages().count(), classes);
            String fingerprint = Fingerprint.of(settings, files.spec().name(), files.sha256(), testSize,
                    engine.gpu() ? "gpu" : "cpu", plugin.getVersion());
            Path dir = trialDirectory(out, t);
            String label = (t.index() + 1) + "/" + grid.trials().size() + " " + t.values();
            if (!force && upToDate(dir.resolve("model"), fingerprint)
                    && Files.isRegularFile(dir.resolve(EvaluationReports.EVALUATION))) {
                log.info("Trial " + label + ": finished earlier, skipped");
                continue;
            }
            toRun.add(new TrainJob(settings, files.spec().name(), files.spec().classNames(), files.paths(),
                    files.sha256(), testSize, dir.toAbsolutePath(), engine.gpuIndex(), fingerprint,
                    plugin.getVersion(), interactive()));
            labels.add(label);
        }
        if (!toRun.isEmpty()) {
            log.info("Engine: " + engine.deviceName() + " because " + engine.reason());
            fork(log, engine, ForkMain.SWEEP, new SweepJob(toRun, labels), out.resolve(".sweep-job.json"),
                    new ProgressBar());
        }
        try {
            List<SweepTable.Row> rows = new ArrayList<>();
            Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
            for (SweepGrid.Trial t : trials) {
                Path dir = trialDirectory(out, t);
                rows.add(SweepTable.fromTrial(t.index(), t.id(), t.values(), dir));
                curves.put(t.id(), MetricsCsv.read(dir.resolve("metrics.csv")));
            }
            SweepTable.write(grid.names(), rows, out.resolve(SweepTable.FILE));
            SweepPlots.write(grid.names(), rows, curves, out);
            for (String line : SweepPlots.summary(grid.names(), rows)) {
                log.info(line);
            }
            log.info("Sweep results: " + out.resolve(SweepTable.FILE));
        } catch (IOException e) {
            throw new ModelException("Cannot write the sweep results into " + out + ": " + e.getMessage());
        }
    }

    static Path trialDirectory(Path out, SweepGrid.Trial trial) {
        return out.resolve("sweep").resolve(trial.id());
    }

    private TrainSettings settings(TrainParameters base, SweepGrid.Trial trial, int rows, int columns, int classes) {
        TrainParameters p = base;
        for (Map.Entry<String, String> e : trial.values().entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return p.settings(rows, columns, classes, device, threads, false);
    }
}
