package dev.fashionmnist.report;

import dev.fashionmnist.data.AtomicFiles;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.evaluate.ConfusionMatrix;
import dev.fashionmnist.evaluate.GateThreshold;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.train.Diagnosis;
import dev.fashionmnist.train.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (images inline, no external requests) with the configuration, the
 * data, the network, the metrics per epoch, the plots, the per-class table, the gates and the diagnosis.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1000px;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}.fail{color:#b00020;font-weight:bold}"
            + ".pass{color:#1b7f1b;font-weight:bold}img{max-width:100%;border:1px solid #eee}"
            + ".progress{width:600px;height:18px;background:#e8e8e8;border:1px solid #999;margin:0.5em 0}"
            + ".progress div{height:100%;background:#0072b2}"
            + ".finding{background:#fff4e5;border-left:4px solid #ff9800;padding:0.5em 1em;margin:0.5em 0}";

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
                + "<title>Fashion-MNIST model report</title><style>" + STYLE + "</style></head><body>\n"
                + body(content, status) + "</body></html>\n";
        AtomicFiles.writeString(file, page);
    }

    /** The report's sections as HTML, for the standalone page and the Maven site. */
    public static String body(ReportContent c) {
        return body(c, "");
    }

    private static String body(ReportContent c, String status) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>Fashion-MNIST model report</h1>\n").append(status);
        ModelCard card = c.card();
        if (card != null) {
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
            h.append("</table>\n<h2 id=\"data\">Data</h2>\n<table>");
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
        if (!c.metrics().isEmpty()) {
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
            h.append("<h2 id=\"diagnosis\">Diagnosis</h2>\n");
            if (c.diagnosis().isEmpty()) {
                h.append("<p class=\"pass\">Healthy: no sign of over- or underfitting, divergence or slow "
                        + "learning.</p>\n");
            }
            for (Diagnosis.Finding f : c.diagnosis()) {
                h.append("<div class=\"finding\"><b>").append(esc(f.kind().label())).append("</b>: ")
                        .append(esc(f.evidence())).append(".<br>Try: ").append(esc(f.kind().remedies()))
                        .append("</div>\n");
            }
        }
        if (c.confusion() != null) {
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
        if (!c.gates().isEmpty()) {
            h.append("<h2 id=\"gates\">Quality gates</h2>\n<table><tr><th class=\"l\">gate</th><th class=\"l\">"
                    + "result</th><th class=\"l\">details</th></tr>\n");
            for (ReportContent.GateRow g : c.gates()) {
                h.append("<tr><td class=\"l\">").append(esc(g.gate())).append("</td><td class=\"l ")
                        .append(g.passed() ? "pass\">passed" : "fail\">failed").append("</td><td class=\"l\">")
                        .append(esc(g.message())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!c.images().isEmpty()) {
            h.append("<h2 id=\"plots\">Plots</h2>\n");
            for (Map.Entry<String, byte[]> img : c.images().entrySet()) {
                image(h, ReportContent.PLOTS.get(img.getKey()), img.getValue());
            }
        }
        if (!c.sweepRows().isEmpty()) {
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
            for (String line : SweepPlots.summary(c.sweepNames(), c.sweepRows())) {
                h.append("<li>").append(esc(line)).append("</li>");
            }
            h.append("</ul>\n");
            for (Map.Entry<String, byte[]> img : c.sweepImages().entrySet()) {
                image(h, SweepPlots.caption(img.getKey()), img.getValue());
            }
        }
        return h.toString();
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
