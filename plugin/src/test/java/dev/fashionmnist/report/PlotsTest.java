package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.DatasetCatalog;
import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.report.plot.Charts;
import dev.fashionmnist.report.plot.ConfusionHeatmap;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.report.plot.MistakesGrid;
import dev.fashionmnist.report.plot.SampleGrid;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.PlotPixels;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning curves, the confusion heat map and the grid of mistakes as real PNG files. */
class PlotsTest {
    @TempDir
    Path dir;

    private static List<EpochMetrics> epochs() {
        List<EpochMetrics> list = new ArrayList<>();
        double[] trainLoss = {0.9, 0.6, 0.45, 0.38, 0.33};
        double[] testLoss = {0.7, 0.55, 0.5, 0.49, 0.5};
        for (int i = 0; i < 5; i++) {
            // trained with label smoothing: the objective lies above the train loss and is not plotted
            list.add(EpochMetrics.builder().epoch(i + 1).trainLoss(trainLoss[i]).trainObjective(trainLoss[i] + 0.4)
                    .trainAccuracy(0.7 + 0.05 * i)
                    .testLoss(testLoss[i]).testAccuracy(0.72 + 0.03 * i).learningRate(0.001).epochSeconds(2.5)
                    .trainImagesPerSecond(1200).build());
        }
        return list;
    }

    private static Set<Integer> colours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    private static long pixelsOf(BufferedImage img, Color colour) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static List<String> files(Path directory) throws Exception {
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertCurves(Path png) throws Exception {
        BufferedImage img = PlotPixels.read(png);
        assertEquals(LearningCurves.WIDTH, img.getWidth());
        assertEquals(LearningCurves.HEIGHT, img.getHeight());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        Set<Integer> colours = colours(img);
        assertTrue(colours.size() > 10, png + " is not blank: " + colours.size() + " colours");
        assertTrue(pixelsOf(img, Color.WHITE) > img.getWidth() * img.getHeight() / 4, "white background");
        // both lines (2 px over 4 epoch steps across the plot) and their markers are drawn in the series colours
        assertTrue(pixelsOf(img, Charts.TRAIN) > 200, png + ": train colour " + pixelsOf(img, Charts.TRAIN));
        assertTrue(pixelsOf(img, Charts.TEST) > 200, png + ": test colour " + pixelsOf(img, Charts.TEST));
    }

    @Test
    void learningCurvesAreTwoPlotsWithTrainAndTestLines() throws Exception {
        LearningCurves.write(epochs(), dir, Language.ENGLISH);
        assertCurves(dir.resolve(LearningCurves.ACCURACY));
        assertCurves(dir.resolve(LearningCurves.LOSS));
        assertEquals(List.of("accuracy.png", "loss.png"), files(dir), "no temporary files left");
    }

    @Test
    void learningCurvesAreRewrittenInPlace() throws Exception {
        List<EpochMetrics> all = epochs();
        LearningCurves.write(all.subList(0, 1), dir, Language.ENGLISH);
        byte[] one = Files.readAllBytes(dir.resolve(LearningCurves.LOSS));
        LearningCurves.write(all, dir, Language.ENGLISH);
        byte[] five = Files.readAllBytes(dir.resolve(LearningCurves.LOSS));
        assertTrue(!java.util.Arrays.equals(one, five), "the plot of five epochs replaces that of one");
        assertEquals(List.of("accuracy.png", "loss.png"), files(dir), "no temporary files left");
    }

    @Test
    void confusionHeatmap() throws Exception {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("Cat", "Dog", "Bird"));
        int[][] counts = {{8, 1, 1}, {2, 6, 2}, {0, 3, 7}};
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                for (int k = 0; k < counts[t][p]; k++) {
                    m.add(t, p);
                }
            }
        }
        Path png = dir.resolve(ConfusionHeatmap.FILE);
        ConfusionHeatmap.write(m, "pets", png, Language.ENGLISH);
        BufferedImage img = PlotPixels.read(png);
        assertEquals(900, img.getWidth());
        assertEquals(800, img.getHeight());
        assertEquals(ConfusionHeatmap.WIDTH, img.getWidth());
        assertEquals(ConfusionHeatmap.HEIGHT, img.getHeight());
        Set<Integer> colours = colours(img);
        assertTrue(colours.size() > 10, "not blank: " + colours.size() + " colours");
        // each cell is a block in its row share's shade of blue: Cat->Cat 8/10, Dog->Dog 6/10
        assertTrue(pixelsOf(img, new Color(57, 89, 137)) > 10_000, "Cat->Cat cell (0.8)");
        assertTrue(pixelsOf(img, new Color(107, 131, 166)) > 10_000, "Dog->Dog cell (0.6)");
        assertTrue(pixelsOf(img, new Color(82, 110, 151)) > 10_000, "Bird->Bird cell (0.7)");
        assertEquals(List.of(ConfusionHeatmap.FILE), files(dir), "no temporary files left");
    }

    @Test
    void mistakesGrid() throws Exception {
        int count = 10;
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 28 * 28; p++) {
                pixels[i * 784 + p] = (byte) ((p % 28) * 9 + i);
            }
        }
        IdxImages images = new IdxImages(count, 28, 28, pixels);
        List<EvaluationResult.Mistake> mistakes = List.of(new EvaluationResult.Mistake(2, 0, 1),
                new EvaluationResult.Mistake(5, 1, 2), new EvaluationResult.Mistake(9, 2, 0));
        Path png = dir.resolve("grid/" + MistakesGrid.FILE);
        MistakesGrid.write(images, mistakes, List.of("Cat", "Dog", "Bird"), "pets", png, Language.ENGLISH);
        BufferedImage img = PlotPixels.read(png);
        // two title lines (true, predicted) and a legend on top
        int[] size = SampleGrid.size(28, 28, 2, true);
        assertEquals(size[0], img.getWidth());
        assertEquals(size[1], img.getHeight());
        assertTrue(colours(img).size() > 10, "not blank");
        // three cells drawn: the fourth cell of the first row is plain white
        int cellW = (size[0] - 8) / SampleGrid.COLUMNS;
        int top = SampleGrid.LEGEND;
        int cellH = (size[1] - top - 8) / SampleGrid.ROWS;
        for (int y = top; y < top + cellH; y++) {
            for (int x = 3 * cellW + 8; x < 4 * cellW; x++) {
                assertEquals(0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF, "empty cell at " + x + "," + y);
            }
        }
        long dark = 0;
        for (int y = top; y < top + cellH; y++) {
            for (int x = 0; x < 3 * cellW; x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 3 * 28 * 28, "three images drawn: " + dark);
        assertEquals(List.of(MistakesGrid.FILE), files(png.getParent()), "no temporary files left");
    }

    /** Fashion-MNIST's class names as the dataset writes them. */
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Test
    void learningCurvesInGermanWithTheirTitlesInThePng() throws Exception {
        assertCurvesIn(Language.GERMAN, List.of("Genauigkeit pro Epoche", "Verlust pro Epoche", "Epoche",
                "Genauigkeit", "Training", "Test", "0,75", "Verlust (Kreuzentropie)",
                "Trainingsverlust (Kreuzentropie)", "Testverlust (Kreuzentropie)"));
        keep(dir.resolve(LearningCurves.ACCURACY), "de-");
        keep(dir.resolve(LearningCurves.LOSS), "de-");
    }

    @Test
    void learningCurvesInEnglishAsBefore() throws Exception {
        assertCurvesIn(Language.ENGLISH, List.of("Accuracy per epoch", "Loss per epoch", "epoch", "accuracy", "train",
                "test", "0.75", "loss (cross entropy)", "train loss (cross entropy)", "test loss (cross entropy)"));
    }

    /**
     * Writes the curves in {@code language} and checks the words: the two PNGs' titles (also in their title chunks,
     * tagged with the language), the axes, the legend, and how a tick of 0.75 is written.
     */
    private void assertCurvesIn(Language language, List<String> words) throws Exception {
        LearningCurves.write(epochs(), dir, language);
        assertEquals(words.get(0), PlotPixels.title(dir.resolve(LearningCurves.ACCURACY)));
        assertEquals(words.get(1), PlotPixels.title(dir.resolve(LearningCurves.LOSS)));
        assertEquals(language.tag(), PlotPixels.titleLanguage(dir.resolve(LearningCurves.LOSS)));
        assertCurves(dir.resolve(LearningCurves.ACCURACY));
        assertCurves(dir.resolve(LearningCurves.LOSS));
        assertEquals(List.of("accuracy.png", "loss.png"), files(dir), "no temporary files left");
        XYPlot plot = drawn(LearningCurves.accuracyChart(words.get(0), epochs(), language));
        assertEquals(words.get(2), plot.getDomainAxis().getLabel());
        assertEquals(words.get(3), plot.getRangeAxis().getLabel());
        assertEquals(words.subList(4, 6), List.of(plot.getDataset().getSeriesKey(0),
                plot.getDataset().getSeriesKey(1)));
        assertEquals(words.get(6), ((NumberAxis) plot.getRangeAxis()).getTickUnit().valueToString(0.75),
                "the ticks' decimal separator");
        // the loss plot's two curves are one quantity, and say so
        XYPlot loss = drawn(LearningCurves.lossChart(words.get(1), epochs(), language));
        assertEquals(words.subList(7, 10), List.of(loss.getRangeAxis().getLabel(), loss.getDataset().getSeriesKey(0),
                loss.getDataset().getSeriesKey(1)));
        assertEquals(epochs().get(4).trainLoss(), loss.getDataset().getYValue(0, 4), 0.0);
        assertEquals(epochs().get(4).testLoss(), loss.getDataset().getYValue(1, 4), 0.0);
    }

    @Test
    void theSameCurvesGiveTheSameBytes() throws Exception {
        byte[] first = LearningCurves.write(epochs(), dir, Language.GERMAN).get(LearningCurves.LOSS);
        byte[] again = LearningCurves.write(epochs(), dir, Language.GERMAN).get(LearningCurves.LOSS);
        assertTrue(java.util.Arrays.equals(first, again), "byte-reproducible");
        assertTrue(java.util.Arrays.equals(again, Files.readAllBytes(dir.resolve(LearningCurves.LOSS))));
    }

    /** The plot of {@code chart} after drawing it once (which chooses the ticks). */
    private static XYPlot drawn(JFreeChart chart) {
        chart.createBufferedImage(LearningCurves.WIDTH, LearningCurves.HEIGHT);
        return chart.getXYPlot();
    }

    private static ConfusionMatrix tenThousand() {
        ConfusionMatrix m = ConfusionMatrix.empty(FASHION);
        for (int i = 0; i < 10_000; i++) {
            m.add(i % 10, i % 10 == 6 && i % 3 == 0 ? 0 : i % 10);
        }
        return m;
    }

    @Test
    void confusionHeatmapInGermanWithGermanClassNames() throws Exception {
        JFreeChart chart = ConfusionHeatmap.chart(tenThousand(), DatasetCatalog.FASHION_MNIST, Language.GERMAN);
        assertEquals("Konfusionsmatrix (10.000 Testbilder)", chart.getTitle().getText());
        SymbolAxis across = (SymbolAxis) chart.getXYPlot().getDomainAxis();
        SymbolAxis down = (SymbolAxis) chart.getXYPlot().getRangeAxis();
        assertEquals("vorhergesagte Klasse", across.getLabel());
        assertEquals("wahre Klasse", down.getLabel());
        List<String> german = List.of("T-Shirt/Top", "Hose", "Pullover", "Kleid", "Mantel", "Sandale", "Hemd",
                "Sneaker", "Tasche", "Stiefelette");
        assertEquals(german, List.of(across.getSymbols()));
        assertEquals(german, List.of(down.getSymbols()));
        Path png = dir.resolve(ConfusionHeatmap.FILE);
        ConfusionHeatmap.write(tenThousand(), DatasetCatalog.FASHION_MNIST, png, Language.GERMAN);
        assertEquals("Konfusionsmatrix (10.000 Testbilder)", PlotPixels.title(png));
        keep(png, "de-");
    }

    @Test
    void confusionHeatmapInEnglishKeepsTheDatasetsNames() throws Exception {
        JFreeChart chart = ConfusionHeatmap.chart(tenThousand(), DatasetCatalog.FASHION_MNIST, Language.ENGLISH);
        assertEquals("Confusion matrix (10000 test images)", chart.getTitle().getText());
        assertEquals("predicted class", chart.getXYPlot().getDomainAxis().getLabel());
        assertEquals("true class", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals(FASHION, List.of(((SymbolAxis) chart.getXYPlot().getDomainAxis()).getSymbols()));
    }

    @Test
    void mistakesGridInGerman() throws Exception {
        assertEquals("wahr: Hemd\nerkannt: T-Shirt/Top", MistakesGrid.title(Language.GERMAN, "Hemd", "T-Shirt/Top"));
        byte[] pixels = new byte[10 * 784];
        java.util.Arrays.fill(pixels, (byte) 255);
        List<EvaluationResult.Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mistakes.add(new EvaluationResult.Mistake(i, 9 - i, i));
        }
        Path png = dir.resolve(MistakesGrid.FILE);
        MistakesGrid.write(new IdxImages(10, 28, 28, pixels), mistakes, FASHION, DatasetCatalog.FASHION_MNIST, png,
                Language.GERMAN);
        String legend = "wahr: die Klasse des Testbilds (schwarz)   erkannt: die Vorhersage des Modells (rot)";
        assertEquals(legend, PlotPixels.title(png));
        assertEquals("de", PlotPixels.titleLanguage(png));
        BufferedImage img = PlotPixels.read(png);
        // the German legend ends before the picture's right edge: no ink in its last 40 columns
        java.awt.Rectangle end = new java.awt.Rectangle(img.getWidth() - 40, 0, 40, SampleGrid.LEGEND);
        assertEquals(0, PlotPixels.ink(img, end), "the legend fits");
        assertTrue(PlotPixels.ink(img, new java.awt.Rectangle(0, 0, img.getWidth(), SampleGrid.LEGEND)) > 200);
        keep(png, "de-");
    }

    /** Copies {@code png} to target/pictures when -Dpictures.keep is set, to look at it. */
    private static void keep(Path png, String prefix) throws Exception {
        if (System.getProperty("pictures.keep") != null) {
            Path to = Files.createDirectories(Path.of("target/pictures"));
            Files.copy(png, to.resolve(prefix + png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
