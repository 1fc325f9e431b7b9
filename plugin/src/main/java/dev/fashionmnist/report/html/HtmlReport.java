package dev.fashionmnist.report.html;

import static dev.fashionmnist.text.Html.escape;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.plot.ConfusionHeatmap;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.report.plot.MistakesGrid;
import dev.fashionmnist.report.plot.SampleGrid;
import dev.fashionmnist.report.plot.SweepPlots;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (images inline, no external requests) that leads with the answer (test
 * accuracy, gates, diagnosis, learning curves, confusion matrix) and keeps the tables (per class, metrics per epoch,
 * configuration, data and checksums) below; see {@link #body(ReportContent, String)}. Worded in the content's
 * {@link ReportContent#language() language}: {@code <html lang>}, headings, table headers, captions, sentences and
 * numbers (a decimal comma in German).
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    /** The page's own look: font, width, tables and images. */
    private static final String PAGE_STYLE = style("page.css");
    /** The report's parts, also on the Maven site's page: summary, pictures side by side, verdicts, progress. */
    private static final String PARTS_STYLE = style("parts.css");

    private HtmlReport() {
    }

    public static void write(ReportContent content, Path file) throws IOException {
        write(content, "", "", file);
    }

    /**
     * Writes the page of what the output folder {@code dir} holds now (model, metrics, evaluation, gates), or removes
     * an older page when the folder holds nothing to show: what the goals that change the folder's model or verdict
     * call, so that the page never describes an earlier model or build. Returns the page, or {@code null}.
     */
    public static Path refresh(Path dir, Language language) throws IOException {
        Path file = dir.resolve(FILE);
        ReportContent content = ReportContent.collect(dir, language);
        if (content.isEmpty()) {
            Files.deleteIfExists(file);
            return null;
        }
        write(content, file);
        return file;
    }

    /**
     * The page with {@code head} added to its head (e.g. a refresh) and {@code status}, HTML, right under its
     * heading; written atomically, so that a browser reloading it never sees half a page.
     */
    static void write(ReportContent content, String head, String status, Path file) throws IOException {
        Language l = content.language();
        String page = "<!DOCTYPE html>\n<html lang=\"" + l.tag() + "\"><head><meta charset=\"UTF-8\">" + head
                + "<title>" + Messages.text(l, "report.html.title") + "</title><style>" + PAGE_STYLE + PARTS_STYLE
                + "</style></head><body>\n"
                + body(content, status) + "</body></html>\n";
        AtomicFiles.writeString(file, page);
    }

    /**
     * The report's sections as HTML for a page of the Maven site, with the style of its parts (the site's skin styles
     * the rest).
     */
    public static String body(ReportContent c) {
        return "<style>" + PARTS_STYLE + "</style>\n" + body(c, "");
    }

    /**
     * The answer first: the summary (test accuracy, the gates with measured and required value, the diagnosis in one
     * sentence), the two learning curves side by side, the confusion matrix and the misclassified images; then the
     * details: the diagnosis with remedies, the evaluation and per-class tables, the metrics per epoch, the
     * configuration and the data with its checksums; a sweep's table and plots last.
     */
    private static String body(ReportContent c, String status) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>").append(Messages.text(c.language(), "report.html.title")).append("</h1>\n").append(status);
        summary(h, c);
        pictures(h, c);
        diagnosis(h, c);
        evaluation(h, c);
        metrics(h, c);
        configuration(h, c.card(), c.language());
        data(h, c);
        sweep(h, c);
        return h.toString();
    }

    /** Test accuracy, gates and diagnosis: what a reader came for, above everything else. */
    private static void summary(StringBuilder h, ReportContent c) {
        Language l = c.language();
        String accuracy = accuracy(c);
        if (accuracy == null && c.gates().isEmpty()) {
            return;
        }
        h.append("<div id=\"summary\" class=\"summary\">\n");
        if (accuracy != null) {
            h.append("<p class=\"answer\">").append(accuracy).append("</p>\n");
        }
        ModelCard card = c.card();
        if (card != null) {
            h.append("<p>").append(Messages.text(l, "report.html.summary.model", escape(card.model().describe()),
                    card.trainableParameters(), card.epochsTrained(), card.trainImages(),
                    Numbers.rounded(card.trainingSeconds(), 1))).append("</p>\n");
        }
        if (!c.gates().isEmpty()) {
            long failed = c.gates().stream().filter(g -> !g.passed()).count();
            String outcome = failed == 0
                    ? tag("span", "pass", Messages.text(l, "report.html.gates.allPassed", c.gates().size()))
                    : tag("span", "fail", Messages.text(l, "report.html.gates.someFailed", failed, c.gates().size()));
            h.append("<h2 id=\"gates\">").append(Messages.text(l, "report.html.gates", outcome)).append("</h2>\n");
            h.append("<table><tr>");
            thLeft(h, l, "report.html.gates.gate");
            th(h, l, "report.html.gates.measured");
            th(h, l, "report.html.gates.required");
            thLeft(h, l, "report.html.gates.result");
            h.append("</tr>\n");
            for (ReportContent.GateRow g : c.gates()) {
                h.append("<tr><td class=\"l\">").append(escape(g.gate())).append("</td>");
                if (g.measuredText() != null && g.requiredText() != null) {
                    h.append("<td>").append(escape(g.measuredText().in(l))).append("</td><td>")
                            .append(escape(g.requiredText().in(l))).append("</td>");
                } else if (g.measured() != null && g.required() != null) {
                    h.append("<td>").append(escape(numbers(g.measured(), l))).append("</td><td>")
                            .append(escape(numbers(g.required(), l))).append("</td>");
                } else {
                    // a report of an older plugin: its message says both
                    h.append("<td class=\"l\" colspan=\"2\">").append(escape(g.message())).append("</td>");
                }
                h.append("<td class=\"l ").append(g.passed() ? "pass\">" + Messages.text(l, "report.html.gate.passed")
                        : "fail\">" + Messages.text(l, "report.html.gate.failed")).append("</td></tr>\n");
            }
            h.append("</table>\n");
            for (ReportContent.GateRow g : c.gates()) {
                if (!g.passed() && g.measured() != null) {
                    h.append("<p class=\"fail\">").append(escape(g.text() != null ? g.text().in(l) : g.message()))
                            .append("</p>\n");
                }
            }
        }
        if (!c.metrics().isEmpty()) {
            h.append("<p id=\"verdict\">").append(Messages.text(l, "report.html.verdict",
                    tag("b", Messages.text(l, "report.html.diagnosis")), escape(verdict(c.diagnosis(), l))))
                    .append("</p>\n");
        }
        h.append("</div>\n");
    }

    /** The headline: the evaluated test accuracy, or the one training measured last; {@code null} when neither. */
    private static String accuracy(ReportContent c) {
        Language l = c.language();
        if (c.confusion() != null) {
            ConfusionMatrix m = c.confusion();
            String accuracy = tag("b", percent(m.accuracy(), l));
            return c.testLoss() == null
                    ? Messages.text(l, "report.html.summary.evaluated", accuracy, m.total(), percent(m.macroF1(), l))
                    : Messages.text(l, "report.html.summary.evaluatedWithLoss", accuracy, m.total(),
                    Numbers.rounded(c.testLoss(), 4), percent(m.macroF1(), l));
        }
        // while training, the last row of the whole test set: a check on the test sample is no figure to headline
        List<EpochMetrics> whole = EpochMetrics.wholeTestSet(c.metrics());
        EpochMetrics last = c.card() != null && c.card().finalMetrics() != null ? c.card().finalMetrics()
                : whole.isEmpty() ? null : whole.get(whole.size() - 1);
        if (last == null) {
            return null;
        }
        String accuracy = tag("b", percent(last.testAccuracy(), l));
        return c.card() == null
                ? Messages.text(l, "report.html.summary.training", accuracy, last.atLabel(),
                Numbers.rounded(last.testLoss(), 4))
                : Messages.text(l, "report.html.summary.trained", accuracy, last.atLabel(),
                Numbers.rounded(last.testLoss(), 4), tag("code", "fashionmnist:evaluate"));
    }

    /**
     * The diagnosis in one sentence: the first finding's first sentence (what it is and its evidence: "not learning",
     * "too early to tell", …), or that the run is healthy.
     */
    static String verdict(List<Diagnosis.Finding> findings, Language language) {
        if (findings.isEmpty()) {
            return Messages.text(language, "report.html.verdict.healthy", Diagnosis.verdictText(findings));
        }
        Diagnosis.Finding first = findings.get(0);
        return Messages.text(language, "report.html.verdict.findings", Messages.of("report.html.finding.evidence",
                first.kind().labelText(), first.observation()), findings.size() - 1);
    }

    /** The learning curves side by side, then the confusion matrix beside the misclassified images. */
    private static void pictures(StringBuilder h, ReportContent c) {
        Map<String, byte[]> images = c.images();
        boolean curves = images.containsKey(LearningCurves.ACCURACY) || images.containsKey(LearningCurves.LOSS);
        boolean evaluation = images.containsKey(ConfusionHeatmap.FILE) || images.containsKey(MistakesGrid.FILE);
        if (!curves && !evaluation) {
            return;
        }
        h.append("<div id=\"plots\">\n");
        if (c.metricsNote() != null && curves) {
            h.append("<div class=\"finding\">").append(escape(c.metricsNote().in(c.language()))).append("</div>\n");
        }
        pair(h, c, "curves", LearningCurves.ACCURACY, LearningCurves.LOSS);
        pair(h, c, "evaluation-plots", ConfusionHeatmap.FILE, MistakesGrid.FILE);
        h.append("</div>\n");
    }

    private static void pair(StringBuilder h, ReportContent c, String id, String left, String right) {
        Map<String, byte[]> images = c.images();
        if (!images.containsKey(left) && !images.containsKey(right)) {
            return;
        }
        h.append("<div id=\"").append(id).append("\" class=\"pair\">\n");
        for (String name : List.of(left, right)) {
            if (images.containsKey(name)) {
                h.append("<figure>");
                image(h, ReportContent.caption(name, c.language()), images.get(name));
                h.append("</figure>\n");
            }
        }
        h.append("</div>\n");
    }

    private static void diagnosis(StringBuilder h, ReportContent c) {
        if (c.metrics().isEmpty()) {
            return;
        }
        Language l = c.language();
        h.append("<h2 id=\"diagnosis\">").append(Messages.text(l, "report.html.diagnosis")).append("</h2>\n");
        if (c.diagnosis().isEmpty()) {
            h.append("<p class=\"pass\">").append(Messages.text(l, "report.html.diagnosis.healthy")).append("</p>\n");
        }
        for (Diagnosis.Finding f : c.diagnosis()) {
            h.append("<div class=\"finding\"><b>").append(escape(f.kind().labelText().in(l))).append("</b>: ")
                    .append(escape(f.observation().in(l))).append(".<br>")
                    .append(escape(Messages.text(l, "report.html.finding.remedies", f.remediesText())))
                    .append("</div>\n");
        }
    }

    private static void evaluation(StringBuilder h, ReportContent c) {
        if (c.confusion() == null) {
            return;
        }
        Language l = c.language();
        ConfusionMatrix m = c.confusion();
        h.append("<h2 id=\"evaluation\">").append(Messages.text(l, "report.html.evaluation")).append("</h2>\n<table>");
        row(h, Messages.text(l, "report.html.evaluation.testImages"), String.valueOf(m.total()));
        row(h, Messages.text(l, "report.html.evaluation.accuracy"), percent(m.accuracy(), l));
        if (c.testLoss() != null) {
            row(h, Messages.text(l, "report.html.evaluation.loss"), fixed(c.testLoss(), 4, l));
        }
        row(h, Messages.text(l, "report.html.evaluation.macroF1"), percent(m.macroF1(), l));
        h.append("</table>\n<h3 id=\"per-class\">").append(Messages.text(l, "report.html.perClass"))
                .append("</h3>\n<table><tr>");
        thLeft(h, l, "report.html.perClass.class");
        th(h, l, "report.html.perClass.precision");
        th(h, l, "report.html.perClass.recall");
        th(h, l, "report.html.perClass.f1");
        th(h, l, "report.html.perClass.support");
        h.append("</tr>\n");
        String dataset = c.card() == null ? null : c.card().dataset();
        for (int i = 0; i < m.classCount(); i++) {
            h.append("<tr><td class=\"l\">").append(escape(new ClassName(dataset, i, m.classNames().get(i)).in(l)))
                    .append("</td><td>").append(percent(m.precision(i), l)).append("</td><td>")
                    .append(percent(m.recall(i), l)).append("</td><td>")
                    .append(percent(m.f1(i), l)).append("</td><td>").append(m.support(i))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void metrics(StringBuilder h, ReportContent c) {
        if (c.metrics().isEmpty()) {
            return;
        }
        Language l = c.language();
        h.append("<h2 id=\"metrics\">").append(Messages.text(l, "report.html.metrics")).append("</h2>\n");
        if (c.metricsNote() != null) {
            h.append("<div class=\"finding\">").append(escape(c.metricsNote().in(c.language()))).append("</div>\n");
        }
        // the objective gets a column only where it differs from the train loss: trained with label smoothing
        boolean objective = c.metrics().stream().anyMatch(m -> Double.compare(m.trainObjective(), m.trainLoss()) != 0);
        String losses = objective ? "report.html.metrics.losses.objective" : "report.html.metrics.losses";
        h.append("<p id=\"losses\">").append(escape(Messages.text(l, losses))).append("</p>\n");
        h.append("<table><tr>");
        for (String key : List.of("report.html.metrics.epoch", "report.html.metrics.trainLoss",
                "report.html.metrics.trainAccuracy", "report.html.metrics.testLoss", "report.html.metrics.testAccuracy",
                "report.html.metrics.learningRate", "report.html.metrics.seconds",
                "report.html.metrics.imagesPerSecond")) {
            th(h, l, key);
        }
        if (objective) {
            th(h, l, "report.html.metrics.trainObjective");
        }
        h.append("</tr>\n");
        for (EpochMetrics m : c.metrics()) {
            h.append("<tr><td>").append(m.atLabel()).append("</td><td>").append(fixed(m.trainLoss(), 4, l))
                    .append("</td><td>").append(percent(m.trainAccuracy(), l)).append("</td><td>")
                    .append(fixed(m.testLoss(), 4, l)).append("</td><td>").append(percent(m.testAccuracy(), l))
                    .append("</td><td>").append(String.format(l.locale(), "%.3g", m.learningRate()))
                    .append("</td><td>").append(fixed(m.epochSeconds(), 1, l)).append("</td><td>")
                    .append(fixed(m.trainImagesPerSecond(), 0, l));
            if (objective) {
                h.append("</td><td>").append(fixed(m.trainObjective(), 4, l));
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void configuration(StringBuilder h, ModelCard card, Language l) {
        if (card == null) {
            return;
        }
        h.append("<h2 id=\"configuration\">").append(Messages.text(l, "report.html.config")).append("</h2>\n<table>");
        row(h, Messages.text(l, "report.html.config.architecture"), card.model().describe());
        row(h, Messages.text(l, "report.html.config.trainableParameters"),
                Messages.text(l, "report.html.config.parameterCount", card.trainableParameters()));
        var s = card.hyperparameters();
        row(h, Messages.text(l, "report.html.config.epochsTrained"),
                Messages.text(l, "report.html.config.epochsTrainedValue", card.epochsTrained(), card.bestEpoch()));
        row(h, Messages.text(l, "report.html.config.batchSize"), String.valueOf(s.batchSize()));
        row(h, Messages.text(l, "report.html.config.optimizer"), s.optimizer().id()
                + (s.optimizer().id().equals("sgd") ? ", momentum " + s.momentum()
                + (s.nesterov() ? ", Nesterov" : "") : ""));
        row(h, Messages.text(l, "report.html.config.learningRate"),
                s.learningRate() + " (" + s.lrSchedule().id() + ")");
        row(h, Messages.text(l, "report.html.config.weightDecay"), String.valueOf(s.weightDecay()));
        row(h, Messages.text(l, "report.html.config.earlyStoppingPatience"), s.earlyStoppingPatience() == 0
                ? Messages.text(l, "report.html.config.off") : String.valueOf(s.earlyStoppingPatience()));
        row(h, Messages.text(l, "report.html.config.augmentation"), s.augment()
                ? Messages.text(l, "report.html.config.on") : Messages.text(l, "report.html.config.off"));
        row(h, Messages.text(l, "report.html.config.labelSmoothing"), s.labelSmoothing() == 0
                ? Messages.text(l, "report.html.config.off") : String.valueOf(s.labelSmoothing()));
        row(h, Messages.text(l, "report.html.config.weightAverage"), s.weightAverage() == null
                ? Messages.text(l, "report.html.config.off")
                : Messages.text(l, card.finalMetrics() != null && card.finalMetrics().averaged()
                        ? "report.html.config.weightAverageKept" : "report.html.config.weightAverageNotKept",
                        s.weightAverage()));
        String target;
        if (s.targetAccuracy() == null) {
            target = Messages.text(l, "report.html.config.none");
        } else if (card.finalMetrics() != null && card.finalMetrics().testAccuracy() >= s.targetAccuracy()) {
            target = Messages.text(l, "report.html.config.targetReached", percent(s.targetAccuracy(), l),
                    card.finalMetrics().atLabel());
        } else {
            target = Messages.text(l, "report.html.config.targetMissed", percent(s.targetAccuracy(), l));
        }
        row(h, Messages.text(l, "report.html.config.targetAccuracy"), target);
        row(h, Messages.text(l, "report.html.config.evaluationsPerEpoch"), String.valueOf(s.evaluationsPerEpoch()));
        row(h, Messages.text(l, "report.html.config.seed"), String.valueOf(s.seed()));
        row(h, Messages.text(l, "report.html.config.device"), card.device());
        row(h, Messages.text(l, "report.html.config.trainingTime"),
                Messages.text(l, "report.html.seconds", Numbers.rounded(card.trainingSeconds(), 1)));
        row(h, Messages.text(l, "report.html.config.versions"), Messages.text(l, "report.html.config.versionsValue",
                card.versions().plugin(), card.versions().djl(), card.versions().pytorch(), card.versions().java()));
        h.append("</table>\n");
    }

    private static void data(StringBuilder h, ReportContent c) {
        Language l = c.language();
        ModelCard card = c.card();
        if (card != null) {
            h.append("<h2 id=\"data\">").append(Messages.text(l, "report.html.data")).append("</h2>\n<table>");
            row(h, Messages.text(l, "report.html.data.dataset"), card.dataset());
            row(h, Messages.text(l, "report.html.data.trainImages"), card.trainImages() + " x "
                    + card.model().imageRows() + " x " + card.model().imageColumns());
            row(h, Messages.text(l, "report.html.data.testImages"), card.testImages() + " x "
                    + card.model().imageRows() + " x " + card.model().imageColumns());
            List<String> classes = new java.util.ArrayList<>();
            for (int i = 0; i < card.classNames().size(); i++) {
                classes.add(new ClassName(card.dataset(), i, card.classNames().get(i)).in(l));
            }
            row(h, Messages.text(l, "report.html.data.classes"), String.join(", ", classes));
            for (DatasetFile f : DatasetFile.values()) {
                if (card.dataSha256().containsKey(f)) {
                    row(h, f.fileName() + " SHA-256", card.dataSha256().get(f));
                }
            }
            h.append("</table>\n");
        }
        if (c.images().containsKey(SampleGrid.FILE)) {
            image(h, ReportContent.caption(SampleGrid.FILE, l), c.images().get(SampleGrid.FILE));
        }
    }

    private static void sweep(StringBuilder h, ReportContent c) {
        if (c.sweepRows().isEmpty()) {
            return;
        }
        Language l = c.language();
        h.append("<h2 id=\"sweep\">").append(escape(Messages.text(l, "report.html.sweep")))
                .append("</h2>\n<table><tr><th>")
                .append(Messages.text(l, "report.html.sweep.trial")).append("</th>");
        for (String n : c.sweepNames()) {
            h.append("<th>").append(escape(n)).append("</th>");
        }
        for (String key : List.of("report.html.sweep.finalTestAccuracy", "report.html.sweep.bestTestAccuracy",
                "report.html.sweep.testLoss", "report.html.sweep.parameters", "report.html.sweep.seconds")) {
            th(h, l, key);
        }
        thLeft(h, l, "report.html.sweep.diagnosis");
        h.append("</tr>\n");
        Map<String, Integer> firstWithId = new HashMap<>();
        for (SweepTable.Row r : c.sweepRows()) {
            // identical trials share one run and its id: the later ones say whose result they show
            Integer sameRun = firstWithId.putIfAbsent(r.id(), r.trial());
            h.append("<tr><td>").append(sameRun == null ? String.valueOf(r.trial())
                    : escape(Messages.text(l, "report.html.sweep.sameRun", r.trial(), sameRun))).append("</td>");
            for (String n : c.sweepNames()) {
                h.append("<td>").append(escape(r.values().get(n))).append("</td>");
            }
            h.append("<td>").append(percent(r.finalTestAccuracy(), l)).append("</td><td>")
                    .append(percent(r.bestTestAccuracy(), l)).append("</td><td>").append(fixed(r.testLoss(), 4, l))
                    .append("</td><td>").append(Messages.text(l, "report.html.config.parameterCount",
                            r.trainableParameters())).append("</td><td>").append(fixed(r.trainingSeconds(), 1, l))
                    .append("</td><td class=\"l\">").append(escape(Diagnosis.verdictText(r.diagnosis()).in(l)))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<ul>");
        for (String line : SweepPlots.summary(c.sweepNames(), c.sweepRows(), l)) {
            h.append("<li>").append(escape(line)).append("</li>");
        }
        h.append("</ul>\n");
        for (Map.Entry<String, byte[]> img : c.sweepImages().entrySet()) {
            image(h, SweepPlots.caption(img.getKey(), l), img.getValue());
        }
    }

    private static void image(StringBuilder h, String caption, byte[] png) {
        // decoded before the page is first painted: a reader (or a screenshot) never sees a plot half drawn
        h.append("<h3>").append(escape(caption)).append("</h3>\n<img decoding=\"sync\" alt=\"")
                .append(escape(caption))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\">\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th class=\"l\">").append(escape(key)).append("</th><td class=\"l\">").append(escape(value))
                .append("</td></tr>\n");
    }

    /** A fraction as a percentage with two decimals: 91.23% in English, 91,23 % in German. */
    static String percent(double fraction, Language language) {
        return Messages.percent(fraction).in(language);
    }

    /** {@code value} with {@code decimals} decimals in {@code language}'s way (NaN, infinity as Java writes them). */
    private static String fixed(double value, int decimals, Language language) {
        return String.format(language.locale(), "%." + decimals + "f", value);
    }

    /**
     * A measured or required value of the JUnit report (English, it is data: {@code 91.09%}, {@code ≥ 0.5000}) with
     * {@code language}'s decimal separator: {@code 91,09 %} in German.
     */
    private static String numbers(String value, Language language) {
        if (language == Language.ENGLISH) {
            return value;
        }
        char comma = java.text.DecimalFormatSymbols.getInstance(language.locale()).getDecimalSeparator();
        return value.replaceAll("(\\d)\\.(\\d)", "$1" + comma + "$2").replaceAll("(\\d)%", "$1 %");
    }

    /**
     * The style sheet {@code name} beside this class, kept one rule to a line, as one line: the page carries its style
     * inline, so that report.html stays a single file.
     */
    private static String style(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " beside " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .collect(Collectors.joining());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} in {@code <tag>}, e.g. a word in bold. */
    static String tag(String tag, String text) {
        return "<" + tag + ">" + escape(text) + "</" + tag + ">";
    }

    /** {@code text} in {@code <tag class="cssClass">}, e.g. a verdict in the colour of its class. */
    static String tag(String tag, String cssClass, String text) {
        return "<" + tag + " class=\"" + cssClass + "\">" + escape(text) + "</" + tag + ">";
    }

    /** The column heading under {@code key}, right-aligned as the numbers below it. */
    private static void th(StringBuilder h, Language language, String key) {
        h.append(tag("th", Messages.text(language, key)));
    }

    /** The column heading under {@code key}, left-aligned ({@code class="l"}) as the words below it. */
    private static void thLeft(StringBuilder h, Language language, String key) {
        h.append(tag("th", "l", Messages.text(language, key)));
    }
}
