package dev.fashionmnist.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.DatasetCatalog;
import dev.fashionmnist.data.DatasetFetcher;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.FetchSettings;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.text.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The real Fashion-MNIST from Debian's dataset-fashion-mnist package, verified into a cache under target/. */
public final class RealData {
    private static DatasetFiles files;
    private static LoadedDataset data;

    private RealData() {
    }

    public static synchronized DatasetFiles files() {
        if (files == null) {
            assertTrue(Files.isDirectory(DatasetCatalog.DEBIAN_FASHION_MNIST),
                    "the real-data tests need 'apt-get install dataset-fashion-mnist' (.ci/run installs it)");
            Path cache = Path.of(System.getProperty("fashionmnist.testCache", "target/test-data-cache"));
            FetchSettings settings = FetchSettings.builder().dataDirectory(cache).offline(true)
                    .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).retries(0)
                    .retryBackoff(Duration.ofMillis(10)).build();
            files = new DatasetFetcher(settings, BuildLog.console()).fetch(DatasetCatalog.fashionMnist());
        }
        return files;
    }

    public static synchronized LoadedDataset load() {
        if (data == null) {
            data = files().load();
        }
        return data;
    }
}
