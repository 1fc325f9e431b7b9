package it.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Classifier;
import dev.fashionmnist.runtime.Prediction;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The model jar on the class path classifies the first five test images of Fashion-MNIST. */
class FirstFiveTest {
    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

    private static DataInputStream open(String file) throws IOException {
        InputStream in = Files.newInputStream(DATA.resolve(file));
        return new DataInputStream(new GZIPInputStream(in));
    }

    @Test
    void firstFiveTestImages() throws Exception {
        List<float[]> images = new ArrayList<>();
        int[] labels = new int[5];
        try (DataInputStream in = open("t10k-images-idx3-ubyte.gz")) {
            assertEquals(0x803, in.readInt());
            in.readInt();
            assertEquals(28, in.readInt());
            assertEquals(28, in.readInt());
            for (int i = 0; i < 5; i++) {
                float[] pixels = new float[28 * 28];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = in.readUnsignedByte() / 255f;
                }
                images.add(pixels);
            }
        }
        try (DataInputStream in = open("t10k-labels-idx1-ubyte.gz")) {
            assertEquals(0x801, in.readInt());
            in.readInt();
            for (int i = 0; i < 5; i++) {
                labels[i] = in.readUnsignedByte();
            }
        }
        int right = 0;
        try (Classifier classifier = Classifier.fromClasspath()) {
            List<List<Prediction>> batch = classifier.classifyBatch(images, 3);
            for (int i = 0; i < 5; i++) {
                List<Prediction> one = classifier.classify(images.get(i), 3);
                for (int k = 0; k < one.size(); k++) { // one at a time and in a batch: the same
                    assertEquals(one.get(k).classIndex(), batch.get(i).get(k).classIndex(), "image " + i);
                    assertEquals(one.get(k).probability(), batch.get(i).get(k).probability(), 1e-5, "image " + i);
                }
                System.out.println("test image " + i + ": label " + classifier.classNames().get(labels[i])
                        + ", predicted " + one);
                right += one.get(0).classIndex() == labels[i] ? 1 : 0;
            }
        }
        System.out.println("RIGHT " + right + " of 5");
        assertTrue(right >= 4, right + " of 5 right");
    }
}
