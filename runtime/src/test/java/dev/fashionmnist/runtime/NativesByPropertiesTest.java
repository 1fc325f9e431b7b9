package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.Utils;
import dev.fashionmnist.runtime.internal.CudaNatives;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way the CUDA natives are loaded, tried with the CPU natives this machine has: unpacked by {@link CudaNatives}
 * into DJL's own folder and named to DJL by the system properties {@code PYTORCH_LIBRARY_PATH},
 * {@code PYTORCH_FLAVOR} and {@code PYTORCH_VERSION} alone, a JVM without any natives jar on its class path loads
 * PyTorch from that folder and classifies.
 */
class NativesByPropertiesTest {
    @TempDir
    Path dir;

    @Test
    void djlLoadsTheUnpackedNativesNamedBySystemProperties() throws Exception {
        Path model = TestModels.write(dir.resolve("mlp"), ModelSpec.of("mlp", 8, null, null, 28, 28, 10), 1);
        URL description = null;
        for (URL url : java.util.Collections.list(getClass().getClassLoader().getResources(CudaNatives.PROPERTIES))) {
            description = url;
        }
        assertTrue(description != null, "the test class path holds the CPU natives");
        URL properties = description;
        ClassLoader loader = getClass().getClassLoader();
        // DJL's own cache: natives DJL unpacked there already are reused, as DJL reuses them
        CudaNatives.Unpacked unpacked = CudaNatives.unpack(name -> name.equals(CudaNatives.PROPERTIES)
                ? properties.openStream() : loader.getResourceAsStream(name), Utils.getEngineCacheDir("pytorch"));
        assertTrue(Files.isRegularFile(unpacked.folder().resolve("libtorch.so")), unpacked.folder().toString());

        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        List<String> kept = Arrays.stream(entries).filter(e -> !e.contains("pytorch-native-")).toList();
        assertEquals(entries.length - 1, kept.size(), "the natives jar is left off the class path");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true"));
        for (Map.Entry<String, String> s : unpacked.settings(null).entrySet()) {
            cmd.add("-D" + s.getKey() + "=" + s.getValue());
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, kept),
                MissingNativesTest.LoadAndClassify.class.getName(), model.toString()));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PYTORCH_"));
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        String classified = output.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(classified.matches("[A-Za-z][A-Za-z/ -]*"), "a class name as the last line: " + output);
        assertTrue(!output.contains("Exception") && !output.contains("platform from"), output);
        assertEquals(List.of("cpu", "2.3.1-20240621"), List.of(unpacked.flavor(), unpacked.version()));
    }
}
