package dev.fashionmnist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.LibcudaSearch;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine JVM's settings for a GPU, from a small fake cu121 natives jar: its system properties name the natives
 * unpacked into DJL's cache (whatever CUDA runtime the system has), its environment adds libcuda.so.1's folder where
 * the dynamic loader would not find it, and a PyTorch of the user's own is left alone.
 */
class CudaForkTest {
    private static final String FOLDER = "2.3.1-20240621-cu121-linux-x86_64";

    @TempDir
    Path dir;

    private Path jar() throws Exception {
        Path jar = dir.resolve("pytorch-native-cu121-2.3.1-linux-x86_64.jar");
        String prefix = "pytorch/cu121/linux-x86_64/";
        List<String> libraries = List.of("libc10.so", "libcudart-9335f6a2.so.12", "libtorch.so", "libtorch_cuda.so");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("native/lib/pytorch.properties"));
            zip.write(("version=2.3.1-20240621\nflavor=cu121\nclassifier=linux-x86_64\nlibraries="
                    + String.join(",", libraries) + "\n").getBytes(StandardCharsets.UTF_8));
            for (String library : libraries) {
                zip.putNextEntry(new ZipEntry(prefix + library));
                zip.write(library.getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private CudaFork prepare(LibcudaSearch.Found libcuda, Map<String, String> settings, String ldLibraryPath)
            throws Exception {
        return CudaFork.prepare(jar(), libcuda, settings::get, dir.resolve("home"), ldLibraryPath);
    }

    private static LibcudaSearch.Found system() {
        return new LibcudaSearch.Found(Path.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1"), true);
    }

    /** The system's CUDA runtime (none, 11.8, 12.4 on LD_LIBRARY_PATH) changes nothing: the natives bring theirs. */
    @ParameterizedTest(name = "LD_LIBRARY_PATH ''{0}''")
    @ValueSource(strings = {"", "/usr/local/cuda-11.8/lib64", "/usr/local/cuda-12.4/lib64"})
    void theNativesAreUnpackedAndNamedToDjl(String ldLibraryPath) throws Exception {
        CudaFork fork = prepare(system(), Map.of(), ldLibraryPath);
        Path cache = dir.resolve("home/.djl.ai/pytorch");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("PYTORCH_LIBRARY_PATH", cache.resolve(FOLDER).toString());
        expected.put("PYTORCH_FLAVOR", "cu121");
        expected.put("PYTORCH_VERSION", "2.3.1-20240621");
        expected.put("jna.library.path", cache.resolve(FOLDER + ".jna").toString());
        assertEquals(expected, fork.systemProperties());
        assertEquals(Map.of(), fork.environment(), "libcuda.so.1 is where the loader looks: nothing to add");
        assertEquals("libtorch_cuda.so", Files.readString(cache.resolve(FOLDER).resolve("libtorch_cuda.so")));
        assertTrue(Files.isSameFile(cache.resolve(FOLDER + ".jna/libcudart.so"),
                cache.resolve(FOLDER).resolve("libcudart-9335f6a2.so.12")));
    }

    @Test
    void theEngineCacheAndJnaPathOfTheEngineJvmAreKept() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("DJL_CACHE_DIR", dir.resolve("djl").toString());
        settings.put("jna.library.path", "/opt/jna");
        CudaFork fork = prepare(system(), settings, null);
        assertEquals(dir.resolve("djl/pytorch").resolve(FOLDER).toString(),
                fork.systemProperties().get("PYTORCH_LIBRARY_PATH"));
        assertEquals(dir.resolve("djl/pytorch").resolve(FOLDER + ".jna") + ":/opt/jna",
                fork.systemProperties().get("jna.library.path"));
    }

    @Test
    void libcudaOutsideTheLoadersPathGoesOnLdLibraryPath() throws Exception {
        LibcudaSearch.Found nvidia = new LibcudaSearch.Found(Path.of("/usr/local/nvidia/lib64/libcuda.so.1"), false);
        assertEquals(Map.of("LD_LIBRARY_PATH", "/usr/local/nvidia/lib64"), prepare(nvidia, Map.of(), null)
                .environment());
        assertEquals(Map.of("LD_LIBRARY_PATH", "/usr/local/nvidia/lib64:/opt/lib"), prepare(nvidia, Map.of(),
                "/opt/lib").environment());
    }

    @Test
    void aPytorchOfTheUsersOwnIsLeftToDjl() throws Exception {
        CudaFork fork = prepare(system(), Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib"), null);
        assertEquals(Map.of(), fork.systemProperties());
        assertTrue(Files.notExists(dir.resolve("home/.djl.ai")), "nothing unpacked");
    }

    @Test
    void aDamagedJarIsOneMessage() throws Exception {
        Path jar = dir.resolve("broken.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write("not a zip".getBytes(StandardCharsets.UTF_8));
        }
        EngineException e = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class,
                () -> CudaFork.prepare(jar, system(), name -> null, dir.resolve("home"), null));
        assertTrue(e.getMessage().startsWith("The CUDA natives " + jar + " cannot be unpacked into "
                + dir.resolve("home/.djl.ai/pytorch") + ": "), e.getMessage());
    }
}
