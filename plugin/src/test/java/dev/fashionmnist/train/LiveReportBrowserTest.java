package dev.fashionmnist.train;

import static dev.fashionmnist.testing.PlotPixels.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.testing.HeadlessChromium;
import dev.fashionmnist.testing.PlotPixels;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a real training, seen by a real browser (headless Chromium): at the start, while the first batch
 * has just been trained, the page refreshes itself and shows an empty progress bar and no curves; at the end it no
 * longer refreshes and shows a full progress bar and both learning curves.
 */
class LiveReportBrowserTest {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 2400;
    private static final Color TRAIN = new Color(0x00, 0x72, 0xb2);
    private static final Color TEST = new Color(0xe6, 0x9f, 0x00);
    private static final Color TRACK = new Color(0xe8, 0xe8, 0xe8);

    @TempDir
    Path work;

    private record Look(String dom, BufferedImage screenshot) {
    }

    private static Look look(HeadlessChromium browser, Path page, Path png) throws Exception {
        browser.screenshot(page, png, WIDTH, HEIGHT);
        return new Look(browser.dom(page), PlotPixels.read(png));
    }

    @Test
    void refreshesWhileTrainingRunsAndIsFinalAtTheEnd() throws Exception {
        HeadlessChromium browser = HeadlessChromium.find(work);
        Path out = work.resolve("out");
        Path page = out.resolve(HtmlReport.FILE);
        RecordingLog log = new RecordingLog();
        AtomicReference<Look> atStart = new AtomicReference<>();
        AtomicReference<Exception> problem = new AtomicReference<>();
        // called on the training thread after each batch: the first call looks at the page before epoch 1 ends
        TrainingProgress firstBatch = (epoch, lastEpoch, done, total, seconds, running) -> {
            if (atStart.get() == null && problem.get() == null) {
                try {
                    atStart.set(look(browser, page, work.resolve("start.png")));
                } catch (Exception e) {
                    problem.set(e);
                }
            }
        };
        new Training(TrainingTest.job(out, "mlp", null, 1000, 500, 2, false, 11), log, firstBatch)
                .run(RealData.load());
        if (problem.get() != null) {
            throw problem.get();
        }
        Look start = atStart.get();
        Look end = look(browser, page, work.resolve("end.png"));
        assertTrue(log.infos.stream().anyMatch(l -> l.endsWith(page.toString())), "the log names the page: "
                + log.infos);

        assertTrue(start.dom().contains("http-equiv=\"refresh\" content=\"10\""), "refreshes at the start");
        assertTrue(start.dom().contains("epoch 1 of 2 running"), start.dom());
        assertFalse(start.dom().contains("<img"), "no curves before an epoch ended");
        assertFalse(end.dom().contains("http-equiv=\"refresh\""), "the final page does not refresh");
        assertTrue(end.dom().contains("Training complete"), end.dom());
        assertEquals(2, end.dom().split("<img ", -1).length - 1, "accuracy and loss curves");

        Rectangle all = new Rectangle(0, 0, WIDTH, HEIGHT);
        long track = count(start.screenshot(), all, TRACK, 3);
        assertTrue(track > 5000, "the empty progress bar is drawn: " + track + " pixels");
        assertEquals(0, count(start.screenshot(), all, TRAIN, 6), "no progress and no curves at the start");
        assertEquals(0, count(start.screenshot(), all, TEST, 6), "no curves at the start");
        long bar = count(end.screenshot(), all, TRAIN, 6);
        assertTrue(bar > 10_000, "the full progress bar and the train curves: " + bar + " pixels");
        assertTrue(count(end.screenshot(), all, TEST, 6) > 200, "the test curves are drawn in the browser");
        // above the curves (scaled down side by side, their antialiased grid lines have the track's grey too)
        int curvesTop = 0;
        while (curvesTop < HEIGHT && count(end.screenshot(), new Rectangle(0, curvesTop, WIDTH, 1), TEST, 6) == 0) {
            curvesTop++;
        }
        long left = count(end.screenshot(), new Rectangle(0, 0, WIDTH, curvesTop), TRACK, 3);
        assertTrue(left < track / 4, "the bar's track is filled at the end: " + left + " of " + track + " pixels");
    }
}
