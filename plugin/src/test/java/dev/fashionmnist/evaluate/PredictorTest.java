package dev.fashionmnist.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.IdxImages;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.ClassifiedImage;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.Classifier;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Prediction;
import dev.fashionmnist.runtime.internal.ImagePreparation;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.train.Training;
import dev.fashionmnist.train.TrainingTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predicts with a model trained here (mlp, 1000 images, two epochs) on the real PyTorch CPU engine: Fashion-MNIST
 * test images saved as PNG files give the same results as their bytes fed in directly; photo-like images on white
 * are inverted and fitted keeping their aspect ratio; finding image files and their errors.
 */
class PredictorTest {
    private static final int IMAGES = 12;

    @TempDir
    static Path trained;
    private static Path model;
    private static ModelCard card;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws Exception {
        card = new Training(TrainingTest.job(trained, "mlp", null, 1000, 500, 2, false, 11), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        model = trained.resolve("model");
    }

    private static byte[] testImage(int i) {
        return RealData.load().testImages().image(i);
    }

    private static Path writeGreyPng(byte[] pixels, int width, int height, Path file) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, width, height, pixels);
        assertTrue(ImageIO.write(img, "png", file.toFile()));
        return file;
    }

    /** A light "photo": background 250 with a dark (grey 40) oval, 60 wide and 90 high. */
    private static BufferedImage photo() {
        BufferedImage img = new BufferedImage(60, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(250, 250, 250));
            g.fillRect(0, 0, 60, 90);
            g.setColor(new Color(40, 40, 40));
            g.fillOval(10, 10, 40, 70);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static int at(byte[] pixels, int x, int y) {
        return pixels[y * 28 + x] & 0xFF;
    }

    private static double borderMean(byte[] pixels) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (x == 0 || y == 0 || x == 27 || y == 27) {
                    sum += at(pixels, x, y);
                    n++;
                }
            }
        }
        return (double) sum / n;
    }

    /** The bounding box {minX, minY, maxX, maxY} of the pixels brighter than 64. */
    private static int[] box(byte[] pixels) {
        int[] b = {28, 28, -1, -1};
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (at(pixels, x, y) > 64) {
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
            }
        }
        return b;
    }

    private static void assertRanked(ClassifiedImage p) {
        assertEquals(Predictor.TOP, p.top().size());
        double sum = 0;
        for (int i = 0; i < p.top().size(); i++) {
            Prediction r = p.top().get(i);
            assertTrue(r.classIndex() >= 0 && r.classIndex() < 10, "" + r);
            assertEquals(card.classNames().get(r.classIndex()), r.className());
            assertTrue(r.probability() >= 0 && r.probability() <= 1, "" + r);
            if (i > 0) {
                assertTrue(p.top().get(i - 1).probability() >= r.probability(), "descending: " + p.top());
            }
            sum += r.probability();
        }
        assertTrue(sum <= 1 + 1e-6, "the top 3 of a softmax sum to at most 1: " + sum);
        assertEquals(3, p.top().stream().mapToInt(Prediction::classIndex).distinct().count(), "" + p.top());
    }

    /**
     * The runtime's Classifier, as an application uses it, against the plugin's predict and evaluate on the same
     * model: the same top classes and probabilities as predict for the same prepared images, and over all 10,000 test
     * images (given as the dataset's 0..1 floats, in batches) the same correct count and the same first mistakes as
     * evaluate's argmax.
     */
    @Test
    void theRuntimeClassifierAgreesWithPredictAndEvaluate() {
        List<ImageInput.Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            prepared.add(new ImageInput.Prepared(dir.resolve("test-" + i + ".png"), testImage(i), false));
        }
        List<ClassifiedImage> predicted = Predictor.predict(model, prepared, -1);
        LoadedDataset data = RealData.load();
        EvaluationResult evaluated = ModelEvaluator.evaluate(model, data, -1, BuildLog.console());
        try (Classifier classifier = Classifier.load(model)) {
            for (int i = 0; i < IMAGES; i++) {
                List<Prediction> runtime = classifier.classify(testImage(i), Predictor.TOP);
                List<Prediction> plugin = predicted.get(i).top();
                assertEquals(plugin.size(), runtime.size());
                for (int k = 0; k < plugin.size(); k++) {
                    assertEquals(plugin.get(k).classIndex(), runtime.get(k).classIndex(), "image " + i);
                    assertEquals(plugin.get(k).className(), runtime.get(k).className(), "image " + i);
                    assertEquals(plugin.get(k).probability(), runtime.get(k).probability(), "image " + i);
                }
            }
            IdxImages test = data.testImages();
            int n = test.count();
            int size = test.pixelsPerImage();
            long correct = 0;
            List<EvaluationResult.Mistake> mistakes = new ArrayList<>();
            for (int from = 0; from < n; from += 500) {
                List<float[]> batch = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + 500); i++) {
                    float[] x = new float[size];
                    for (int p = 0; p < size; p++) {
                        x[p] = test.pixel(i, p / test.columns(), p % test.columns()) / 255f;
                    }
                    batch.add(x);
                }
                List<List<Prediction>> top = classifier.classifyBatch(batch, 1);
                for (int i = 0; i < top.size(); i++) {
                    int truth = data.testLabels().label(from + i);
                    int guess = top.get(i).get(0).classIndex();
                    if (truth == guess) {
                        correct++;
                    } else if (mistakes.size() < EvaluationResult.MISTAKES_KEPT) {
                        mistakes.add(new EvaluationResult.Mistake(from + i, truth, guess));
                    }
                }
            }
            assertEquals(evaluated.confusion().correct(), correct, "correct of " + n);
            assertEquals(evaluated.mistakes(), mistakes);
            assertTrue(correct > n * 0.6, "a trained mlp: " + correct + " of " + n);
        }
    }

    @Test
    void fashionMnistPngsGiveBackTheirPixelsAndTheSamePredictionsAsTheirBytes() throws Exception {
        List<ImageInput.Prepared> fromPng = new ArrayList<>();
        List<ImageInput.Prepared> direct = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            byte[] pixels = testImage(i);
            Path png = writeGreyPng(pixels, 28, 28, dir.resolve(String.format("test-%02d.png", i)));
            ImageInput.Prepared prepared = ImageInput.prepare(png, 28, 28, ImagePreparation.Invert.AUTO);
            assertFalse(prepared.inverted(), "Fashion-MNIST images have a dark border: " + png);
            assertEquals(png, prepared.file());
            assertArrayEquals(pixels, prepared.pixels(), "test image " + i + " comes back unchanged from its PNG");
            fromPng.add(prepared);
            direct.add(new ImageInput.Prepared(png, pixels, false));
        }
        List<ClassifiedImage> viaPng = Predictor.predict(model, fromPng, -1);
        List<ClassifiedImage> viaBytes = Predictor.predict(model, direct, -1);
        assertEquals(IMAGES, viaPng.size());
        assertEquals(IMAGES, viaBytes.size());
        for (int i = 0; i < IMAGES; i++) {
            ClassifiedImage a = viaPng.get(i);
            ClassifiedImage b = viaBytes.get(i);
            assertEquals(fromPng.get(i).file().toString(), a.file());
            assertFalse(a.inverted());
            assertRanked(a);
            assertRanked(b);
            for (int k = 0; k < Predictor.TOP; k++) {
                assertEquals(b.top().get(k).classIndex(), a.top().get(k).classIndex(), "image " + i + " rank " + k);
                assertEquals(b.top().get(k).probability(), a.top().get(k).probability(), 1e-6);
            }
        }
        // the same image predicted alone or in a list gives the same probabilities
        ClassifiedImage alone = Predictor.predict(model, List.of(direct.get(3)), -1).get(0);
        assertEquals(viaBytes.get(3).top(), alone.top());
    }

    @Test
    void invertTrueInvertsAFashionMnistImage() throws Exception {
        byte[] pixels = testImage(0);
        Path png = writeGreyPng(pixels, 28, 28, dir.resolve("t.png"));
        ImageInput.Prepared p = ImageInput.prepare(png, 28, 28, ImagePreparation.Invert.TRUE);
        assertTrue(p.inverted());
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(255 - (pixels[i] & 0xFF), p.pixels()[i] & 0xFF, "pixel " + i);
        }
    }

    @Test
    void sixteenBitGreyPngsAreReadAsTheirValues() throws Exception {
        byte[] pixels = testImage(1);
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_USHORT_GRAY);
        short[] wide = new short[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            wide[i] = (short) ((pixels[i] & 0xFF) * 257);
        }
        img.getRaster().setDataElements(0, 0, 28, 28, wide);
        Path png = dir.resolve("wide.png");
        assertTrue(ImageIO.write(img, "png", png.toFile()));
        ImageInput.Prepared p = ImageInput.prepare(png, 28, 28, ImagePreparation.Invert.AUTO);
        assertFalse(p.inverted());
        assertArrayEquals(pixels, p.pixels());
    }

    private void assertPhotoPrepared(Path file) {
        ImageInput.Prepared p = ImageInput.prepare(file, 28, 28, ImagePreparation.Invert.AUTO);
        assertTrue(p.inverted(), "a light border means a light background: " + file);
        assertEquals(28 * 28, p.pixels().length);
        assertTrue(borderMean(p.pixels()) < 30, "dark border after inversion: " + borderMean(p.pixels()));
        assertTrue(at(p.pixels(), 14, 14) > 180, "light centre: " + at(p.pixels(), 14, 14));
        // 60x90 fits as 19x28: centred, the 4 columns either side are padding (black)
        for (int y = 0; y < 28; y++) {
            for (int x : new int[] {0, 1, 2, 3, 24, 25, 26, 27}) {
                assertTrue(at(p.pixels(), x, y) < 8, "padding at " + x + "," + y + ": " + at(p.pixels(), x, y));
            }
        }
        int[] b = box(p.pixels());
        int width = b[2] - b[0] + 1;
        int height = b[3] - b[1] + 1;
        assertTrue(height > width, "the tall oval stays tall: " + width + "x" + height);
        // the oval is 40x70 of 60x90: about 12.4x21.8 pixels at 28/90 scale
        assertTrue(width >= 11 && width <= 14, "width " + width);
        assertTrue(height >= 20 && height <= 23, "height " + height);

        ImageInput.Prepared kept = ImageInput.prepare(file, 28, 28, ImagePreparation.Invert.FALSE);
        assertFalse(kept.inverted());
        assertTrue(at(kept.pixels(), 14, 14) < 80, "dark centre kept: " + at(kept.pixels(), 14, 14));
        assertTrue(at(kept.pixels(), 14, 2) > 200, "light background kept: " + at(kept.pixels(), 14, 2));
    }

    @Test
    void photoLikePngOnWhiteIsInvertedAndFittedKeepingItsAspectRatio() throws Exception {
        Path png = dir.resolve("photo.png");
        assertTrue(ImageIO.write(photo(), "png", png.toFile()));
        assertPhotoPrepared(png);
    }

    @Test
    void photoLikeJpegOnWhiteIsInvertedAndFittedKeepingItsAspectRatio() throws Exception {
        Path jpg = dir.resolve("photo.jpg");
        assertTrue(ImageIO.write(photo(), "jpg", jpg.toFile()));
        assertPhotoPrepared(jpg);
    }

    @Test
    void photoLikeImagesArePredicted() throws Exception {
        Path png = dir.resolve("photo.png");
        assertTrue(ImageIO.write(photo(), "png", png.toFile()));
        List<ClassifiedImage> p = Predictor.predict(model,
                List.of(ImageInput.prepare(png, 28, 28, ImagePreparation.Invert.AUTO)), -1);
        assertEquals(1, p.size());
        assertTrue(p.get(0).inverted());
        assertRanked(p.get(0));
    }

    @Test
    void imagesOfTheWrongSizeAreRejected() {
        ImageInput.Prepared small = new ImageInput.Prepared(dir.resolve("small.png"), new byte[14 * 14], false);
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> Predictor.predict(model, List.of(small), -1));
        assertTrue(e.getMessage().contains("small.png") && e.getMessage().contains("28x28"), e.getMessage());
    }

    @Test
    void findListsPngAndJpegFilesSorted() throws Exception {
        Path b = Files.write(dir.resolve("b.JPG"), new byte[] {1});
        Path a = Files.write(dir.resolve("a.png"), new byte[] {1});
        Files.writeString(dir.resolve("c.txt"), "not an image");
        Files.createDirectories(dir.resolve("d"));
        assertEquals(List.of(a, b), ImageInput.find(dir));
        Path c = Files.write(dir.resolve("c.jpeg"), new byte[] {1});
        assertEquals(List.of(a, b, c), ImageInput.find(dir));
        assertEquals(List.of(a), ImageInput.find(a), "a file is taken as it is");
    }

    @Test
    void findErrorsNameTheImagesParameter() throws Exception {
        ClassifierException missing = assertThrows(ClassifierException.class,
                () -> ImageInput.find(dir.resolve("nothere")));
        assertTrue(missing.getMessage().contains("'images'") && missing.getMessage().contains("nothere"),
                missing.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        ClassifierException none = assertThrows(ClassifierException.class, () -> ImageInput.find(empty));
        assertTrue(none.getMessage().contains("'images'") && none.getMessage().contains(empty.toString()),
                none.getMessage());
    }

    @Test
    void filesThatAreNotImagesAreErrorsNamingTheFile() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not an image");
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> ImageInput.prepare(text, 28, 28, ImagePreparation.Invert.AUTO));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        Path fake = dir.resolve("fake.png");
        Files.writeString(fake, "not a png either");
        ClassifierException f = assertThrows(ClassifierException.class,
                () -> ImageInput.prepare(fake, 28, 28, ImagePreparation.Invert.AUTO));
        assertTrue(f.getMessage().contains(fake.toString()), f.getMessage());
    }

    @Test
    void invertParses() {
        assertEquals(ImagePreparation.Invert.AUTO, ImageInput.parseInvert(null));
        assertEquals(ImagePreparation.Invert.AUTO, ImageInput.parseInvert(" Auto "));
        assertEquals(ImagePreparation.Invert.TRUE, ImageInput.parseInvert("true"));
        assertEquals(ImagePreparation.Invert.FALSE, ImageInput.parseInvert("FALSE"));
        ClassifierException e = assertThrows(ClassifierException.class, () -> ImageInput.parseInvert("maybe"));
        assertTrue(e.getMessage().contains("'invert'") && e.getMessage().contains("maybe"), e.getMessage());
    }
}
