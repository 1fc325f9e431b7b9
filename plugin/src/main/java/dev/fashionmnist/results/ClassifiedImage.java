package dev.fashionmnist.results;

import dev.fashionmnist.runtime.Prediction;
import java.util.List;

/**
 * One image the predict goal classified: its file, whether its colours were inverted, and the model's top classes,
 * most probable first.
 */
public record ClassifiedImage(String file, boolean inverted, List<Prediction> top) {
}
