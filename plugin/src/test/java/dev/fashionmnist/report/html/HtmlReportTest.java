package dev.fashionmnist.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.report.JUnitReportTest;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.plot.ConfusionHeatmap;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.report.plot.MistakesGrid;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Html;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.train.Training;
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
    void theStyleSheetsAreInlineInOneLine() throws Exception {
        ReportContent content = ReportContent.collect(out, Language.ENGLISH);
        String html = report(content, work.resolve(HtmlReport.FILE));
        Matcher style = Pattern.compile("<style>([^<]*)</style>").matcher(html);
        assertTrue(style.find(), html.substring(0, 200));
        String css = style.group(1);
        assertFalse(css.contains("\n"), "one line, as the page always had it: " + css);
        assertTrue(css.startsWith("body{font-family:sans-serif;") && css.contains("td.l,th.l{text-align:left}"),
                "the page's look: " + css);
        assertTrue(css.contains(".summary{background:#f4f8fb;") && css.endsWith(".pair h3{font-size:1em;margin:0.6em 0 "
                + "0.2em}"), "the parts' look: " + css);
        String site = HtmlReport.body(content);
        assertTrue(site.startsWith("<style>.fail{color:#b00020;font-weight:bold}.pass{"), "the parts on the site");
        assertFalse(site.contains("body{"), "the site's skin styles the page");
    }

    @Test
    void theReportLeadsWithTheAnswerAndKeepsTheTablesBelow() throws Exception {
        String html = report(ReportContent.collect(out, Language.ENGLISH), work.resolve(HtmlReport.FILE));
        // summary: accuracy, gates, diagnosis; then the curves side by side, the confusion matrix and the mistakes;
        // then the tables
        Language en = Language.ENGLISH;
        List<String> order = List.of("<h1>", "id=\"summary\"", "Test accuracy <b>50.00%</b> on 100 test images",
                "id=\"gates\"", "id=\"verdict\"", "id=\"curves\"",
                "alt=\"" + ReportContent.caption(LearningCurves.ACCURACY, en),
                "alt=\"" + ReportContent.caption(LearningCurves.LOSS, en),
                "alt=\"" + ReportContent.caption(ConfusionHeatmap.FILE, en),
                "alt=\"" + ReportContent.caption(MistakesGrid.FILE, en), "id=\"diagnosis\"", "id=\"evaluation\"",
                "id=\"per-class\"", "id=\"metrics\"", "id=\"configuration\"", "id=\"data\"", "SHA-256");
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
        assertEquals(Html.escape(HtmlReport.verdict(ReportContent.collect(out, Language.ENGLISH).diagnosis(),
                Language.ENGLISH)), verdict.group(1));
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

    @Test
    void aGermanReport() throws Exception {
        String html = report(ReportContent.collect(out, Language.GERMAN), work.resolve(HtmlReport.FILE));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"de\">"), html.substring(0, 60));
        assertTrue(html.contains("<title>Fashion-MNIST-Modellbericht</title>"), "the title");
        for (String part : List.of("<h1>Fashion-MNIST-Modellbericht</h1>",
                "<p class=\"answer\">Testgenauigkeit <b>50,00 %</b> auf 100 Testbildern, Verlust 0,5000, "
                        + "Makro-F1 50,00 %</p>",
                "<p>mlp 784-128-10, 101.770 trainierbare Parameter, 3 Epochen auf 300 Trainingsbildern in ",
                "<h2 id=\"gates\">Qualitätsgrenzen: <span class=\"fail\">1 von 2 nicht bestanden</span></h2>",
                "<tr><th class=\"l\">Grenze</th><th>gemessen</th><th>gefordert</th><th class=\"l\">Ergebnis</th>"
                        + "</tr>",
                "<tr><td class=\"l\">minAccuracy</td><td>50,00 %</td><td>\u2265 90,00 %</td>"
                        + "<td class=\"l fail\">nicht bestanden</td></tr>",
                "<tr><td class=\"l\">maxLoss</td><td>0,5000</td><td>\u2264 1,0000</td>"
                        + "<td class=\"l pass\">bestanden</td></tr>",
                "<p id=\"verdict\"><b>Diagnose</b>: ",
                "<h3>Genauigkeit pro Epoche: Training und Test</h3>",
                "alt=\"Verlust pro Epoche: Training und Test, beide als reine Kreuzentropie\"",
                "alt=\"Konfusionsmatrix\"",
                "alt=\"Falsch erkannt: wahre Klasse oben, vorhergesagte (rot) unten\"",
                "<h2 id=\"diagnosis\">Diagnose</h2>", "<h2 id=\"evaluation\">Auswertung</h2>",
                "<tr><th class=\"l\">Testbilder</th><td class=\"l\">100</td></tr>",
                "<h3 id=\"per-class\">Pro Klasse</h3>",
                "<tr><td class=\"l\">T-Shirt/Top</td><td>50,00 %</td><td>50,00 %</td><td>50,00 %</td><td>10</td></tr>",
                "<tr><td class=\"l\">Stiefelette</td>", "<h2 id=\"metrics\">Metriken pro Epoche</h2>",
                "<tr><th>Epoche</th><th>Trainingsverlust</th><th>Trainingsgenauigkeit</th><th>Testverlust</th>",
                "<h2 id=\"configuration\">Konfiguration</h2>",
                "<tr><th class=\"l\">trainierbare Parameter</th><td class=\"l\">101.770</td></tr>",
                "<tr><th class=\"l\">Datenaugmentierung</th><td class=\"l\">aus</td></tr>",
                "<th class=\"l\">Gewichtsverfall (weightDecay)</th>",
                "<h2 id=\"data\">Daten</h2>", "T-Shirt/Top, Hose, Pullover, Kleid, Mantel, Sandale, Hemd, Sneaker, "
                        + "Tasche, Stiefelette")) {
            assertTrue(html.contains(part), "'" + part + "' in the German report");
        }
        // the metrics per epoch with a decimal comma: loss with 4 decimals, accuracies as percentages
        assertTrue(Pattern.compile("<tr><td>1</td><td>\\d,\\d{4}</td><td>\\d{1,3},\\d\\d %</td><td>\\d,\\d{4}</td>"
                + "<td>\\d{1,3},\\d\\d %</td>").matcher(html).find(), html);
        for (String english : List.of("Test accuracy", "trainable parameters", "Quality gates", "Per class",
                "Metrics per epoch", "Configuration", ">passed<", ">failed<", "T-shirt/top", "Ankle boot")) {
            assertFalse(html.contains(english), "'" + english + "' in the German report");
        }
        // the files it was made from stay English
        assertEquals("T-shirt/top", EvaluationReports.readConfusion(out.resolve(EvaluationReports.CONFUSION))
                .classNames().get(0));
    }

    @Test
    void aGermanSweepTable() throws Exception {
        SweepTable.write(List.of("hiddenSize"), List.of(SweepTable.Row.builder().trial(1).id("hiddenSize-128")
                .values(java.util.Map.of("hiddenSize", "128")).finalTestAccuracy(0.8).bestTestAccuracy(0.81)
                .testLoss(0.5).trainableParameters(101_770).trainingSeconds(3.04).diagnosis("healthy").build()),
                work.resolve(SweepTable.FILE));
        String de = report(ReportContent.collect(work, Language.GERMAN), work.resolve(HtmlReport.FILE));
        assertTrue(de.contains("<h2 id=\"sweep\">Sweep: Wovon hängt die Qualität ab?</h2>\n<table><tr>"
                + "<th>Versuch</th>"
                + "<th>hiddenSize</th><th>Testgenauigkeit am Ende</th><th>beste Testgenauigkeit</th>"), de);
        assertTrue(de.contains("<tr><td>1</td><td>128</td><td>80,00 %</td><td>81,00 %</td><td>0,5000</td>"
                + "<td>101.770</td><td>3,0</td>"), de);
        String en = report(ReportContent.collect(work, Language.ENGLISH), work.resolve(HtmlReport.FILE));
        assertTrue(en.contains("<h2 id=\"sweep\">Sweep: what does quality depend on?</h2>\n<table><tr><th>trial</th>"
                + "<th>hiddenSize</th><th>final test accuracy</th><th>best test accuracy</th><th>test loss</th>"
                + "<th>parameters</th><th>seconds</th><th class=\"l\">diagnosis</th></tr>\n<tr><td>1</td><td>128</td>"
                + "<td>80.00%</td><td>81.00%</td><td>0.5000</td><td>101,770</td><td>3.0</td>"
                + "<td class=\"l\">healthy</td></tr>"), en);
    }

    @Test
    void numbersAreRoundedAsBeforeAndGetADecimalCommaInGerman() {
        // 3.125 is exact in binary: half up, as String.format rounds (MessageFormat alone would give 3.12)
        assertEquals("3.13%", HtmlReport.percent(0.03125, Language.ENGLISH));
        assertEquals(String.format(Locale.ROOT, "%.2f%%", 3.125), HtmlReport.percent(0.03125, Language.ENGLISH));
        assertEquals("91,09 %", HtmlReport.percent(0.9109, Language.GERMAN));
        assertEquals("91.09%", HtmlReport.percent(0.9109, Language.ENGLISH));
    }

    @Test
    void theDiagnosisKeepsItsEnglishShape() throws Exception {
        Diagnosis.Finding f = new Diagnosis.Finding(Diagnosis.Kind.OVERFITTING,
                Messages.of("diagnosis.overfitting.gap", 90.0, 12.3, 77.7, 10.0));
        EpochMetrics row = EpochMetrics.builder().epoch(1).trainLoss(0.5).trainAccuracy(0.9).testLoss(0.6)
                .testAccuracy(0.78).learningRate(0.01).epochSeconds(1.0).trainImagesPerSecond(100).build();
        ReportContent content = ReportContent.builder().metrics(List.of(row)).diagnosis(List.of(f, f))
                .language(Language.ENGLISH).build();
        String html = report(content, work.resolve(HtmlReport.FILE));
        assertTrue(html.contains("<p id=\"verdict\"><b>Diagnosis</b>: overfitting: train accuracy 90.00% is 12.3 "
                + "points above test accuracy 77.70% (more than 10); 1 more "
                + "finding(s) and the remedies below.</p>"), html);
        assertTrue(html.contains("<div class=\"finding\"><b>overfitting</b>: train accuracy 90.00% is 12.3 points "
                + "above test accuracy "
                + "77.70% (more than 10).<br>Try: "
                + Html.escape(Diagnosis.Kind.OVERFITTING.remedies()) + "</div>"), html);
        assertTrue(html.contains("Test accuracy <b>78.00%</b> at epoch 1, test loss 0.6000 (training goes on or did "
                + "not finish)"), html);
    }

    @Test
    void theMetricsTableSaysWhatEachLossIs() throws Exception {
        EpochMetrics plain = EpochMetrics.builder().epoch(1).trainLoss(0.5).trainAccuracy(0.9).testLoss(0.6)
                .testAccuracy(0.78).learningRate(0.01).epochSeconds(1.0).trainImagesPerSecond(100).build();
        String html = report(ReportContent.builder().metrics(List.of(plain)).language(Language.ENGLISH).build(),
                work.resolve(HtmlReport.FILE));
        assertTrue(html.contains("<p id=\"losses\">Train loss and test loss are the same quantity, the plain cross "
                + "entropy, so they compare.</p>"), html);
        assertFalse(html.contains("train objective"), "without label smoothing no objective column: " + html);

        EpochMetrics smoothed = plain.toBuilder().trainObjective(0.9123).build();
        html = report(ReportContent.builder().metrics(List.of(smoothed)).language(Language.ENGLISH).build(),
                work.resolve(HtmlReport.FILE));
        assertTrue(html.contains("The train objective is what the model was trained on: the cross entropy with label "
                + "smoothing (labelSmoothing), which never falls to 0: once the model learns, it lies above the train "
                + "loss."), html);
        assertTrue(html.contains("<th>images/s</th><th>train objective</th></tr>"), html);
        assertTrue(html.contains("<td>0.5000</td>") && html.contains("<td>100</td><td>0.9123</td></tr>"), html);

        html = report(ReportContent.builder().metrics(List.of(smoothed)).language(Language.GERMAN).build(),
                work.resolve(HtmlReport.FILE));
        assertTrue(html.contains("Trainings- und Testverlust sind dieselbe Größe, die reine Kreuzentropie"), html);
        assertTrue(html.contains("<th>Zielfunktion im Training</th>") && html.contains("<td>0,9123</td>"), html);
    }

    /**
     * An evaluation of Fashion-MNIST with Shirt at 60.60% and what evaluate writes for it in {@code language}:
     * minAccuracy 88% fails at 87.06%, minClassAccuracy 65% fails at Shirt, maxLoss 0.5 passes at 0.3789.
     */
    private void evaluated(Path dir, Language language) throws Exception {
        EvaluationResult result = dev.fashionmnist.quality.GatesTest.fashion();
        Gates gates = new Gates(0.88, 0.65, 0.5);
        EvaluationReports.write(result, dir);
        JUnitReport.write(dir.resolve(JUnitReport.FILE), new JUnitReport.Run(java.time.LocalDateTime.now(), "host", 1,
                JUnitReport.properties(card, gates, result, "cpu"), "summary"),
                gates.check(result, card.dataset()), language);
    }

    /** The gates' part of the page: from their heading to the diagnosis sentence. */
    private static String gatesPart(String html) {
        return html.substring(html.indexOf("id=\"gates\""), html.indexOf("id=\"verdict\"") > 0
                ? html.indexOf("id=\"verdict\"") : html.indexOf("</div>", html.indexOf("id=\"gates\"")));
    }

    /**
     * The gates' part of a report in {@code language} holds every one of {@code parts} and none of {@code absent},
     * whichever language evaluate wrote the JUnit report in; the JUnit report's data stays English.
     */
    private void assertGates(Language language, List<String> parts, List<String> absent) throws Exception {
        for (Language evaluateLanguage : Language.values()) {
            evaluated(work, evaluateLanguage);
            List<ReportContent.GateRow> rows = ReportContent.collect(work, language).gates();
            assertEquals(List.of("87.06%", "60.60% (lowest: Shirt)", "0.3789"),
                    rows.stream().map(ReportContent.GateRow::measured).toList(), "the JUnit report's data");
            String gates = gatesPart(report(ReportContent.collect(work, language), work.resolve(HtmlReport.FILE)));
            for (String part : parts) {
                assertTrue(gates.contains(part), "'" + part + "' (evaluate in " + evaluateLanguage + "): " + gates);
            }
            for (String word : absent) {
                assertFalse(gates.contains(word), "'" + word + "' in the " + language + " gates: " + gates);
            }
        }
    }

    @Test
    void theGatesOfAGermanReportInGermanWhateverLanguageEvaluateSpoke() throws Exception {
        assertGates(Language.GERMAN, List.of(
                "<tr><td class=\"l\">minAccuracy</td><td>87,06 %</td><td>\u2265 88,00 %</td>"
                        + "<td class=\"l fail\">nicht bestanden</td></tr>",
                "<tr><td class=\"l\">minClassAccuracy</td><td>60,60 % (niedrigste: Hemd)</td>"
                        + "<td>\u2265 65,00 % in jeder Klasse</td><td class=\"l fail\">nicht bestanden</td></tr>",
                "<tr><td class=\"l\">maxLoss</td><td>0,3789</td><td>\u2264 0,5000</td>"
                        + "<td class=\"l pass\">bestanden</td></tr>",
                "<p class=\"fail\">Genauigkeit 87,06 % liegt unter dem geforderten Minimum von 88,00 %</p>",
                "<p class=\"fail\">Klasse 'Hemd': Genauigkeit 60,60 % liegt unter dem geforderten Minimum von "
                        + "65,00 %</p>"),
                List.of("lowest", "every class", "Shirt", "accuracy", "below", "class '"));
    }

    @Test
    void theGatesOfAnEnglishReportAsTheJUnitReportWordsThem() throws Exception {
        assertGates(Language.ENGLISH, List.of(
                "<tr><td class=\"l\">minAccuracy</td><td>87.06%</td><td>\u2265 88.00%</td>"
                        + "<td class=\"l fail\">failed</td></tr>",
                "<tr><td class=\"l\">minClassAccuracy</td><td>60.60% (lowest: Shirt)</td>"
                        + "<td>\u2265 65.00% in every class</td><td class=\"l fail\">failed</td></tr>",
                "<tr><td class=\"l\">maxLoss</td><td>0.3789</td><td>\u2264 0.5000</td>"
                        + "<td class=\"l pass\">passed</td></tr>",
                "<p class=\"fail\">accuracy 87.06% is below the required minimum of 88.00%</p>",
                "<p class=\"fail\">class 'Shirt' accuracy 60.60% is below the required minimum of 65.00%</p>"),
                List.of("Hemd", "niedrigste", "Genauigkeit", "87,06"));
    }

    @Test
    void aJUnitReportThatDisagreesWithTheEvaluationIsShownAsItIs() throws Exception {
        evaluated(work, Language.ENGLISH);
        // the XML says minClassAccuracy passed (an older evaluation), the confusion matrix here says it fails
        EvaluationResult result = dev.fashionmnist.quality.GatesTest.fashion();
        Gates gates = new Gates(0.88, 0.6, 0.5);
        JUnitReport.write(work.resolve(JUnitReport.FILE), new JUnitReport.Run(java.time.LocalDateTime.now(), "host",
                1, JUnitReport.properties(card, new Gates(0.88, 0.65, 0.5), result, "cpu"), "summary"),
                gates.check(result, card.dataset()));
        List<ReportContent.GateRow> rows = ReportContent.collect(work, Language.GERMAN).gates();
        assertEquals(List.of(true, false, true), rows.stream().map(r -> r.measuredText() != null).toList(),
                "only the row whose verdict and values agree is checked again");
        String html = report(ReportContent.collect(work, Language.GERMAN), work.resolve(HtmlReport.FILE));
        assertTrue(html.contains("<tr><td class=\"l\">minClassAccuracy</td><td>60,60 % (lowest: Shirt)</td>"
                + "<td>\u2265 60,00 % in every class</td><td class=\"l pass\">bestanden</td></tr>"), html);
    }
}
