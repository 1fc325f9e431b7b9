package dev.fashionmnist.results;

import java.util.List;

/** The predictions for a set of images, as the fork hands them back. */
public record Predictions(List<Prediction> predictions) {
}
