package dev.fashionmnist.report;

import dev.fashionmnist.data.AtomicFiles;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.evaluate.ConfusionMatrix;
import dev.fashionmnist.evaluate.GateThreshold;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.train.Diagnosis;
import dev.fashionmnist.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (images inline, no external requests) that leads with the answer (test
 * accuracy, gates, diagnosis, learning curves, confusion matrix) and keeps the tables (per class, metrics per epoch,
 * configuration, data and checksums) below; see {@link #body(ReportContent, String)}.
 */
public final class HtmlReport {
    /** What the diagnosis says of a run with no finding. */
    private static final String HEALTHY = "no sign of over- or underfitting, divergence or slow learning.";

    public static final String FILE = "report.html";
    /** The page's own look: font, width, tables and images. */
    private static final String PAGE_STYLE = "body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}img{max-width:100%;border:1px solid "
            + "#eee}";
    /** The report's parts, also on the Maven site's page: summary, pictures side by side, verdicts, progress. */
    private static final String PARTS_STYLE = ".fail{color:#b00020;font-weight:bold}"
            + ".pass{color:#1b7f1b;font-weight:bold}"
            + ".progress{width:600px;height:18px;background:#e8e8e8;border:1px solid #999;margin:0.5em 0}"
            + ".progress div{height:100%;background:#0072b2}"
            + ".finding{background:#fff4e5;border-left:4px solid #ff9800;padding:0.5em 1em;margin:0.5em 0}"
            + ".summary{background:#f4f8fb;border-left:4px solid #0072b2;padding:0.2em 1em;margin:0.5em 0}"
            + ".summary table{margin:0.3em 0}.summary h2{font-size:1.1em;margin:0.5em 0 0.2em}"
            + ".answer{font-size:1.3em;margin:0.4em 0}"
            + ".pair{display:flex;gap:1em;align-items:flex-start}.pair figure{flex:1;min-width:0;margin:0}"
            + ".pair img{max-width:100%}.pair h3{font-size:1em;margin:0.6em 0 0.2em}";

    private HtmlReport() {
    }

    public static void write(ReportContent content, Path file) throws IOException {
        write(content, "", "", file);
    }

    /**
     * The page with {@code head} added to its head (e.g. a refresh) and {@code status}, HTML, right under its
     * heading; written atomically, so that a browser reloading it never sees half a page.
     */
    static void write(ReportContent content, String head, String status, Path file) throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">" + head
                + "<title>Fashion-MNIST model report</title><style>" + PAGE_STYLE + PARTS_STYLE
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
        h.append("<h1>Fashion-MNIST model report</h1>\n").append(status);
        summary(h, c);
        pictures(h, c);
        diagnosis(h, c);
        evaluation(h, c);
        metrics(h, c);
        configuration(h, c.card());
        data(h, c);
        sweep(h, c);
        return h.toString();
    }

    /** Test accuracy, gates and diagnosis: what a reader came for, above everything else. */
    private static void summary(StringBuilder h, ReportContent c) {
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
            h.append("<p>").append(esc(card.model().describe())).append(", ")
                    .append(String.format(Locale.ROOT, "%,d", card.trainableParameters()))
                    .append(" trainable parameters, ").append(card.epochsTrained()).append(" epoch(s) on ")
                    .append(String.format(Locale.ROOT, "%,d", card.trainImages())).append(" training images")
                    .append(String.format(Locale.ROOT, " in %.1f s", card.trainingSeconds())).append("</p>\n");
        }
        if (!c.gates().isEmpty()) {
            long failed = c.gates().stream().filter(g -> !g.passed()).count();
            h.append("<h2 id=\"gates\">Quality gates: ").append(failed == 0 ? "<span class=\"pass\">all "
                    + c.gates().size() + " passed</span>" : "<span class=\"fail\">" + failed + " of "
                    + c.gates().size() + " failed</span>").append("</h2>\n");
            h.append("<table><tr><th class=\"l\">gate</th><th>measured</th><th>required</th><th class=\"l\">"
                    + "result</th></tr>\n");
            for (ReportContent.GateRow g : c.gates()) {
                h.append("<tr><td class=\"l\">").append(esc(g.gate())).append("</td>");
                if (g.measured() != null && g.required() != null) {
                    h.append("<td>").append(esc(g.measured())).append("</td><td>").append(esc(g.required()))
                            .append("</td>");
                } else {
                    // a report of an older plugin: its message says both
                    h.append("<td class=\"l\" colspan=\"2\">").append(esc(g.message())).append("</td>");
                }
                h.append("<td class=\"l ").append(g.passed() ? "pass\">passed" : "fail\">failed")
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
            for (ReportContent.GateRow g : c.gates()) {
                if (!g.passed() && g.measured() != null) {
                    h.append("<p class=\"fail\">").append(esc(g.message())).append("</p>\n");
                }
            }
        }
        if (!c.metrics().isEmpty()) {
            h.append("<p id=\"verdict\"><b>Diagnosis</b>: ").append(esc(verdict(c.diagnosis()))).append("</p>\n");
        }
        h.append("</div>\n");
    }

    /** The headline: the evaluated test accuracy, or the one training measured last; {@code null} when neither. */
    private static String accuracy(ReportContent c) {
        if (c.confusion() != null) {
            ConfusionMatrix m = c.confusion();
            return "Test accuracy <b>" + GateThreshold.percent(m.accuracy()) + "</b> on "
                    + String.format(Locale.ROOT, "%,d", m.total()) + " test images"
                    + (c.testLoss() == null ? "" : String.format(Locale.ROOT, ", loss %.4f", c.testLoss()))
                    + ", macro F1 " + GateThreshold.percent(m.macroF1());
        }
        EpochMetrics last = c.card() != null && c.card().finalMetrics() != null ? c.card().finalMetrics()
                : c.metrics().isEmpty() ? null : c.metrics().get(c.metrics().size() - 1);
        if (last == null) {
            return null;
        }
        return "Test accuracy <b>" + GateThreshold.percent(last.testAccuracy()) + "</b> at epoch " + last.atLabel()
                + String.format(Locale.ROOT, ", test loss %.4f", last.testLoss())
                + (c.card() == null ? " (training goes on or did not finish)" : " (measured by train; "
                + "<code>fashionmnist:evaluate</code> adds the per-class view)");
    }

    /** The diagnosis in one sentence: the first finding with its evidence, or that the run is healthy. */
    static String verdict(List<Diagnosis.Finding> findings) {
        if (findings.isEmpty()) {
            return "healthy: " + HEALTHY;
        }
        Diagnosis.Finding first = findings.get(0);
        return first.kind().label() + ": " + first.evidence() + (findings.size() > 1 ? "; "
                + (findings.size() - 1) + " more finding(s) and the remedies below." : "; remedies below.");
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
            h.append("<div class=\"finding\">").append(esc(c.metricsNote())).append("</div>\n");
        }
        pair(h, images, "curves", LearningCurves.ACCURACY, LearningCurves.LOSS);
        pair(h, images, "evaluation-plots", ConfusionHeatmap.FILE, MistakesGrid.FILE);
        h.append("</div>\n");
    }

    private static void pair(StringBuilder h, Map<String, byte[]> images, String id, String left, String right) {
        if (!images.containsKey(left) && !images.containsKey(right)) {
            return;
        }
        h.append("<div id=\"").append(id).append("\" class=\"pair\">\n");
        for (String name : List.of(left, right)) {
            if (images.containsKey(name)) {
                h.append("<figure>");
                image(h, ReportContent.PLOTS.get(name), images.get(name));
                h.append("</figure>\n");
            }
        }
        h.append("</div>\n");
    }

    private static void diagnosis(StringBuilder h, ReportContent c) {
        if (c.metrics().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"diagnosis\">Diagnosis</h2>\n");
        if (c.diagnosis().isEmpty()) {
            h.append("<p class=\"pass\">Healthy: ").append(HEALTHY).append("</p>\n");
        }
        for (Diagnosis.Finding f : c.diagnosis()) {
            h.append("<div class=\"finding\"><b>").append(esc(f.kind().label())).append("</b>: ")
                    .append(esc(f.evidence())).append(".<br>Try: ").append(esc(f.kind().remedies()))
                    .append("</div>\n");
        }
    }

    private static void evaluation(StringBuilder h, ReportContent c) {
        if (c.confusion() == null) {
            return;
        }
        ConfusionMatrix m = c.confusion();
        h.append("<h2 id=\"evaluation\">Evaluation</h2>\n<table>");
        row(h, "test images", String.valueOf(m.total()));
        row(h, "accuracy", GateThreshold.percent(m.accuracy()));
        if (c.testLoss() != null) {
            row(h, "loss", String.format(Locale.ROOT, "%.4f", c.testLoss()));
        }
        row(h, "macro F1", GateThreshold.percent(m.macroF1()));
        h.append("</table>\n<h3 id=\"per-class\">Per class</h3>\n<table><tr><th class=\"l\">class</th>"
                + "<th>precision</th><th>recall (accuracy)</th><th>F1</th><th>support</th></tr>\n");
        for (int i = 0; i < m.classCount(); i++) {
            h.append("<tr><td class=\"l\">").append(esc(m.classNames().get(i))).append("</td><td>")
                    .append(GateThreshold.percent(m.precision(i))).append("</td><td>")
                    .append(GateThreshold.percent(m.recall(i))).append("</td><td>")
                    .append(GateThreshold.percent(m.f1(i))).append("</td><td>").append(m.support(i))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void metrics(StringBuilder h, ReportContent c) {
        if (c.metrics().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"metrics\">Metrics per epoch</h2>\n");
        if (c.metricsNote() != null) {
            h.append("<div class=\"finding\">").append(esc(c.metricsNote())).append("</div>\n");
        }
        h.append("<table><tr><th>epoch</th><th>train loss</th>"
                + "<th>train accuracy</th><th>test loss</th><th>test accuracy</th><th>learning rate</th>"
                + "<th>seconds</th><th>images/s</th></tr>\n");
        for (EpochMetrics m : c.metrics()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.2f%%</td><td>%.4f</td>"
                            + "<td>%.2f%%</td><td>%.3g</td><td>%.1f</td><td>%.0f</td></tr>\n", m.atLabel(),
                    m.trainLoss(), 100 * m.trainAccuracy(), m.testLoss(), 100 * m.testAccuracy(),
                    m.learningRate(), m.epochSeconds(), m.trainImagesPerSecond()));
        }
        h.append("</table>\n");
    }

    private static void configuration(StringBuilder h, ModelCard card) {
        if (card == null) {
            return;
        }
        h.append("<h2 id=\"configuration\">Configuration</h2>\n<table>");
        row(h, "architecture", card.model().describe());
        row(h, "trainable parameters", String.format(Locale.ROOT, "%,d", card.trainableParameters()));
        var s = card.hyperparameters();
        row(h, "epochs trained", card.epochsTrained() + " (kept: epoch " + card.bestEpoch() + ")");
        row(h, "batch size", String.valueOf(s.batchSize()));
        row(h, "optimizer", s.optimizer().id() + (s.optimizer().id().equals("sgd") ? ", momentum " + s.momentum()
                + (s.nesterov() ? ", Nesterov" : "") : ""));
        row(h, "learning rate", s.learningRate() + " (" + s.lrSchedule().id() + ")");
        row(h, "weight decay", String.valueOf(s.weightDecay()));
        row(h, "early stopping patience", s.earlyStoppingPatience() == 0 ? "off"
                : String.valueOf(s.earlyStoppingPatience()));
        row(h, "augmentation", s.augment() ? "on" : "off");
        row(h, "label smoothing", s.labelSmoothing() == 0 ? "off" : String.valueOf(s.labelSmoothing()));
        row(h, "target accuracy", s.targetAccuracy() == null ? "none"
                : GateThreshold.percent(s.targetAccuracy()) + " (reached: " + (card.finalMetrics() != null
                && card.finalMetrics().testAccuracy() >= s.targetAccuracy() ? "yes, at epoch "
                + card.finalMetrics().atLabel() : "no") + ")");
        row(h, "evaluations per epoch", String.valueOf(s.evaluationsPerEpoch()));
        row(h, "seed", String.valueOf(s.seed()));
        row(h, "device", card.device());
        row(h, "training time", String.format(Locale.ROOT, "%.1f s", card.trainingSeconds()));
        row(h, "versions", "plugin " + card.versions().plugin() + ", DJL " + card.versions().djl() + ", PyTorch "
                + card.versions().pytorch() + ", Java " + card.versions().java());
        h.append("</table>\n");
    }

    private static void data(StringBuilder h, ReportContent c) {
        ModelCard card = c.card();
        if (card != null) {
            h.append("<h2 id=\"data\">Data</h2>\n<table>");
            row(h, "dataset", card.dataset());
            row(h, "training images", card.trainImages() + " x " + card.model().imageRows() + " x "
                    + card.model().imageColumns());
            row(h, "test images", card.testImages() + " x " + card.model().imageRows() + " x "
                    + card.model().imageColumns());
            row(h, "classes", String.join(", ", card.classNames()));
            for (DatasetFile f : DatasetFile.values()) {
                if (card.dataSha256().containsKey(f)) {
                    row(h, f.fileName() + " SHA-256", card.dataSha256().get(f));
                }
            }
            h.append("</table>\n");
        }
        if (c.images().containsKey(SampleGrid.FILE)) {
            image(h, ReportContent.PLOTS.get(SampleGrid.FILE), c.images().get(SampleGrid.FILE));
        }
    }

    private static void sweep(StringBuilder h, ReportContent c) {
        if (c.sweepRows().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"sweep\">Sweep: what does quality depend on?</h2>\n<table><tr><th>trial</th>");
        for (String n : c.sweepNames()) {
            h.append("<th>").append(esc(n)).append("</th>");
        }
        h.append("<th>final test accuracy</th><th>best test accuracy</th><th>test loss</th><th>parameters</th>"
                + "<th>seconds</th><th class=\"l\">diagnosis</th></tr>\n");
        for (SweepTable.Row r : c.sweepRows()) {
            h.append("<tr><td>").append(r.trial()).append("</td>");
            for (String n : c.sweepNames()) {
                h.append("<td>").append(esc(r.values().get(n))).append("</td>");
            }
            h.append(String.format(Locale.ROOT, "<td>%.2f%%</td><td>%.2f%%</td><td>%.4f</td><td>%,d</td>"
                            + "<td>%.1f</td><td class=\"l\">%s</td></tr>\n", 100 * r.finalTestAccuracy(),
                    100 * r.bestTestAccuracy(), r.testLoss(), r.trainableParameters(), r.trainingSeconds(),
                    esc(r.diagnosis())));
        }
        h.append("</table>\n<ul>");
        for (String line : SweepPlots.summary(c.sweepNames(), c.sweepRows(), Language.ENGLISH)) {
            h.append("<li>").append(esc(line)).append("</li>");
        }
        h.append("</ul>\n");
        for (Map.Entry<String, byte[]> img : c.sweepImages().entrySet()) {
            image(h, SweepPlots.caption(img.getKey(), Language.ENGLISH), img.getValue());
        }
    }

    private static void image(StringBuilder h, String caption, byte[] png) {
        h.append("<h3>").append(esc(caption)).append("</h3>\n<img alt=\"").append(esc(caption))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\">\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th class=\"l\">").append(esc(key)).append("</th><td class=\"l\">").append(esc(value))
                .append("</td></tr>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
