package dev.fashionmnist.report;

import dev.fashionmnist.config.SweepGrid;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.results.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's output folder: each trial in its own folder under {@code sweep/}, whether a folder holds a finished trial
 * (trained with the same inputs and evaluated), and the results of the trials found there, for sweep.csv and plots.
 */
public final class SweepResults {
    private SweepResults() {
    }

    /** The rows of sweep.csv and the learning curves by trial id, both in trial order. */
    public record Results(List<SweepTable.Row> rows, Map<String, List<EpochMetrics>> curves) {
    }

    /** The folder of {@code trial} under the output folder {@code out}, e.g. {@code sweep/hiddenSize-8/}. */
    public static Path trialDirectory(Path out, SweepGrid.Trial trial) {
        return out.resolve("sweep").resolve(trial.id());
    }

    /**
     * Whether {@code trialDirectory} holds a finished trial: a model whose {@code model.json} has this fingerprint
     * (the same settings, data, device and plugin), its parameters file, and its evaluation.
     */
    public static boolean finished(Path trialDirectory, String fingerprint) {
        return ModelCard.upToDate(trialDirectory.resolve("model"), fingerprint)
                && Files.isRegularFile(trialDirectory.resolve(EvaluationReports.EVALUATION));
    }

    /** The results of {@code trials} (in grid order), read from their folders under {@code out}. */
    public static Results read(Path out, List<SweepGrid.Trial> trials) throws IOException {
        List<SweepTable.Row> rows = new ArrayList<>();
        Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
        for (SweepGrid.Trial t : trials) {
            Path dir = trialDirectory(out, t);
            rows.add(SweepTable.fromTrial(t.number(), t.id(), t.values(), dir));
            curves.put(t.id(), MetricsCsv.read(dir.resolve("metrics.csv")));
        }
        return new Results(rows, curves);
    }
}
