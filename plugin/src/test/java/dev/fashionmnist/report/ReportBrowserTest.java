package dev.fashionmnist.report;

import static dev.fashionmnist.testing.PlotPixels.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.report.html.ReportContent;
import dev.fashionmnist.report.plot.Charts;
import dev.fashionmnist.report.plot.ConfusionHeatmap;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.report.plot.MistakesGrid;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.HeadlessChromium;
import dev.fashionmnist.testing.PlotPixels;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.train.Training;
import dev.fashionmnist.train.TrainingTest;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a really trained and evaluated model, seen by a real browser (headless Chromium) in a window 1280 px
 * wide and 900 px high, as a reader opens it: the summary and both learning curves are visible without scrolling. The
 * curves are found by their test colour, which nothing else on the page uses; the same page in a window 3000 px high
 * shows that no part of them lies below the first screen; the same holds for the German report.
 */
class ReportBrowserTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static final int TALL = 3000;
    /** The most screenshots taken of one window size until two agree. */
    private static final int SHOTS = 5;
    private static final Color SUMMARY = new Color(0xf4, 0xf8, 0xfb);

    @TempDir
    static Path trained;
    @TempDir
    Path work;

    private static ModelCard card;
    private static ConfusionMatrix matrix;
    private static List<EvaluationResult.Mistake> mistakes;

    /** A model trained on 300 real images for 3 epochs, evaluated, with gates: the outputs report.html is made of. */
    @BeforeAll
    static void trainAndEvaluate() throws Exception {
        card = new Training(TrainingTest.job(trained, "mlp", null, 300, 200, 3, false, 5),
                BuildLog.console(), TrainingProgress.NONE).run(RealData.load());
        matrix = ConfusionMatrix.empty(card.classNames());
        for (int c = 0; c < matrix.classCount(); c++) {
            for (int k = 0; k < 10; k++) {
                matrix.add(c, k < 7 ? c : (c + 3) % matrix.classCount());
            }
        }
        mistakes = List.of(new EvaluationResult.Mistake(0, 9, 0), new EvaluationResult.Mistake(1, 2, 6),
                new EvaluationResult.Mistake(2, 1, 3));
        EvaluationResult result = new EvaluationResult(matrix, 0.8, mistakes);
        EvaluationReports.write(result, trained);
        Gates gates = new Gates(0.9, 0.5, 1.0);
        JUnitReport.write(trained.resolve(JUnitReport.FILE), new JUnitReport.Run(JUnitReportTest.run("", 0).timestamp(),
                "ci-runner-7", 0.1, JUnitReport.properties(card, gates, result, "cpu"), "accuracy 70.00%"),
                gates.check(result, card.dataset()));
    }

    @Test
    void summaryAndBothCurvesAreOnTheFirstScreen() throws Exception {
        firstScreenHoldsTheSummaryAndBothCurves(Language.ENGLISH);
    }

    /**
     * The German report in the browser: its language, German headings and numbers with a decimal comma in the page
     * Chromium built, and the same first screen (longer German words push nothing below it).
     */
    @Test
    void aGermanReportLooksRightInTheBrowser() throws Exception {
        Path page = firstScreenHoldsTheSummaryAndBothCurves(Language.GERMAN);
        String dom = HeadlessChromium.find(work).dom(page);
        assertTrue(dom.contains("<html lang=\"de\">"), dom.substring(0, 200));
        for (String part : List.of("<h1>Fashion-MNIST-Modellbericht</h1>", "Testgenauigkeit <b>70,00 %</b> auf 100 "
                + "Testbildern, Verlust 0,8000, Makro-F1 ", "Qualitätsgrenzen: ",
                "<td>70,00 %</td><td>\u2265 90,00 %</td>",
                "<td>70,00 % (niedrigste: T-Shirt/Top)</td><td>\u2265 50,00 % in jeder Klasse</td>",
                "<h2 id=\"metrics\">Metriken pro Epoche</h2>", "<h2 id=\"configuration\">Konfiguration</h2>",
                "<td class=\"l\">Stiefelette</td>", "<h3>Genauigkeit pro Epoche: Training und Test</h3>")) {
            assertTrue(dom.contains(part), "'" + part + "' in the page as Chromium built it");
        }
    }

    /** The report in {@code language}, seen in the browser: summary and both curves on the first screen. */
    private Path firstScreenHoldsTheSummaryAndBothCurves(Language language) throws Exception {
        // the plots as the report goal draws them: in the report's language
        LearningCurves.write(MetricsCsv.read(trained.resolve("metrics.csv")), trained, language);
        ConfusionHeatmap.write(matrix, card.dataset(), trained.resolve(ConfusionHeatmap.FILE), language);
        MistakesGrid.write(RealData.load().testImages(), mistakes, card.classNames(), card.dataset(),
                trained.resolve(MistakesGrid.FILE), language);
        Path page = work.resolve(HtmlReport.FILE);
        HtmlReport.write(ReportContent.collect(trained, language), page);

        HeadlessChromium browser = HeadlessChromium.find(work);
        BufferedImage screen = settled(browser, page, work.resolve("first-screen.png"), HEIGHT);
        BufferedImage tall = settled(browser, page, work.resolve("tall.png"), TALL);
        assertEquals(WIDTH, screen.getWidth());
        assertEquals(HEIGHT, screen.getHeight());

        // both curves: the accuracy curve on the left, the loss curve on the right, each with its test line
        long left = count(screen, new Rectangle(0, 0, WIDTH / 2, HEIGHT), Charts.TEST, 6);
        long right = count(screen, new Rectangle(WIDTH / 2, 0, WIDTH / 2, HEIGHT), Charts.TEST, 6);
        assertTrue(left > 100, "the accuracy curve's test line on the first screen: " + left + " pixels");
        assertTrue(right > 100, "the loss curve's test line on the first screen: " + right + " pixels");
        long all = count(tall, new Rectangle(0, 0, WIDTH, TALL), Charts.TEST, 6);
        assertEquals(all, left + right, "every pixel of the curves' test lines is on the first screen (in the tall "
                + "window their last row is " + lastRowWith(tall, Charts.TEST, 6) + ", the first screen ends at "
                + HEIGHT + ")");

        // the summary (its background) is on the first screen, above the curves
        Rectangle screenArea = new Rectangle(0, 0, WIDTH, HEIGHT);
        assertTrue(count(screen, screenArea, SUMMARY, 1) > 20_000, "the summary is on the first screen");
        // rows that the summary's background crosses (antialiased blue lines in the charts have single such pixels)
        int summaryBottom = lastRow(screen, SUMMARY, 1);
        int curvesTop = firstRow(screen, Charts.TEST, 6);
        assertTrue(summaryBottom < curvesTop, "the summary (to row " + summaryBottom
                + ") is above the curves (from row " + curvesTop + ")");
        return page;
    }

    /**
     * A screenshot of {@code page} in a window {@code height} px high, taken again until two in a row show the same
     * number of curve pixels (at most {@value #SHOTS} shots): a loaded machine may capture the page before every part
     * of it is painted, and a picture still being painted must not count as the page.
     */
    private static BufferedImage settled(HeadlessChromium browser, Path page, Path png, int height) throws Exception {
        Rectangle area = new Rectangle(0, 0, WIDTH, height);
        browser.screenshot(page, png, WIDTH, height);
        BufferedImage shot = PlotPixels.read(png);
        for (int k = 1; k < SHOTS; k++) {
            browser.screenshot(page, png, WIDTH, height);
            BufferedImage again = PlotPixels.read(png);
            boolean same = count(again, area, Charts.TEST, 6) == count(shot, area, Charts.TEST, 6);
            shot = again;
            if (same) {
                break;
            }
        }
        return shot;
    }

    private static int firstRow(BufferedImage img, Color colour, int tolerance) {
        for (int y = 0; y < img.getHeight(); y++) {
            if (count(img, new Rectangle(0, y, img.getWidth(), 1), colour, tolerance) > 0) {
                return y;
            }
        }
        return img.getHeight();
    }

    /** The last row with any pixel of {@code colour}. */
    private static int lastRowWith(BufferedImage img, Color colour, int tolerance) {
        for (int y = img.getHeight() - 1; y >= 0; y--) {
            if (count(img, new Rectangle(0, y, img.getWidth(), 1), colour, tolerance) > 0) {
                return y;
            }
        }
        return -1;
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
