package dev.fashionmnist.evaluate;

import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code predict} goal hands to the fork: the model, the prepared images, the device, the result file.
 *
 * @param auto whether the {@code device} parameter was {@code auto}: a GPU that fails its proof gives way to the CPU
 */
public record PredictJob(Path modelDirectory, List<ImageInput.Prepared> images, int gpuIndex, boolean auto,
                         Path resultFile) {
}
