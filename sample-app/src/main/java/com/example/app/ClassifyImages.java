package com.example.app;

import dev.fashionmnist.runtime.Classifier;
import dev.fashionmnist.runtime.Prediction;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import javax.imageio.ImageIO;

/** Classifies the PNG or JPEG files named on the command line with the model on the class path. */
public final class ClassifyImages {
    private ClassifyImages() {
    }

    public static void main(String[] args) throws IOException {
        try (Classifier classifier = Classifier.fromClasspath()) {
            for (String name : args) {
                BufferedImage image = read(name, System.err);
                if (image != null) {
                    System.out.println(name + ": " + describe(classifier.classify(image, 3)));
                }
            }
        }
    }

    /** The image in the file {@code name}, or {@code null} after one line on {@code err} saying why there is none. */
    static BufferedImage read(String name, PrintStream err) {
        File file = new File(name);
        if (!file.isFile()) {
            err.println(name + ": no such file");
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(file);
            if (image == null) {
                err.println(name + ": not an image ImageIO can read (PNG, JPEG, GIF, BMP)");
            }
            return image;
        } catch (IOException e) {
            err.println(name + ": cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    /** {@code Trouser 99.1%, Dress 0.5%, Coat 0.2%}. */
    static String describe(List<Prediction> top) {
        StringBuilder out = new StringBuilder();
        for (Prediction p : top) {
            out.append(out.length() == 0 ? "" : ", ")
                    .append(String.format(java.util.Locale.ROOT, "%s %.1f%%", p.className(), 100 * p.probability()));
        }
        return out.toString();
    }
}
