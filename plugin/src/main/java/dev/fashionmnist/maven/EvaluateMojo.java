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
 * Evaluates the trained model on the whole test set and fails the build when a quality gate is violated.
 * <p>
 * Bound by default to the {@code verify} phase. The model is the one {@code train} wrote ({@code modelDirectory}),
 * or an installed one ({@code modelArtifact}); the test set is the dataset's, fetched as {@code download-data} does.
 * The goal logs accuracy, loss and a per-class table, and writes into {@code outputDirectory}:
 * {@code evaluation.csv} (accuracy, loss, macro precision, recall and F1), {@code per-class.csv},
 * {@code confusion-matrix.csv} and {@code .png}, {@code misclassified.csv} and {@code .png} (the first 18
 * misclassified test images), {@code TEST-fashionmnist-evaluation.xml} (JUnit XML, one test case per gate, for CI
 * test reports), {@code evaluation-record.json}, and a fresh {@code report.html}, also when a gate fails. The gates
 * ({@code minAccuracy}, {@code minClassAccuracy}, {@code maxLoss}) fail the build with measured against required,
 * as {@code jacoco:check} does for coverage. An unchanged model is not evaluated again (see {@code force}).
 * <p>
 * Example: {@code mvn verify -Dfashionmnist.minAccuracy=90%}
 *
 * @since 0.1.0
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EvaluateMojo extends AbstractModelMojo {
    /** Where Surefire's reporters and CI templates look for JUnit XML: the example of a junitReportDirectory. */
    private static final String SUREFIRE_REPORTS = "${project.build.directory}/surefire-reports";

    /**
     * The least test accuracy the model must reach, as a fraction or a percentage.
     * <p>
     * A fraction from 0 to 1 ({@code 0.91}) or a percentage from 0% to 100% ({@code 91%}); anything else stops the
     * goal. Measured on the whole test set. Below it the gate fails (see {@code haltOnFailure}). Default: none, no
     * gate. Example: {@code -Dfashionmnist.minAccuracy=0.88}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.minAccuracy")
    String minAccuracy;

    /**
     * The least accuracy every single class must reach, as a fraction or a percentage.
     * <p>
     * A class's accuracy is its recall: the share of its test images classified as it. A fraction from 0 to 1
     * ({@code 0.6}) or a percentage ({@code 60%}); anything else stops the goal. A violation names each class below
     * it. Default: none, no gate. Example: {@code -Dfashionmnist.minClassAccuracy=60%}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.minClassAccuracy")
    String minClassAccuracy;

    /**
     * The largest mean test loss allowed: the cross entropy over the whole test set.
     * <p>
     * The loss is the plain cross entropy (natural logarithm) averaged over the test images, whatever
     * {@code labelSmoothing} the model was trained with: {@code test_loss} in {@code metrics.csv}. A number from 0,
     * above 1 allowed, e.g. {@code 0.35} (a trailing {@code %} divides it by 100); a negative one or a word stops the
     * goal. Default: none, no gate. Example: {@code -Dfashionmnist.maxLoss=0.35}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.maxLoss")
    String maxLoss;

    /**
     * Fails the build when a gate is violated: {@code true} or {@code false}.
     * <p>
     * {@code false} logs the violated gates as warnings and lets the build go on; the JUnit XML and
     * {@code report.html} still show them failed. Default: {@code true}. Example:
     * {@code -Dfashionmnist.haltOnFailure=false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    /**
     * A second folder for the gates' JUnit XML report, besides {@code outputDirectory}.
     * <p>
     * {@code TEST-fashionmnist-evaluation.xml} (one test case per configured gate, failed where violated) is written
     * there too. {@code ${project.build.directory}/surefire-reports} (or {@code failsafe-reports}) is where Surefire's
     * reporters and the test reports of Jenkins, GitLab and GitHub already look. A path that is a file stops the goal.
     * Default: none, the report is written into {@code outputDirectory} only. Example:
     * {@code -Dfashionmnist.junitReportDirectory=target/surefire-reports}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.junitReportDirectory")
    File junitReportDirectory;

    /**
     * Evaluates even when the model, the test set and the device are those of the recorded evaluation.
     * <p>
     * {@code true} or {@code false}. Without it, an unchanged model (the same {@code model.json}, test images and
     * labels, classes, CPU or GPU, and plugin version as in {@code evaluation-record.json}) reuses the recorded
     * result; the gates are checked either way, with the thresholds configured now. Default: {@code false}.
     * Example: {@code -Dfashionmnist.force=true}.
     *
     * @since 0.1.0
     */
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
