package dev.fashionmnist.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * The four verified files of a dataset in the cache, with the SHA-256 of each decoded file (what a model card
 * records as the data's identity).
 */
public record DatasetFiles(DatasetSpec spec, Path directory, Map<DatasetFile, Path> paths,
                           Map<DatasetFile, String> sha256) {

    public DatasetFiles {
        paths = Map.copyOf(paths);
        sha256 = Map.copyOf(sha256);
    }

    public Path path(DatasetFile file) {
        return paths.get(file);
    }

    /** Decodes all four files and checks that they fit together. */
    public LoadedDataset load() {
        return LoadedDataset.decode(spec, paths);
    }
}
