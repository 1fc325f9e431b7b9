package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.config.SweepPlan;
import dev.fashionmnist.config.TrainParameters;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.report.SweepResults;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.report.html.ReportContent;
import dev.fashionmnist.report.plot.SweepPlots;
import dev.fashionmnist.report.plot.TrialCurves;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.PlotPixels;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.testing.TinyTrainings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tiny sweep (300 images, 1 epoch, the real natives) over architecture=mlp,amelie-cnn x hiddenSize=8,32: the
 * two amelie-cnn trials are one training, so three run, and sweep.csv, the plots and the report still show the whole
 * grid, the shared trial with the result of its run.
 */
class SweepJobTest {
    @TempDir
    Path out;

    private static TrainParameters base() {
        return TinyTrainings.mlp(128, 300, 1);
    }

    @Test
    void identicalTrialsTrainOnceAndTheOutputsShowTheWholeGrid() throws Exception {
        SweepGrid grid = SweepGrid.parse(null, "architecture=mlp,amelie-cnn;hiddenSize=8,32");
        SweepPlan plan = SweepPlan.of(grid, base());
        DatasetFiles files = RealData.files();
        List<TrainJob> jobs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SweepGrid.Trial t : plan.trials()) {
            if (t.runs()) {
                TrainSettings settings = t.applyTo(base()).settings(28, 28, 10, "cpu", 0, false);
                jobs.add(TrainJob.builder().settings(settings).datasetName("fashion-mnist")
                        .classNames(files.spec().classNames()).dataFiles(files.paths()).dataSha256(files.sha256())
                        .testSize(200).outputDirectory(SweepResults.trialDirectory(out, t)).fingerprint(t.id())
                        .pluginVersion("test").build());
                labels.add(t.number() + "/4 " + t.values());
            }
        }
        assertEquals(3, jobs.size(), "the second amelie-cnn trial shares the first one's run");

        RecordingLog log = new RecordingLog();
        new SweepJob(jobs, labels).run(RealData.load(), log, job -> TrainingProgress.NONE, new Cancellation());
        assertEquals(3, log.infos.stream().filter(l -> l.startsWith("Trial ")).count(), "three trainings");
        assertFalse(log.infos.stream().anyMatch(l -> l.contains("reloads itself")),
                "the trials' live pages are announced once by the sweep, not each: " + log.infos);
        try (Stream<Path> folders = Files.list(out.resolve("sweep"))) {
            assertEquals(List.of("architecture-ameliecnn", "architecture-mlp_hiddenSize-32",
                    "architecture-mlp_hiddenSize-8"), folders.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.isRegularFile(out.resolve("sweep/architecture-ameliecnn/report.html")),
                "each trial still has its page");

        SweepResults.Results results = SweepResults.read(out, plan.trials());
        Path csv = out.resolve(SweepTable.FILE);
        SweepTable.write(grid.names(), results.rows(), csv);
        SweepPlots.write(grid.names(), results.rows(), results.curves(), out, Language.ENGLISH);

        List<SweepTable.Row> rows = SweepTable.read(csv);
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(SweepTable.Row::trial).toList(), "the whole grid");
        assertEquals(List.of("architecture-mlp_hiddenSize-8", "architecture-mlp_hiddenSize-32",
                "architecture-ameliecnn", "architecture-ameliecnn"), rows.stream().map(SweepTable.Row::id).toList());
        assertEquals(Map.of("architecture", "amelie-cnn", "hiddenSize", "32"), rows.get(3).values());
        assertEquals(rows.get(2).toBuilder().trial(4).values(rows.get(3).values()).build(), rows.get(3),
                "trial 4 shows the result of the run it shares with trial 3");
        assertNotEquals(rows.get(0).trainableParameters(), rows.get(1).trainableParameters(),
                "hiddenSize changes the mlp");
        assertTrue(Files.readAllLines(csv).get(4).startsWith("4,architecture-ameliecnn,amelie-cnn,32,"));

        for (String plot : List.of(SweepPlots.HEATMAP, SweepPlots.parameterPlot("architecture"),
                SweepPlots.parameterPlot("hiddenSize"), SweepPlots.CURVES)) {
            assertTrue(Files.size(out.resolve(plot)) > 1000, plot);
        }
        XYZDataset cells = (XYZDataset) SweepPlots.heatmapChart(grid.names(), rows, Language.ENGLISH).getXYPlot()
                .getDataset();
        assertEquals(4, cells.getItemCount(0));
        for (int i = 0; i < 4; i++) {
            assertFalse(Double.isNaN(cells.getZValue(0, i)), "heat map cell " + i + " is filled");
        }
        BufferedImage curves = PlotPixels.read(out.resolve(SweepPlots.CURVES));
        assertEquals(3 * TrialCurves.PANEL_WIDTH, curves.getWidth(), "one panel per run");
        assertEquals(TrialCurves.HEADER + TrialCurves.PANEL_HEIGHT, curves.getHeight());

        String page = HtmlReport.body(ReportContent.collect(out, Language.ENGLISH));
        assertTrue(page.contains("<td>4 (same run as 3)</td>"), "the report says whose run trial 4 shows");
        assertTrue(page.contains("<td>3</td>"));
    }
}
