package dev.fashionmnist.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html during a training: refreshing with the progress while the run goes on, final when it ends. */
class LiveReportTest {
    @TempDir
    Path out;

    /** A usual run of four epochs: mlp 784-128-10 on all 60000 images, batches of 64, adam at 0.001. */
    private static final RunSetup SETUP = new RunSetup("mlp", List.of(128), 60_000, 64, "adam", 0.001, 4, 10, 0.1);

    private static EpochMetrics epoch(int n) {
        return EpochMetrics.builder().epoch(n).trainLoss(1.0 / n).trainAccuracy(0.6 + 0.05 * n).testLoss(1.1 / n)
                .testAccuracy(0.58 + 0.04 * n).learningRate(0.01).epochSeconds(2.0).trainImagesPerSecond(1000).build();
    }

    private String page() throws Exception {
        return Files.readString(out.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void refreshesWithTheProgressUntilTheRunEnds() throws Exception {
        RecordingLog log = new RecordingLog();
        RunStatus run = RunStatus.start(1, 4);
        List<EpochMetrics> history = new ArrayList<>();
        LiveReport.start(out, run, history, SETUP, log, Language.ENGLISH);
        assertTrue(log.infos.stream().anyMatch(l -> l.contains("reloads itself every 10 s")
                && l.endsWith(out.resolve(HtmlReport.FILE).toString())),
                "the log says where the page is: " + log.infos);
        String start = page();
        assertTrue(start.contains("<meta http-equiv=\"refresh\" content=\"10\">"), start);
        assertTrue(start.contains("epoch 1 of 4 running</b>; 0 of 4 epochs of this run done (0%)"), start);
        assertFalse(start.contains("<img"), "no curves before the first epoch");
        assertEquals(List.of("report.html"), files(), "nothing else, no temporary file");

        history.add(epoch(1));
        LiveReport.epochDone(out, run, history, SETUP, Language.ENGLISH);
        String one = page();
        assertTrue(one.contains("<meta http-equiv=\"refresh\" content=\"10\">"), one);
        assertTrue(one.contains("epoch 2 of 4 running</b>; 1 of 4 epochs of this run done (25%)"), one);
        assertEquals(2, one.split("<img ", -1).length - 1, "accuracy and loss curves so far");
        assertTrue(one.contains("width:25.0%"), "the progress bar a quarter full");
        assertTrue(one.contains("<p id=\"verdict\"><b>Diagnosis</b>: too early to tell: epoch 1 of 4 so far: over- "
                + "and underfitting show in the learning curves over at least 3 epochs; remedies below.</p>"), one);
        assertTrue(one.contains("Try: wait for the remaining epochs"), one);
        assertEquals(List.of("accuracy.png", "loss.png", "report.html"), files());

        history.add(epoch(2));
        LiveReport.epochDone(out, run, history, SETUP, Language.ENGLISH);
        MetricsCsv.start(out.resolve("metrics.csv"), history);
        LiveReport.finish(out, run.complete(), null, SETUP, Language.ENGLISH);
        String end = page();
        assertFalse(end.contains("http-equiv=\"refresh\""), "the final page no longer refreshes");
        assertTrue(end.contains("Training complete</b>: 2 of 4 planned epochs (stopped early)"), end);
        // the command that adds the evaluation writes this page also when a gate fails (a report goal would not run)
        assertTrue(end.contains("<code>mvn fashionmnist:evaluate</code> adds the evaluation and the gates to this "
                + "page, also when a gate fails."), end);
        assertFalse(end.contains("fashionmnist:report"), end);
        assertEquals(2, end.split("<img ", -1).length - 1);
        assertTrue(end.contains("<td>2</td>"), "the metrics table holds epoch 2");
        // stopped after 2 of 4 epochs: no more epochs to wait for
        assertTrue(end.contains("too early to tell: only 2 epochs: over- and underfitting show"), end);
        assertTrue(end.contains("Try: train at least 3 epochs (epochs=3) to read the learning curves"), end);
        assertFalse(end.contains("healthy"), end);
    }

    @Test
    void aFailedRunEndsThePageWithItsMessage() throws Exception {
        RunStatus run = RunStatus.start(3, 5);
        List<EpochMetrics> history = new ArrayList<>(List.of(epoch(1), epoch(2)));
        LiveReport.start(out, run, history, SETUP, new RecordingLog(), Language.ENGLISH);
        String start = page();
        assertTrue(start.contains("epoch 3 of 5 running</b>; 0 of 3 epochs of this run done"), start);
        assertEquals(2, start.split("<img ", -1).length - 1, "a resumed run shows the epochs it continues");
        MetricsCsv.start(out.resolve("metrics.csv"), history);
        LiveReport.finish(out, run.failed("Training diverged in epoch 3: the loss became NaN <x>"), null, SETUP,
                Language.ENGLISH);
        String end = page();
        assertFalse(end.contains("http-equiv=\"refresh\""), end);
        assertTrue(end.contains("Training failed</b> after 0 of 3 epochs: Training diverged in epoch 3: the loss "
                + "became NaN &lt;x&gt;"), end);
    }

    @Test
    void progressSaysHowLongTheRunHasTaken() {
        Instant now = Instant.now();
        RunStatus run = new RunStatus("r", RunStatus.RUNNING, 1, 2, now.minusSeconds(75).toString(), null);
        EpochMetrics first = epoch(1);
        String status = LiveReport.status(run, List.of(first), now, Language.ENGLISH);
        assertTrue(status.contains("epoch 2 of 2 running</b>; 1 of 2 epochs of this run done (50%), 1 min 15 s so far"),
                status);
    }

    @Test
    void aGermanPageAndLogLine() throws Exception {
        RecordingLog german = new RecordingLog(Language.GERMAN);
        List<String> infos = german.infos;
        RunStatus run = RunStatus.start(1, 4);
        LiveReport.start(out, run, new ArrayList<>(), SETUP, german, Language.GERMAN);
        assertEquals(List.of("Bericht, nach jeder Epoche aktualisiert (öffne ihn im Browser, er lädt sich alle 10 s "
                + "neu): " + out.resolve(HtmlReport.FILE)), infos);
        String start = page();
        assertTrue(start.contains("<html lang=\"de\">"), start);
        assertTrue(start.contains("<h1>Fashion-MNIST-Modellbericht</h1>"), start);
        assertTrue(start.contains("<b>Training: Epoche 1 von 4 läuft</b>; 0 von 4 Epochen dieses Laufs fertig (0 %), "
                + "bisher "), start);
        assertTrue(start.contains(" s.<br>Diese Seite lädt sich alle 10 s neu, bis das Training endet."), start);

        List<EpochMetrics> history = new ArrayList<>(List.of(epoch(1), epoch(2)));
        MetricsCsv.start(out.resolve("metrics.csv"), history);
        LiveReport.finish(out, run.complete(), null, SETUP, Language.GERMAN);
        String end = page();
        assertTrue(end.contains("<b class=\"pass\">Training abgeschlossen</b>: 2 von 4 geplanten Epochen (vorzeitig "
                + "beendet)"), end);
        assertTrue(end.contains("<h2 id=\"metrics\">Metriken pro Epoche</h2>"), end);
        // epoch 2: train loss 0.5, train accuracy 70%, test loss 0.55, test accuracy 66%, 2.0 s, 1000 images/s
        assertTrue(end.contains("<tr><td>2</td><td>0,5000</td><td>70,00 %</td><td>0,5500</td><td>66,00 %</td>"
                + "<td>0,0100</td><td>2,0</td><td>1000</td></tr>"), end);
    }

    @Test
    void germanProgressHasADecimalComma() {
        Instant now = Instant.now();
        RunStatus running = new RunStatus("r", RunStatus.RUNNING, 1, 4, now.minusSeconds(75).toString(), null);
        EpochMetrics half = EpochMetrics.builder().evaluatedAt(2.5).trainLoss(0.5).trainAccuracy(0.7).testLoss(0.6)
                .testAccuracy(0.65).learningRate(0.01).epochSeconds(2.0).trainImagesPerSecond(1000).build();
        assertEquals("<div id=\"training\" class=\"finding\"><b>Training: Epoche 3 von 4 läuft</b>; 2,5 von 4 "
                + "Epochen dieses Laufs fertig (63 %), bisher 1 min 15 s.<br>Diese Seite lädt sich alle 10 s neu, bis "
                + "das Training endet.<div class=\"progress\" title=\"63%\"><div style=\"width:62.5%\"></div></div>"
                + "</div>\n",
                LiveReport.status(running, List.of(epoch(1), half), now, Language.GERMAN));
        RunStatus failed = new RunStatus("r", RunStatus.FAILED, 1, 4, null, "Verlust <NaN>");
        assertTrue(LiveReport.status(failed, List.of(epoch(1), half), now, Language.GERMAN).startsWith(
                "<div id=\"training\" class=\"finding\"><b class=\"fail\">Training fehlgeschlagen</b> nach 2,5 von "
                        + "4 Epochen: Verlust &lt;NaN&gt;<div"));
    }
}
