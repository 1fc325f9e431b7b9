package dev.fashionmnist.results;

import java.util.List;

/** The model's top classes for one image, most probable first. */
public record Prediction(String file, boolean inverted, List<Ranked> top) {

    /** One class with its softmax probability. */
    public record Ranked(int classIndex, String className, double probability) {
    }
}
