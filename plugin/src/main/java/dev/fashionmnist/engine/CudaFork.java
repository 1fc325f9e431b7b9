package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.internal.CudaNatives;
import dev.fashionmnist.runtime.internal.LibcudaSearch;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the engine JVM needs to train on a GPU, whatever CUDA runtime the system has or lacks: the cu121 natives
 * unpacked into DJL's cache and named to DJL by system properties, and JNA given the natives' own CUDA runtime
 * ({@link CudaNatives} says why and how); and, where the driver's {@code libcuda.so.1} lies outside the dynamic
 * loader's path (e.g. {@code /usr/local/nvidia/lib64} without {@code LD_LIBRARY_PATH}), its folder on the engine JVM's
 * {@code LD_LIBRARY_PATH}, since the CUDA runtime opens it by name. A {@code PYTORCH_LIBRARY_PATH} of the user's
 * (environment or {@code jvmArgs}) names an installed PyTorch: then DJL is left to it.
 *
 * @param systemProperties for the engine JVM's command line
 * @param environment for the engine JVM's environment
 */
public record CudaFork(Map<String, String> systemProperties, Map<String, String> environment) {

    /**
     * Prepares the engine JVM for the natives jar {@code natives} and the driver library {@code libcuda};
     * {@code setting} reads a variable of the engine JVM (environment, else a {@code -D} of its {@code jvmArgs}),
     * {@code ldLibraryPath} is the environment's {@code LD_LIBRARY_PATH} (may be null).
     */
    public static CudaFork prepare(Path natives, LibcudaSearch.Found libcuda, UnaryOperator<String> setting,
                                   Path userHome, String ldLibraryPath) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!present(setting.apply("PYTORCH_LIBRARY_PATH"))) {
            Path cache = NativesFolder.cache(setting, userHome).resolve("pytorch");
            try (ZipFile jar = new ZipFile(natives.toFile())) {
                properties.putAll(CudaNatives.unpack(name -> {
                    ZipEntry entry = jar.getEntry(name);
                    return entry == null ? null : jar.getInputStream(entry);
                }, cache).settings(setting.apply("jna.library.path")));
            } catch (IOException e) {
                throw new EngineException(Messages.of("engine.natives.unpack", natives, cache, e.getMessage()));
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        if (libcuda != null && !libcuda.loaderFinds()) {
            environment.put("LD_LIBRARY_PATH", libcuda.folder() + (present(ldLibraryPath) ? ":" + ldLibraryPath : ""));
        }
        return new CudaFork(properties, environment);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
