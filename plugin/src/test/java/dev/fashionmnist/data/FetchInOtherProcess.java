package dev.fashionmnist.data;

import dev.fashionmnist.text.BuildLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Fetches the tiny test dataset from another JVM: args are cache folder, mirror, then file=sha256 pairs. */
public final class FetchInOtherProcess {
    private FetchInOtherProcess() {
    }

    public static void main(String[] args) {
        Map<DatasetFile, String> sha = new EnumMap<>(DatasetFile.class);
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=");
            sha.put(DatasetFile.byFileName(kv[0]), kv[1]);
        }
        DatasetSpec spec = new DatasetSpec("tiny", false, List.of("a", "b", "c"), List.of(), sha, Map.of(), List.of());
        FetchSettings settings = FetchSettings.builder().dataDirectory(Path.of(args[0]))
                .mirrors(List.of(URI.create(args[1]))).connectTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(60)).retries(0).retryBackoff(Duration.ofMillis(10)).build();
        new DatasetFetcher(settings, BuildLog.console()).fetch(spec);
    }
}
