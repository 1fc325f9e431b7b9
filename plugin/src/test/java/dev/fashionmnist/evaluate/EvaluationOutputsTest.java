package dev.fashionmnist.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.results.EvaluationRecord;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.train.Training;
import dev.fashionmnist.train.TrainingTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs of evaluate and its record, on a model really trained (mlp, 300 images, one epoch) and evaluated on the
 * real Fashion-MNIST test set with the PyTorch CPU engine: the record is reused only for the same model, test set and
 * device; the page shows this evaluation and its failing gate, and never the evaluation of a model that replaced it.
 */
class EvaluationOutputsTest {
    @TempDir
    static Path trained;
    private static EvaluationResult result;

    @TempDir
    Path out;

    @BeforeAll
    static void trainAndEvaluate() throws Exception {
        new Training(TrainingTest.job(trained, "mlp", null, 300, 200, 1, false, 1), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        result = ModelEvaluator.evaluate(trained.resolve("model"), RealData.load(), -1, BuildLog.console());
    }

    /** The trained model and its run's files, copied into the output folder {@code out}. */
    private void copyRun() throws Exception {
        Files.createDirectories(out.resolve("model"));
        try (var files = Files.list(trained.resolve("model"))) {
            for (Path f : files.toList()) {
                Files.copy(f, out.resolve("model").resolve(f.getFileName()));
            }
        }
        Files.copy(trained.resolve("metrics.csv"), out.resolve("metrics.csv"));
    }

    private static EvaluationRecord.Key key(Path out) throws Exception {
        return EvaluationOutputs.key(out.resolve("model"), RealData.files(), false, "test");
    }

    /** Writes the outputs of {@link #result} with a gate of {@code minAccuracy} as evaluate does; its outcomes. */
    private List<Gates.GateOutcome> writeOutputs(double minAccuracy) throws Exception {
        Gates gates = new Gates(minAccuracy, null, null);
        List<Gates.GateOutcome> outcomes = gates.check(result, "fashion-mnist");
        ModelCard card = ModelCard.readIfPresent(out.resolve("model"));
        JUnitReport.Run run = new JUnitReport.Run(LocalDateTime.now(), "host", 0.5,
                JUnitReport.properties(card, gates, result, "cpu"), "summary");
        EvaluationOutputs.write(out, result, RealData.files(), run, outcomes, Language.ENGLISH);
        return outcomes;
    }

    private String page() throws Exception {
        Path page = HtmlReport.refresh(out, Language.ENGLISH);
        assertEquals(out.resolve(HtmlReport.FILE), page);
        return Files.readString(page, StandardCharsets.UTF_8);
    }

    private static String percent(double fraction) {
        return Messages.percent(fraction).in(Language.ENGLISH);
    }

    @Test
    void theRecordIsReusedForTheSameModelTestSetAndDeviceOnly() throws Exception {
        copyRun();
        EvaluationRecord.Key key = key(out);
        assertNull(EvaluationRecord.reusable(out, key), "nothing recorded yet");
        EvaluationOutputs.record(out, key, result);
        EvaluationRecord reused = EvaluationRecord.reusable(out, key);
        assertNotNull(reused);
        assertEquals(result.accuracy(), reused.result().accuracy(), 0.0);
        assertEquals(result.loss(), reused.result().loss(), 0.0);
        assertEquals(result.mistakes(), reused.result().mistakes());
        assertEquals(10_000, reused.result().confusion().total());
        assertEquals(List.of(), Files.list(out).filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
                "written atomically: no temporary file left");

        DatasetFiles files = RealData.files();
        assertNull(EvaluationRecord.reusable(out, EvaluationOutputs.key(out.resolve("model"), files, true, "test")),
                "another device");
        assertNull(EvaluationRecord.reusable(out, new EvaluationRecord.Key(key.modelSha256(), "0".repeat(64),
                key.testLabelsSha256(), key.classNames(), key.device(), key.pluginVersion())), "another test set");
        assertNull(EvaluationRecord.reusable(out, EvaluationOutputs.key(out.resolve("model"), files, false, "next")),
                "another plugin version");
        // another model: trained with another seed into the same folder
        new Training(TrainingTest.job(out, "mlp", null, 300, 200, 1, false, 2), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        assertNotEquals(key.modelSha256(), key(out).modelSha256());
        assertNull(EvaluationRecord.reusable(out, key(out)), "another model");

        Files.writeString(out.resolve(EvaluationRecord.FILE), "{\"key\": ", StandardCharsets.UTF_8);
        assertNull(EvaluationRecord.read(out), "a damaged record only means evaluating again");
    }

    @Test
    void aFailingGateIsOnThePageWithThisModelsAccuracy() throws Exception {
        copyRun();
        EvaluationOutputs.record(out, key(out), result);
        List<Gates.GateOutcome> outcomes = writeOutputs(0.99);
        assertFalse(outcomes.get(0).passed());
        for (String name : EvaluationOutputs.FILES) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        String html = page();
        assertTrue(html.contains("Test accuracy <b>" + percent(result.accuracy()) + "</b> on 10,000 test images"),
                html);
        assertTrue(html.contains("1 of 1 failed"), html);
        assertTrue(html.contains(outcomes.get(0).message()), "the failing gate: " + outcomes.get(0).message());

        // the same evaluation with the gate passing: the page says so, nothing of the failure stays
        EvaluationOutputs.remove(out);
        assertNotNull(EvaluationRecord.read(out), "remove keeps the record for reuse");
        writeOutputs(0.05);
        String passing = page();
        assertTrue(passing.contains("all 1 passed"), passing);
        assertFalse(passing.contains("failed"), passing);
    }

    @Test
    void theEvaluationOfAReplacedModelIsNeverShownForTheNewOne() throws Exception {
        copyRun();
        EvaluationOutputs.record(out, key(out), result);
        writeOutputs(0.05);
        String evaluated = percent(result.accuracy());
        assertTrue(page().contains("Test accuracy <b>" + evaluated + "</b>"));

        // a model put there without train's clean-up (by hand, an older plugin): the page leaves the evaluation out
        ModelCard other = new Training(TrainingTest.job(out, "mlp", null, 300, 200, 1, false, 2), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        String html = page();
        assertFalse(html.contains("id=\"evaluation\""), "no evaluation section");
        assertFalse(html.contains("id=\"gates\""), "no gates of another model");
        assertFalse(html.contains("confusion"), "no confusion matrix of another model");
        assertTrue(html.contains("(measured by train; <code>fashionmnist:evaluate</code> adds the per-class view)"),
                html);
        assertTrue(html.contains(percent(other.finalMetrics().testAccuracy())), "train's measurement of this model");

        // what train does when it replaces the model: every trace of the old evaluation goes
        Path copy = Files.createDirectories(out.resolve("surefire-reports")).resolve(JUnitReport.FILE);
        Files.copy(out.resolve(JUnitReport.FILE), copy);
        EvaluationOutputs.forget(out, List.of(copy, out.resolve("failsafe-reports").resolve(JUnitReport.FILE)));
        for (String name : EvaluationOutputs.FILES) {
            assertFalse(Files.exists(out.resolve(name)), name);
        }
        assertFalse(Files.exists(copy), "the copy in junitReportDirectory too");
        assertNull(EvaluationRecord.read(out));
        assertFalse(page().contains("id=\"gates\""));
    }

    @Test
    void anEmptyFolderHasNoPage() throws Exception {
        Files.writeString(out.resolve(HtmlReport.FILE), "<html>an old page</html>", StandardCharsets.UTF_8);
        assertNull(HtmlReport.refresh(out, Language.ENGLISH));
        assertFalse(Files.exists(out.resolve(HtmlReport.FILE)), "a page of nothing there is removed");
    }
}
