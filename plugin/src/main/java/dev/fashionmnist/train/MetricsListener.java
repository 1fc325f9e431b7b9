package dev.fashionmnist.train;

import static dev.fashionmnist.text.Numbers.rounded;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.report.html.LiveReport;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a run tells as it goes: run.json (running, then complete or failed), metrics.csv (the earlier epochs' rows
 * of a resume, then a row per evaluation), the evaluation's log line (with which weights it reports when they are
 * averaged, and the sample's size for a check on the test sample) and the live HTML report.
 */
final class MetricsListener implements TrainingListener {
    private final RunPlan plan;
    private final BuildLog log;
    private final Path output;
    /** What the live page's diagnosis knows of the run. */
    private final RunSetup setup;
    /** Whether the run logs where its live report is (a sweep says it once for all its trials). */
    private final boolean liveReportLine;
    /** Whether this run has taken over metrics.csv (and run.json says so). */
    private boolean started;

    MetricsListener(RunPlan plan, BuildLog log, boolean liveReportLine) {
        this.plan = plan;
        this.log = log;
        this.output = plan.job().outputDirectory();
        this.setup = plan.runSetup();
        this.liveReportLine = liveReportLine;
    }

    @Override
    public void onTrainingStart(TrainingState state) throws IOException {
        plan.status().write(output);
        started = true;
        MetricsCsv.start(plan.job().metricsFile(), state.history());
        if (liveReportLine) {
            LiveReport.start(output, plan.status(), state.history(), setup, log, log.language());
        } else {
            LiveReport.start(output, plan.status(), state.history(), setup, log.language());
        }
    }

    @Override
    public void onEvaluation(EpochMetrics row, double checkSeconds, TrainingState state) throws IOException {
        MetricsCsv.append(plan.job().metricsFile(), row);
        boolean logChecks = plan.settings().evaluationsPerEpoch() > 1 || plan.settings().targetAccuracy() != null;
        Message line = row.logText(plan.lastEpoch());
        if (plan.settings().weightAverage() != null) {
            line = Messages.of("train.epoch.weights", line,
                    Messages.of(row.averaged() ? "train.epoch.weights.average" : "train.epoch.weights.trained"));
        }
        if (row.onSample(plan.testCount())) {
            line = Messages.of("train.epoch.sample", line, row.testImages());
        }
        log.info(logChecks ? Messages.of("train.epoch.check", line, rounded(checkSeconds, 1)) : line);
        LiveReport.epochDone(output, plan.status(), state.history(), setup, log.language());
    }

    @Override
    public void onModelWritten(ModelCard card) throws IOException {
        RunStatus complete = plan.status().complete();
        complete.write(output);
        LiveReport.finish(output, complete, card, setup, log.language());
    }

    @Override
    public void onFailure(Throwable failure) {
        if (!started) {
            return;
        }
        try {
            plan.status().failed(failure.getMessage()).write(output);
            LiveReport.finish(output, plan.status().failed(Messages.of(failure, log.language())), null,
                    setup, log.language());
        } catch (IOException | RuntimeException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
