package dev.fashionmnist.evaluate;

import java.nio.file.Path;
import java.util.List;

/** What the {@code predict} goal hands to the fork: the model, the prepared images, the device, the result file. */
public record PredictJob(Path modelDirectory, List<ImageInput.Prepared> images, int gpuIndex, Path resultFile) {
}
