package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Classifier;
import dev.fashionmnist.runtime.Prediction;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first five images of the Fashion-MNIST test set, classified with the sample project's model. */
class ClassifyImagesTest {
    /** test-&lt;index&gt;-&lt;true class&gt;.png; every second one inverted, dark on white as a photo would be. */
    private static final List<String> IMAGES = List.of("test-0-ankle-boot.png", "test-1-pullover.png",
            "test-2-trouser.png", "test-3-trouser.png", "test-4-shirt.png");

    @Test
    void theModelOnTheClassPathKnowsTheTestImages() throws Exception {
        int right = 0;
        try (Classifier classifier = Classifier.fromClasspath()) {
            assertEquals(10, classifier.classNames().size());
            for (String name : IMAGES) {
                BufferedImage image;
                try (InputStream in = getClass().getResourceAsStream("/images/" + name)) {
                    image = ImageIO.read(in);
                }
                List<Prediction> top = classifier.classify(image, 3);
                assertEquals(3, top.size());
                assertTrue(top.get(0).probability() >= top.get(1).probability(), "most probable first");
                String truth = name.substring("test-0-".length(), name.length() - ".png".length());
                String predicted = top.get(0).className().toLowerCase(Locale.ROOT).replace('/', '-').replace(' ', '-');
                System.out.println(name + ": " + ClassifyImages.describe(top));
                right += truth.equals(predicted) ? 1 : 0;
            }
        }
        assertTrue(right >= 4, right + " of 5 test images classified right");
    }

    @Test
    void aMissingFileOrANonImageIsOneLineOnStandardError(@TempDir Path tmp) throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not an image");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertNull(ClassifyImages.read(tmp.resolve("missing.png").toString(), err));
        assertNull(ClassifyImages.read(text.toString(), err));
        assertEquals(tmp.resolve("missing.png") + ": no such file\n" + text
                + ": not an image ImageIO can read (PNG, JPEG, GIF, BMP)\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
