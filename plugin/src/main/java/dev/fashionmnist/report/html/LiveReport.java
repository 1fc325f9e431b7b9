package dev.fashionmnist.report.html;

import static dev.fashionmnist.text.Html.escape;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html} while {@code train} runs: written when the run starts and after every epoch, with the learning
 * curves so far, the current epoch and the progress, and a refresh every {@value #REFRESH_SECONDS} s so that an open
 * browser follows the training; when the run ends (complete or failed) the page is final and no longer refreshes.
 * Every version replaces the last in one rename. The page is worded in the {@link Language} each method is given.
 */
public final class LiveReport {
    public static final int REFRESH_SECONDS = 10;
    /** What the page's head holds while the run goes on, and only then. */
    public static final String REFRESH = "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">";
    /**
     * What adds the evaluation to the page of a complete run: evaluate writes the page itself, also when a gate fails
     * (a report goal after it would not run then).
     */
    public static final String EVALUATE_COMMAND = "mvn fashionmnist:evaluate";

    private LiveReport() {
    }

    /**
     * The page before the first epoch of {@code run} ({@code history}: the epochs it continues; {@code setup}: what the
     * diagnosis knows of the run); logs where it is.
     */
    public static void start(Path outputDirectory, RunStatus run, List<EpochMetrics> history, RunSetup setup,
                             BuildLog log, Language language) throws IOException {
        Path file = start(outputDirectory, run, history, setup, language);
        log.info(Messages.of("report.live.started", REFRESH_SECONDS, file));
    }

    /**
     * The page before the first epoch of {@code run}, without a log line (a sweep announces its trials' pages once);
     * returns where it is.
     */
    public static Path start(Path outputDirectory, RunStatus run, List<EpochMetrics> history, RunSetup setup,
                             Language language) throws IOException {
        Map<String, byte[]> curves = history.isEmpty() ? Map.of() : LearningCurves.write(history, outputDirectory,
                language);
        return write(outputDirectory, run, null, history, setup, curves, language);
    }

    /**
     * The learning curves and the page after an epoch of {@code run}; {@code history} holds every epoch so far,
     * {@code setup} is what the diagnosis knows of the run.
     */
    public static void epochDone(Path outputDirectory, RunStatus run, List<EpochMetrics> history, RunSetup setup,
                                 Language language) throws IOException {
        write(outputDirectory, run, null, history, setup, LearningCurves.write(history, outputDirectory, language),
                language);
    }

    /**
     * The final page of a run that {@code ended} (complete, with its model's {@code card}, or failed, with none): the
     * epochs in metrics.csv, diagnosed with what {@code setup} says of the run, no refresh.
     */
    public static void finish(Path outputDirectory, RunStatus ended, ModelCard card, RunSetup setup,
                              Language language) throws IOException {
        Path csv = outputDirectory.resolve("metrics.csv");
        List<EpochMetrics> history = Files.isRegularFile(csv) ? MetricsCsv.read(csv) : List.of();
        // the curves the last epoch drew
        Map<String, byte[]> curves = new LinkedHashMap<>();
        if (!history.isEmpty()) {
            for (String name : List.of(LearningCurves.ACCURACY, LearningCurves.LOSS)) {
                ReportContent.addImage(curves, outputDirectory, name);
            }
        }
        write(outputDirectory, ended, card, history, setup, curves, language);
    }

    private static Path write(Path dir, RunStatus run, ModelCard card, List<EpochMetrics> history, RunSetup setup,
                              Map<String, byte[]> images, Language language) throws IOException {
        boolean running = RunStatus.RUNNING.equals(run.state());
        // a run that ended trains no more epochs than it has, whatever it planned (early stopping, failure)
        RunSetup diagnosed = running ? setup
                : setup.withEpochs(history.stream().mapToInt(EpochMetrics::epoch).max().orElse(0));
        ReportContent content = ReportContent.builder().card(card).metrics(history)
                .diagnosis(Diagnosis.of(history, diagnosed))
                .images(images).language(language).build();
        Path file = dir.resolve(HtmlReport.FILE);
        HtmlReport.write(content, running ? REFRESH : "", status(run, history, Instant.now(), language), file);
        return file;
    }

    /** The block under the page's heading: how far the run has come, or how it ended, in {@code language}. */
    static String status(RunStatus run, List<EpochMetrics> history, Instant now, Language language) {
        int planned = run.lastEpoch() - run.firstEpoch() + 1;
        double reached = history.stream().mapToDouble(EpochMetrics::at).max().orElse(0);
        double done = Math.max(0, Math.min(planned, reached - (run.firstEpoch() - 1)));
        double percent = 100 * done / planned;
        Number epochs = Numbers.rounded(done, 1);
        StringBuilder h = new StringBuilder("<div id=\"training\" class=\"finding\">");
        String elapsed = elapsed(run, now);
        switch (run.state()) {
            case RunStatus.RUNNING -> {
                int current = (int) Math.min(run.lastEpoch(), Math.floor(run.firstEpoch() + done));
                Number shown = Numbers.rounded(percent, 0);
                String title = HtmlReport.tag("b", Messages.text(language, "report.live.running.title", current,
                        run.lastEpoch()));
                h.append(elapsed == null
                        ? Messages.text(language, "report.live.running", title, epochs, planned, shown)
                        : Messages.text(language, "report.live.runningFor", title, epochs, planned, shown, elapsed))
                        .append("<br>").append(escape(Messages.text(language, "report.live.reloads", REFRESH_SECONDS)));
            }
            case RunStatus.COMPLETE -> {
                int early = done < planned ? 1 : 0;
                String title = HtmlReport.tag("b", "pass", Messages.text(language, "report.live.complete.title"));
                String command = HtmlReport.tag("code", EVALUATE_COMMAND);
                h.append(elapsed == null
                        ? Messages.text(language, "report.live.complete", title, epochs, planned, early, command)
                        : Messages.text(language, "report.live.completeIn", title, epochs, planned, early, elapsed,
                        command));
            }
            default -> h.append(Messages.text(language, "report.live.failed",
                    HtmlReport.tag("b", "fail", Messages.text(language, "report.live.failed.title")), epochs, planned,
                    escape(String.valueOf(run.message()))));
        }
        h.append(String.format(Locale.ROOT, "<div class=\"progress\" title=\"%.0f%%\"><div style=\"width:%.1f%%\">"
                + "</div></div></div>\n", percent, percent));
        return h.toString();
    }

    private static String elapsed(RunStatus run, Instant now) {
        try {
            long seconds = Math.max(0, Duration.between(Instant.parse(run.startedAt()), now).toSeconds());
            return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
