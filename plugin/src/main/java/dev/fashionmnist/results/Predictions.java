package dev.fashionmnist.results;

import java.util.List;

/** The classified images, as the fork hands them back. */
public record Predictions(List<ClassifiedImage> images) {
}
