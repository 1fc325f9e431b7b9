package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.evaluate.ConfusionMatrix;
import dev.fashionmnist.evaluate.EvaluationResult;
import dev.fashionmnist.evaluate.Gates;
import dev.fashionmnist.model.ModelCard;
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
        EvaluationReports.write(new EvaluationResult(matrix, 0.5, mistakes), out);
        JUnitReport.write(out.resolve(JUnitReport.FILE), JUnitReportTest.run("accuracy 50.00%", 0.1), List.of(
                new Gates.GateOutcome("maxLoss", true, List.of("loss 0.5000 meets the required maximum of 1.0000")),
                new Gates.GateOutcome("minAccuracy", false, List.of(FAILING))));
    }

    private static String report(ReportContent content, Path file) throws Exception {
        HtmlReport.write(content, file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void reportOfATrainedAndEvaluatedModel() throws Exception {
        ReportContent content = ReportContent.collect(out);
        assertFalse(content.isEmpty());
        assertEquals(3, content.metrics().size());
        assertEquals(0.5, content.testLoss(), 0.0);
        assertEquals(2, content.gates().size());
        assertEquals(List.of(LearningCurves.ACCURACY, LearningCurves.LOSS), List.copyOf(content.images().keySet()));

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
        assertTrue(html.contains("maxLoss passed"), "the passing gate");
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
            assertEquals(LearningCurves.WIDTH, img.getWidth());
            images++;
        }
        assertEquals(2, images, "accuracy and loss inline");
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http:"), "no external reference");
        assertFalse(lower.contains("https:"), "no external reference");
        assertFalse(lower.contains("src=\"/") || lower.contains("href="), "no linked resources");
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
        ReportContent content = ReportContent.collect(work);
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
        ReportContent content = ReportContent.collect(work);
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
        ReportContent content = ReportContent.collect(work);
        assertEquals(1, content.gates().size());
        assertTrue(content.isEmpty(), "no model, metrics or evaluation");
    }
}
