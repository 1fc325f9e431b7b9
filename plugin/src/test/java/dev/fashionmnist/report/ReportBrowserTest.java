package dev.fashionmnist.report;

import static dev.fashionmnist.report.PlotPixels.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a really trained and evaluated model, seen by a real browser (headless Chromium) in a window 1280 px
 * wide and 900 px high, as a reader opens it: the summary and both learning curves are visible without scrolling. The
 * curves are found by their test colour, which nothing else on the page uses; the same page in a window 3000 px high
 * shows that no part of them lies below the first screen.
 */
class ReportBrowserTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static final int TALL = 3000;
    private static final Color SUMMARY = new Color(0xf4, 0xf8, 0xfb);

    @TempDir
    Path work;

    @Test
    void summaryAndBothCurvesAreOnTheFirstScreen() throws Exception {
        Path out = work.resolve("out");
        ModelCard card = new Training(TrainingTest.job(out, "mlp", null, 300, 200, 3, false, 5), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        ConfusionMatrix m = ConfusionMatrix.empty(card.classNames());
        for (int c = 0; c < m.classCount(); c++) {
            for (int k = 0; k < 10; k++) {
                m.add(c, k < 7 ? c : (c + 3) % m.classCount());
            }
        }
        List<EvaluationResult.Mistake> mistakes = List.of(new EvaluationResult.Mistake(0, 9, 0),
                new EvaluationResult.Mistake(1, 2, 6), new EvaluationResult.Mistake(2, 1, 3));
        EvaluationResult result = new EvaluationResult(m, 0.8, mistakes);
        EvaluationReports.write(result, out);
        ConfusionHeatmap.write(m, card.dataset(), out.resolve(ConfusionHeatmap.FILE), Language.ENGLISH);
        MistakesGrid.write(RealData.load().testImages(), mistakes, card.classNames(), card.dataset(),
                out.resolve(MistakesGrid.FILE), Language.ENGLISH);
        JUnitReport.write(out.resolve(JUnitReport.FILE), JUnitReportTest.run("accuracy 70.00%", 0.1),
                new Gates(0.9, 0.5, 1.0).check(result));
        Path page = out.resolve(HtmlReport.FILE);
        HtmlReport.write(ReportContent.collect(out, Language.ENGLISH), page);

        HeadlessChromium browser = HeadlessChromium.find(work);
        browser.screenshot(page, work.resolve("first-screen.png"), WIDTH, HEIGHT);
        browser.screenshot(page, work.resolve("tall.png"), WIDTH, TALL);
        BufferedImage screen = PlotPixels.read(work.resolve("first-screen.png"));
        BufferedImage tall = PlotPixels.read(work.resolve("tall.png"));
        assertEquals(WIDTH, screen.getWidth());
        assertEquals(HEIGHT, screen.getHeight());

        // both curves: the accuracy curve on the left, the loss curve on the right, each with its test line
        long left = count(screen, new Rectangle(0, 0, WIDTH / 2, HEIGHT), Charts.TEST, 6);
        long right = count(screen, new Rectangle(WIDTH / 2, 0, WIDTH / 2, HEIGHT), Charts.TEST, 6);
        assertTrue(left > 100, "the accuracy curve's test line on the first screen: " + left + " pixels");
        assertTrue(right > 100, "the loss curve's test line on the first screen: " + right + " pixels");
        long all = count(tall, new Rectangle(0, 0, WIDTH, TALL), Charts.TEST, 6);
        assertEquals(all, left + right, "every pixel of the curves' test lines is on the first screen");

        // the summary (its background) is on the first screen, above the curves
        Rectangle screenArea = new Rectangle(0, 0, WIDTH, HEIGHT);
        assertTrue(count(screen, screenArea, SUMMARY, 1) > 20_000, "the summary is on the first screen");
        // rows that the summary's background crosses (antialiased blue lines in the charts have single such pixels)
        int summaryBottom = lastRow(screen, SUMMARY, 1);
        int curvesTop = firstRow(screen, Charts.TEST, 6);
        assertTrue(summaryBottom < curvesTop, "the summary (to row " + summaryBottom + ") is above the curves (from row "
                + curvesTop + ")");
    }

    private static int firstRow(BufferedImage img, Color colour, int tolerance) {
        for (int y = 0; y < img.getHeight(); y++) {
            if (count(img, new Rectangle(0, y, img.getWidth(), 1), colour, tolerance) > 0) {
                return y;
            }
        }
        return img.getHeight();
    }

    /** The last row more than half of which has {@code colour}: a band across the page, not a stray pixel. */
    private static int lastRow(BufferedImage img, Color colour, int tolerance) {
        for (int y = img.getHeight() - 1; y >= 0; y--) {
            if (count(img, new Rectangle(0, y, img.getWidth(), 1), colour, tolerance) > img.getWidth() / 2) {
                return y;
            }
        }
        return -1;
    }
}
