package dev.fashionmnist.report.html;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
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
 * @param noteText what the reader must know about where they come from; {@code null} when metrics.csv is the model's
 */
public record LearningHistory(List<EpochMetrics> metrics, Message noteText) {

    /** The note in English; {@code null} when metrics.csv is the model's. */
    public String note() {
        return noteText == null ? null : noteText.toString();
    }

    public static LearningHistory of(Path outputDirectory) throws IOException {
        Path file = outputDirectory.resolve("metrics.csv");
        List<EpochMetrics> csv = Files.isRegularFile(file) ? MetricsCsv.read(file) : List.of();
        return choose(ModelCard.readIfPresent(outputDirectory.resolve("model")),
                RunStatus.readIfPresent(outputDirectory), csv);
    }

    static LearningHistory choose(ModelCard card, RunStatus run, List<EpochMetrics> csv) {
        if (card == null) {
            return new LearningHistory(csv, run == null || run.isComplete() || csv.isEmpty() ? null
                    : Messages.of("train.history.noModel", run.describe()));
        }
        boolean sameRun = run == null ? card.runId() == null : Objects.equals(run.runId(), card.runId());
        if (sameRun) {
            return new LearningHistory(csv, null);
        }
        Message from = run == null ? Messages.of("train.history.noRunJson") : run.describe();
        Message model = card.runId() == null ? Messages.of("train.history.earlierRun")
                : Messages.of("train.history.run", card.runId().substring(0, Math.min(8, card.runId().length())));
        if (card.history() != null && !card.history().isEmpty()) {
            return new LearningHistory(card.history(), Messages.of("train.history.modelsOwn", from, model));
        }
        return new LearningHistory(csv, csv.isEmpty() ? null : Messages.of("train.history.otherRun", from, model));
    }
}
