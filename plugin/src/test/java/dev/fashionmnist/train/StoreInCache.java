package dev.fashionmnist.train;

import dev.fashionmnist.text.BuildLog;
import java.nio.file.Path;

/**
 * Another build, for {@link ModelCacheTest}: stores a run in the model cache (args: cache folder, fingerprint, out).
 */
public final class StoreInCache {
    private StoreInCache() {
    }

    public static void main(String[] args) {
        new ModelCache(Path.of(args[0]), 20, BuildLog.console()).store(args[1], Path.of(args[2]));
    }
}
