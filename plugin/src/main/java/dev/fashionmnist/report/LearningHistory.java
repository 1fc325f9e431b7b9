package dev.fashionmnist.report;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.train.EpochMetrics;
import dev.fashionmnist.train.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The per-epoch metrics a report draws, and whose they are. metrics.csv belongs to the last training run
 * (run.json); the model belongs to the last run that finished. When they differ (a run failed, was killed or is
 * still going), the report draws the model's own history from model.json and says which run metrics.csv is from.
 *
 * @param metrics the rows to draw
 * @param note    what the reader must know about where they come from; {@code null} when metrics.csv is the model's
 */
public record LearningHistory(List<EpochMetrics> metrics, String note) {

    public static LearningHistory of(Path outputDirectory) throws IOException {
        Path file = outputDirectory.resolve("metrics.csv");
        List<EpochMetrics> csv = Files.isRegularFile(file) ? MetricsCsv.read(file) : List.of();
        return choose(ModelCard.readIfPresent(outputDirectory.resolve("model")),
                RunStatus.readIfPresent(outputDirectory), csv);
    }

    static LearningHistory choose(ModelCard card, RunStatus run, List<EpochMetrics> csv) {
        if (card == null) {
            return new LearningHistory(csv, run == null || run.isComplete() || csv.isEmpty() ? null
                    : "There is no model: metrics.csv is from " + run.describe() + ".");
        }
        boolean sameRun = run == null ? card.runId() == null : Objects.equals(run.runId(), card.runId());
        if (sameRun) {
            return new LearningHistory(csv, null);
        }
        String from = run == null ? "a run that left no run.json" : run.describe();
        String model = card.runId() == null ? "an earlier run"
                : "run " + card.runId().substring(0, Math.min(8, card.runId().length()));
        String whose = "metrics.csv is not from the model: it is from " + from + "; the model is from " + model;
        if (card.history() != null && !card.history().isEmpty()) {
            return new LearningHistory(card.history(), whose + ". The curves and the table show the model's own "
                    + "history from model.json.");
        }
        return new LearningHistory(csv, csv.isEmpty() ? null : whose + ", whose model.json holds no history: the "
                + "curves and the table show that other run, not the model.");
    }
}
