package dev.fashionmnist.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.IdxLabels;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.PlotPixels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {
    @TempDir
    Path dir;

    @Test
    void writesA3By6GridWithDarkInkOnWhite() throws Exception {
        int count = 20;
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++) {
            for (int p = 10 * 28; p < 18 * 28; p++) {
                pixels[i * 784 + p] = (byte) 255; // a white bar in each image
            }
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 3);
        }
        Path png = dir.resolve("out/samples.png");
        SampleGrid.write(new IdxImages(count, 28, 28, pixels), new IdxLabels(labels), List.of("Cat", "Dog", "Bird"),
                "pets", png, Language.ENGLISH);
        BufferedImage img = ImageIO.read(png.toFile());
        int[] size = SampleGrid.size(28, 28);
        assertEquals(size[0], img.getWidth());
        assertEquals(size[1], img.getHeight());
        assertTrue(img.getWidth() > 6 * 28 && img.getHeight() > 3 * 28);
        long dark = 0;
        long light = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int grey = img.getRGB(x, y) & 0xFF;
                if (grey < 40) {
                    dark++;
                } else if (grey > 215) {
                    light++;
                }
            }
        }
        // 18 bars of 8×28 source pixels, drawn 4× larger, are dark; the background is light
        assertTrue(dark >= 18L * 8 * 28 * 16, "ink is dark: " + dark);
        assertTrue(light > dark, "background is light");
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "only samples.png, no temporary file");
        }
    }

    @Test
    void misclassifiedImagesSayWhichClassIsTheTruth() throws Exception {
        byte[] pixels = new byte[3 * 784];
        java.util.Arrays.fill(pixels, (byte) 255);
        List<String> names = List.of("T-shirt/top", "Trouser", "Shirt");
        List<dev.fashionmnist.results.EvaluationResult.Mistake> mistakes = List.of(
                new dev.fashionmnist.results.EvaluationResult.Mistake(0, 2, 0),
                new dev.fashionmnist.results.EvaluationResult.Mistake(1, 1, 2));
        assertEquals("true: Shirt\npred: T-shirt/top", MistakesGrid.title(Language.ENGLISH, "Shirt", "T-shirt/top"));
        Path png = dir.resolve(MistakesGrid.FILE);
        MistakesGrid.write(new IdxImages(3, 28, 28, pixels), mistakes, names, "pets", png, Language.ENGLISH);
        BufferedImage img = ImageIO.read(png.toFile());
        int[] size = SampleGrid.size(28, 28, 2, true);
        assertEquals(size[0], img.getWidth());
        assertEquals(size[1], img.getHeight(), "two title lines and a legend");
        assertTrue(img.getHeight() > SampleGrid.size(28, 28)[1], "taller than a grid of one-line titles");
        // the legend's ink on top, the predictions' in their own colour under the true classes
        java.awt.Rectangle legend = new java.awt.Rectangle(0, 0, img.getWidth(), SampleGrid.LEGEND);
        assertTrue(PlotPixels.ink(img, legend) > 200, "a legend above the grid");
        long predicted = PlotPixels.count(img, new java.awt.Rectangle(0, 0, img.getWidth(), img.getHeight()),
                SampleGrid.SECOND_LINE, 30);
        assertTrue(predicted > 20, "the predicted classes in their colour: " + predicted + " pixels");
    }

    @Test
    void samplesInGermanAreTitledWithGermanClassNames() throws Exception {
        List<String> names = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
        byte[] labels = {9, 0, 1, 6, 12};
        assertEquals(List.of("Stiefelette", "T-Shirt/Top", "Hose", "Hemd", "12"),
                SampleGrid.titles(new IdxLabels(labels), 5, names, "fashion-mnist", Language.GERMAN));
        assertEquals(List.of("Ankle boot", "T-shirt/top", "Trouser", "Shirt", "12"),
                SampleGrid.titles(new IdxLabels(labels), 5, names, "fashion-mnist", Language.ENGLISH));
        assertEquals(List.of("Ankle boot", "T-shirt/top"),
                SampleGrid.titles(new IdxLabels(labels), 2, names, "mnist-like", Language.GERMAN),
                "other datasets' names as they are");
        Path png = dir.resolve(SampleGrid.FILE);
        SampleGrid.write(new IdxImages(5, 28, 28, new byte[5 * 784]), new IdxLabels(labels), names, "fashion-mnist",
                png, Language.GERMAN);
        assertEquals("Trainingsbeispiele", PlotPixels.title(png));
        assertEquals("de", PlotPixels.titleLanguage(png));
        SampleGrid.write(new IdxImages(5, 28, 28, new byte[5 * 784]), new IdxLabels(labels), names, "fashion-mnist",
                png, Language.ENGLISH);
        assertEquals("Training examples", PlotPixels.title(png));
    }
}
