package dev.fashionmnist.maven;

import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.engine.EngineChoice;
import dev.fashionmnist.evaluate.EvaluateJob;
import dev.fashionmnist.evaluate.EvaluationOutputs;
import dev.fashionmnist.evaluate.ModelCards;
import dev.fashionmnist.fork.ForkMain;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.io.LocalHost;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.report.html.EvaluationSummary;
import dev.fashionmnist.results.EvaluationRecord;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Evaluates a trained model on the whole test set, writes evaluation.csv, per-class.csv, confusion-matrix.csv and
 * a JUnit XML report, and fails the build when a quality gate is violated, as jacoco:check does for coverage.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EvaluateMojo extends AbstractModelMojo {
    /** Where Surefire's reporters and CI templates look for JUnit XML: the example of a junitReportDirectory. */
    private static final String SUREFIRE_REPORTS = "${project.build.directory}/surefire-reports";

    /** Minimum test accuracy, as a fraction (0.91) or a percentage (91%). */
    @Parameter(property = "fashionmnist.minAccuracy")
    String minAccuracy;

    /** Minimum accuracy (recall) that every class must reach, as a fraction or a percentage. */
    @Parameter(property = "fashionmnist.minClassAccuracy")
    String minClassAccuracy;

    /** Maximum mean test loss (cross entropy). */
    @Parameter(property = "fashionmnist.maxLoss")
    String maxLoss;

    /** Fail the build when a gate is violated; false only warns. */
    @Parameter(property = "fashionmnist.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    /**
     * A second folder for the gates' JUnit XML, besides outputDirectory:
     * {@code ${project.build.directory}/surefire-reports} (or {@code failsafe-reports}) is where Surefire's reporters
     * and CI templates already look.
     */
    @Parameter(property = "fashionmnist.junitReportDirectory")
    File junitReportDirectory;

    /** Evaluate even when the model, the test set and the device are those of the recorded evaluation. */
    @Parameter(property = "fashionmnist.force", defaultValue = "false")
    boolean force;

    /**
     * Evaluates (or reuses the recorded evaluation of an unchanged model), writes the outputs, checks the gates; and
     * whatever happened, refreshes report.html before the build goes on or fails, so that the page shows this
     * build's model and verdict, as failsafe records before verify fails.
     */
    @Override
    void run(BuildLog log) throws MojoExecutionException, MojoFailureException {
        Path out = outputDirectory.toPath();
        Path junitCopy = junitReportDirectory == null ? null : junitReportDirectory.toPath().resolve(JUnitReport.FILE);
        deleteOldReports(out, junitCopy, log.language());
        try {
            evaluate(log, out, junitCopy);
        } finally {
            refreshReport(log, out, "maven.evaluate.page");
        }
    }

    private void evaluate(BuildLog log, Path out, Path junitCopy) throws MojoExecutionException,
            MojoFailureException {
        Gates gates = Gates.parse(minAccuracy, minClassAccuracy, maxLoss);
        Path modelDir = modelDirectory(out);
        ModelCard card = ModelCards.read(modelDir);
        ModelCards.checkParameters(modelDir, card);
        EngineChoice engine = engineChoice();
        DatasetFiles files = fetchDataset(log);
        long start = System.nanoTime();
        LocalDateTime started = LocalDateTime.now();
        EvaluationRecord.Key key;
        try {
            key = EvaluationOutputs.key(modelDir, files, engine.gpu(), plugin.getVersion());
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.text(log.language(), "maven.evaluate.noResult", e));
        }
        EvaluationRecord recorded = force ? null : EvaluationRecord.reusable(out, key);
        EvaluationResult result;
        if (recorded != null) {
            log.info(Messages.of("maven.evaluate.upToDate", modelDir, recorded.evaluatedAt()));
            result = recorded.result();
        } else {
            result = evaluateInFork(log, out, modelDir, files, engine);
            try {
                EvaluationOutputs.record(out, key, result);
            } catch (IOException e) {
                throw new ModelException(Messages.of("maven.evaluate.cannotWrite", out, e));
            }
        }
        List<Gates.GateOutcome> outcomes = gates.check(result, files.spec().name());
        JUnitReport.Run junitRun = new JUnitReport.Run(started, LocalHost.name(),
                (System.nanoTime() - start) / 1e9, JUnitReport.properties(card, gates, result, engine.deviceName()),
                EvaluationSummary.headline(result, log.language()));
        try {
            EvaluationOutputs.write(out, result, files, junitRun, outcomes, log.language());
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.evaluate.cannotWrite", out, e));
        }
        if (junitCopy != null) {
            try {
                JUnitReport.write(junitCopy, junitRun, outcomes, log.language());
            } catch (IOException e) {
                throw new ModelException(Messages.of("maven.evaluate.junitCannotWrite", JUnitReport.FILE,
                        junitReportDirectory, e, SUREFIRE_REPORTS));
            }
            log.info(Messages.of("maven.evaluate.junitReport", junitCopy));
        }
        for (String line : EvaluationSummary.table(result, log.language(), files.spec().name())) {
            log.info(line);
        }
        report(log, outcomes);
    }

    /** Runs the model over the whole test set in the engine's JVM. */
    private EvaluationResult evaluateInFork(BuildLog log, Path out, Path modelDir, DatasetFiles files,
                                            EngineChoice engine) throws MojoExecutionException {
        log.info(engine.line());
        Path resultFile = out.resolve(".evaluation-result.json");
        EvaluateJob job = new EvaluateJob(modelDir.toAbsolutePath(), files.spec().name(), files.spec().classNames(),
                files.paths(), files.sha256(), engine.gpuIndex(), engine.auto(), resultFile.toAbsolutePath());
        try {
            fork(log, engine, ForkMain.EVALUATE, job, out.resolve(".evaluate-job.json"), progressOutput(log));
            EvaluationResult result = Json.readFile(resultFile, EvaluationResult.class);
            Files.deleteIfExists(resultFile);
            return result;
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.text(log.language(), "maven.evaluate.noResult",
                    e));
        }
    }

    private void report(BuildLog log, List<Gates.GateOutcome> outcomes) throws MojoFailureException {
        if (outcomes.isEmpty()) {
            Gates.lines(outcomes).forEach(log::info);
            return;
        }
        for (Gates.GateOutcome o : outcomes) {
            for (Message line : Gates.lines(List.of(o))) {
                if (o.passed()) {
                    log.info(line);
                } else {
                    log.warn(line);
                }
            }
        }
        if (outcomes.stream().allMatch(Gates.GateOutcome::passed)) {
            log.info(Gates.summary(outcomes));
        } else if (haltOnFailure) {
            throw new MojoFailureException(Gates.failure(outcomes).in(log.language()));
        } else {
            log.warn(Gates.goesOn(outcomes));
        }
    }

    private static void deleteOldReports(Path out, Path junitCopy, Language language) throws MojoExecutionException {
        try {
            EvaluationOutputs.remove(out);
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.text(language, "maven.evaluate.cannotClean", out, e));
        }
        if (junitCopy == null) {
            return;
        }
        Path folder = junitCopy.getParent();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ModelException(Messages.of("maven.evaluate.junitIsFile", folder, SUREFIRE_REPORTS));
        }
        try {
            Files.deleteIfExists(junitCopy);
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.text(language, "maven.evaluate.junitCannotDelete", junitCopy,
                    e));
        }
    }
}
