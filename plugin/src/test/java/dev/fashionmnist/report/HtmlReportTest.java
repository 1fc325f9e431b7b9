package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.evaluate.ConfusionMatrix;
import dev.fashionmnist.evaluate.EvaluationResult;
import dev.fashionmnist.evaluate.Gates;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.train.RealData;
import dev.fashionmnist.train.Training;
import dev.fashionmnist.train.TrainingProgress;
import dev.fashionmnist.train.TrainingTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a really trained tiny mlp (300 images, 3 epochs) with evaluation files and a JUnit report of
 * one passing and one failing gate written next to it.
 */
class HtmlReportTest {
    private static final String FAILING = "accuracy 50.00% is below the required minimum of 90.00%";

    @TempDir
    static Path out;
    private static ModelCard card;
    private static ConfusionMatrix matrix;
    private static List<EvaluationResult.Mistake> mistakes;

    @TempDir
    Path work;

    @BeforeAll
    static void trainAndEvaluate() throws Exception {
        card = new Training(TrainingTest.job(out, "mlp", null, 300, 200, 3, false, 1), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        matrix = ConfusionMatrix.empty(card.classNames());
        for (int c = 0; c < matrix.classCount(); c++) {
            for (int k = 0; k < 10; k++) {
                matrix.add(c, k < 5 ? c : (c + 1) % matrix.classCount());
            }
        }
        mistakes = List.of(new EvaluationResult.Mistake(3, 0, 1), new EvaluationResult.Mistake(17, 4, 5),
                new EvaluationResult.Mistake(42, 9, 0));
        EvaluationResult result = new EvaluationResult(matrix, 0.5, mistakes);
        EvaluationReports.write(result, out);
        ConfusionHeatmap.write(matrix, card.dataset(), out.resolve(ConfusionHeatmap.FILE), Language.ENGLISH);
        MistakesGrid.write(RealData.load().testImages(), mistakes, card.classNames(), card.dataset(),
                out.resolve(MistakesGrid.FILE), Language.ENGLISH);
        // what evaluate checks: minAccuracy 90% fails at 50%, maxLoss 1.0 passes at 0.5
        JUnitReport.write(out.resolve(JUnitReport.FILE), JUnitReportTest.run("accuracy 50.00%", 0.1),
                new Gates(0.9, null, 1.0).check(result));
    }

    private static String report(ReportContent content, Path file) throws Exception {
        HtmlReport.write(content, file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void reportOfATrainedAndEvaluatedModel() throws Exception {
        ReportContent content = ReportContent.collect(out, Language.ENGLISH);
        assertFalse(content.isEmpty());
        assertEquals(3, content.metrics().size());
        assertEquals(0.5, content.testLoss(), 0.0);
        assertEquals(2, content.gates().size());
        assertEquals(List.of(LearningCurves.ACCURACY, LearningCurves.LOSS, ConfusionHeatmap.FILE, MistakesGrid.FILE),
                List.copyOf(content.images().keySet()));

        String html = report(content, out.resolve(HtmlReport.FILE));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.trim().endsWith("</html>"));
        for (String id : List.of("configuration", "data", "metrics", "diagnosis", "evaluation", "per-class", "gates",
                "plots")) {
            assertTrue(html.contains("id=\"" + id + "\""), "section " + id);
        }
        assertEquals(101_770, card.trainableParameters());
        assertTrue(html.contains("101,770"), "the parameter count");
        assertTrue(html.contains("mlp 784-128-10"), "the architecture");
        assertTrue(html.contains(FAILING), "the failing gate's message");
        assertTrue(html.contains("fail\">failed") && html.contains("pass\">passed"));
        assertTrue(html.contains("<td class=\"l\">T-shirt/top</td>"), "the per-class table");
        assertTrue(html.contains("50.00%"), "the evaluated accuracy");
        assertTrue(html.contains("0.5000"), "the evaluated loss");
        String verdict = content.diagnosis().isEmpty() ? "Healthy" : content.diagnosis().get(0).kind().label();
        assertTrue(html.contains(verdict), "the diagnosis " + verdict);
        // one metrics row per epoch
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertTrue(html.contains("<tr><td>" + epoch + "</td>"), "metrics of epoch " + epoch);
        }

        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            byte[] png = Base64.getDecoder().decode(m.group(1));
            var img = ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertTrue(img.getWidth() > 0, "a PNG");
            images++;
        }
        assertEquals(4, images, "accuracy and loss curves, confusion matrix and misclassified images inline");
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http:"), "no external reference");
        assertFalse(lower.contains("https:"), "no external reference");
        assertFalse(lower.contains("src=\"/") || lower.contains("href="), "no linked resources");
    }

    @Test
    void theReportLeadsWithTheAnswerAndKeepsTheTablesBelow() throws Exception {
        String html = report(ReportContent.collect(out, Language.ENGLISH), work.resolve(HtmlReport.FILE));
        // summary: accuracy, gates, diagnosis; then the curves side by side, the confusion matrix and the mistakes;
        // then the tables
        List<String> order = List.of("<h1>", "id=\"summary\"", "Test accuracy <b>50.00%</b> on 100 test images",
                "id=\"gates\"", "id=\"verdict\"", "id=\"curves\"", "alt=\"" + ReportContent.PLOTS.get(
                LearningCurves.ACCURACY), "alt=\"" + ReportContent.PLOTS.get(LearningCurves.LOSS),
                "alt=\"" + ReportContent.PLOTS.get(ConfusionHeatmap.FILE), "alt=\"" + ReportContent.PLOTS.get(
                MistakesGrid.FILE), "id=\"diagnosis\"", "id=\"evaluation\"", "id=\"per-class\"", "id=\"metrics\"",
                "id=\"configuration\"", "id=\"data\"", "SHA-256");
        int at = -1;
        for (String part : order) {
            int next = html.indexOf(part);
            assertTrue(next > at, "'" + part + "' comes after the part before it (at " + at + "), found at " + next);
            at = next;
        }
        assertTrue(html.indexOf("<table", html.indexOf("id=\"verdict\"")) > html.indexOf("id=\"evaluation-plots\""),
                "no table between the summary and the pictures");
        // the summary's diagnosis is one sentence: the verdict of the findings
        Matcher verdict = Pattern.compile("id=\"verdict\"><b>Diagnosis</b>: ([^<]*)</p>").matcher(html);
        assertTrue(verdict.find(), "the diagnosis sentence");
        assertEquals(HtmlReport.esc(HtmlReport.verdict(ReportContent.collect(out, Language.ENGLISH).diagnosis())), verdict.group(1));
        assertEquals(1, verdict.group(1).split("\\. ", -1).length, "one sentence: " + verdict.group(1));
    }

    @Test
    void theGatesTableShowsMeasuredAndRequired() throws Exception {
        List<ReportContent.GateRow> gates = ReportContent.collect(out, Language.ENGLISH).gates();
        assertEquals(List.of(new ReportContent.GateRow("minAccuracy", false, "50.00%", "\u2265 90.00%", FAILING),
                new ReportContent.GateRow("maxLoss", true, "0.5000", "\u2264 1.0000", "maxLoss passed")), gates);
        String html = report(ReportContent.collect(out, Language.ENGLISH), work.resolve(HtmlReport.FILE));
        assertTrue(html.contains("<tr><td class=\"l\">minAccuracy</td><td>50.00%</td><td>\u2265 90.00%</td>"
                + "<td class=\"l fail\">failed</td></tr>"), html);
        assertTrue(html.contains("<tr><td class=\"l\">maxLoss</td><td>0.5000</td><td>\u2264 1.0000</td>"
                + "<td class=\"l pass\">passed</td></tr>"), html);
        assertTrue(html.contains("Quality gates: <span class=\"fail\">1 of 2 failed</span>"));
    }

    @Test
    void aJUnitReportOfAnOlderPluginShowsItsMessages() throws Exception {
        EvaluationReports.write(new EvaluationResult(matrix, 0.5), work);
        JUnitReport.write(work.resolve(JUnitReport.FILE), JUnitReportTest.run("x", 0),
                List.of(new Gates.GateOutcome("minAccuracy", false, List.of(FAILING))));
        String html = report(ReportContent.collect(work, Language.ENGLISH), work.resolve(HtmlReport.FILE));
        assertTrue(html.contains("<td class=\"l\" colspan=\"2\">" + FAILING + "</td>"), html);
    }

    @Test
    void evaluationFilesRoundTrip() throws Exception {
        ConfusionMatrix read = EvaluationReports.readConfusion(out.resolve(EvaluationReports.CONFUSION));
        assertEquals(matrix.classNames(), read.classNames());
        assertTrue(java.util.Arrays.deepEquals(matrix.counts(), read.counts()));
        assertEquals(0.5, read.accuracy(), 0.0);
        assertEquals(mistakes, EvaluationReports.readMistakes(out.resolve(EvaluationReports.MISTAKES)));
    }

    @Test
    void specialCharactersAreEscaped() throws Exception {
        String evil = "<b>&amp;";
        ConfusionMatrix m = ConfusionMatrix.empty(List.of(evil, "Dog \"2\""));
        m.add(0, 0);
        m.add(1, 0);
        EvaluationReports.write(new EvaluationResult(m, 0.7), work);
        JUnitReport.write(work.resolve(JUnitReport.FILE), JUnitReportTest.run("x", 0), List.of(new Gates.GateOutcome(
                "minClassAccuracy", false, List.of("class '" + evil + "' accuracy 0.00% < 50.00%"))));
        ReportContent content = ReportContent.collect(work, Language.ENGLISH);
        assertEquals(List.of(evil, "Dog \"2\""), content.confusion().classNames(), "the CSV keeps the names");
        String html = report(content, work.resolve(HtmlReport.FILE));
        assertFalse(html.contains(evil), "raw class name in the page");
        assertTrue(html.contains("<td class=\"l\">&lt;b&gt;&amp;amp;</td>"), "escaped in the per-class table");
        assertTrue(html.contains("class '&lt;b&gt;&amp;amp;' accuracy 0.00% &lt; 50.00%"), "escaped gate message");
        assertTrue(html.contains("Dog &quot;2&quot;"));
        assertTrue(html.contains("id=\"evaluation\"") && html.contains("id=\"gates\""));
        assertFalse(html.contains("id=\"configuration\""), "no model, no configuration");
        assertFalse(html.contains("id=\"metrics\""), "no metrics.csv, no metrics");
        assertFalse(html.contains("id=\"plots\""), "no PNG, no plots");
    }

    @Test
    void emptyFolderIsEmpty() throws Exception {
        ReportContent content = ReportContent.collect(work, Language.ENGLISH);
        assertTrue(content.isEmpty());
        assertNull(content.card());
        assertNull(content.confusion());
        assertNull(content.testLoss());
        assertEquals(List.of(), content.metrics());
        assertEquals(List.of(), content.gates());
        assertTrue(content.images().isEmpty());
        assertEquals(List.of(), content.diagnosis());
    }

    @Test
    void gatesAloneDoNotMakeAReport() throws Exception {
        JUnitReport.write(work.resolve(JUnitReport.FILE), JUnitReportTest.run("x", 0),
                List.of(new Gates.GateOutcome("minAccuracy", true, List.of("ok"))));
        ReportContent content = ReportContent.collect(work, Language.ENGLISH);
        assertEquals(1, content.gates().size());
        assertTrue(content.isEmpty(), "no model, metrics or evaluation");
    }
}
