package dev.fashionmnist.train;

import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.io.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a training run's inputs: SHA-256 over the settings, the dataset and its decoded checksums, the
 * test subset, the device kind and the plugin version. Equal fingerprints mean the model would be trained again
 * the same way, so the goal may skip it.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(TrainSettings settings, String dataset, Map<DatasetFile, String> dataSha256, int testSize,
                            String deviceKind, String pluginVersion) {
        Map<String, Object> inputs = new TreeMap<>();
        inputs.put("settings", settings);
        inputs.put("dataset", dataset);
        inputs.put("data", new TreeMap<>(dataSha256));
        inputs.put("testSize", testSize);
        inputs.put("device", deviceKind);
        inputs.put("plugin", pluginVersion);
        MessageDigest sha = Digests.sha256();
        sha.update(Json.canonical(inputs).getBytes(StandardCharsets.UTF_8));
        return Digests.hex(sha);
    }
}
