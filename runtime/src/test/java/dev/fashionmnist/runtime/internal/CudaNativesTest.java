package dev.fashionmnist.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cu121 natives unpacked into DJL's folder and named to DJL, and JNA given their own CUDA runtime: checked
 * against a small fake natives jar whose "CUDA runtime" is a stub built with gcc, and against DJL's own
 * {@code CudaUtils}, which decides the flavour, with the system's runtime absent, 11.8 or 12.4.
 */
class CudaNativesTest {
    private static final String VERSION = "2.3.1-20240621";
    private static final String CUDART = "libcudart-9335f6a2.so.12";

    @TempDir
    Path dir;

    /** A natives jar's entries, as the cu121 jar has them (its libraries but the runtime faked). */
    private Map<String, byte[]> jar() throws Exception {
        Path cudart = dir.resolve("build/" + CUDART);
        Files.createDirectories(cudart.getParent());
        CudaDriverStubTest.gcc("libcudart-stub.c", cudart, "-DSTUB_VERSION=12010");
        Map<String, byte[]> entries = new HashMap<>();
        entries.put(CudaNatives.PROPERTIES, ("version=" + VERSION + "\nflavor=cu121\nclassifier=linux-x86_64\n"
                + "libraries=libc10.so," + CUDART + ",libtorch.so,libtorch_cuda.so\n")
                .getBytes(StandardCharsets.UTF_8));
        String prefix = "pytorch/cu121/linux-x86_64/";
        for (String lib : List.of("libc10.so", "libtorch.so", "libtorch_cuda.so")) {
            entries.put(prefix + lib, ("fake " + lib).getBytes(StandardCharsets.UTF_8));
        }
        entries.put(prefix + CUDART, Files.readAllBytes(cudart));
        return entries;
    }

    private static CudaNatives.Source source(Map<String, byte[]> entries) {
        return name -> entries.containsKey(name) ? new ByteArrayInputStream(entries.get(name)) : null;
    }

    @Test
    void unpackedIntoDjlsFolderAndNamedToDjl() throws Exception {
        Path cache = dir.resolve("cache/pytorch");
        CudaNatives.Unpacked unpacked = CudaNatives.unpack(source(jar()), cache);
        Path folder = cache.resolve(VERSION + "-cu121-linux-x86_64");
        assertEquals(folder, unpacked.folder());
        assertEquals("fake libtorch.so", Files.readString(folder.resolve("libtorch.so")));
        Path link = cache.resolve(VERSION + "-cu121-linux-x86_64.jna/libcudart.so");
        assertEquals(Optional.of(link.getParent()), unpacked.cudartFolder());
        assertTrue(Files.isSameFile(link, folder.resolve(CUDART)), "JNA's libcudart.so is the natives' own file");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("PYTORCH_LIBRARY_PATH", folder.toString());
        expected.put("PYTORCH_FLAVOR", "cu121");
        expected.put("PYTORCH_VERSION", VERSION);
        expected.put("jna.library.path", link.getParent().toString());
        assertEquals(expected, unpacked.settings(null));
        assertEquals(link.getParent() + ":/opt/jna", unpacked.settings("/opt/jna").get("jna.library.path"));
        try (var files = Files.list(cache)) {
            assertEquals(2, files.count(), "no temporary folder is left behind");
        }
    }

    @Test
    void unpackedNativesAreReused() throws Exception {
        Path cache = dir.resolve("cache/pytorch");
        CudaNatives.unpack(source(jar()), cache);
        Map<String, byte[]> onlyTheDescription = Map.of(CudaNatives.PROPERTIES, jar().get(CudaNatives.PROPERTIES));
        CudaNatives.Unpacked again = CudaNatives.unpack(source(onlyTheDescription), cache);
        assertEquals("fake libtorch.so", Files.readString(again.folder().resolve("libtorch.so")));
    }

    @Test
    void aJarWithoutItsLibrariesIsRefusedAndLeavesNothing() throws Exception {
        Path cache = dir.resolve("cache/pytorch");
        Map<String, byte[]> broken = new HashMap<>(jar());
        broken.remove("pytorch/cu121/linux-x86_64/libtorch.so");
        IOException e = assertThrows(IOException.class, () -> CudaNatives.unpack(source(broken), cache));
        assertEquals("the natives jar lacks pytorch/cu121/linux-x86_64/libtorch.so", e.getMessage());
        try (var files = Files.list(cache)) {
            assertEquals(0, files.count());
        }
        assertThrows(IOException.class, () -> CudaNatives.unpack(source(Map.of()), cache));
    }

    /**
     * DJL's {@code CudaUtils} (which decides the natives' flavour and answers {@code Engine.getGpuCount()}) in a JVM
     * of its own, with the system's CUDA runtime on LD_LIBRARY_PATH ({@code none}, 11.8 or 12.4) and, or not, the
     * natives' own one on {@code jna.library.path}: its answer "GPUs,CUDA version,compute capabilities".
     */
    @ParameterizedTest(name = "system runtime {0}, natives'' runtime given to JNA {1}: {2}")
    @CsvSource({"none, false, '0,-1'", "none, true, '1,12010,89'", "11080, false, '1,11080,89'",
        "11080, true, '1,12010,89'", "12040, true, '1,12010,89'"})
    void djlSeesTheNativesOwnCudaRuntime(String system, boolean given, String answer) throws Exception {
        CudaNatives.Unpacked unpacked = CudaNatives.unpack(source(jar()), dir.resolve("cache/pytorch"));
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        if (given) {
            cmd.add("-Djna.library.path=" + unpacked.settings(null).get("jna.library.path"));
        }
        cmd.add("ai.djl.util.cuda.CudaUtils");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().remove("LD_LIBRARY_PATH");
        if (!system.equals("none")) {
            Path folder = dir.resolve("system-" + system);
            Files.createDirectories(folder);
            CudaDriverStubTest.gcc("libcudart-stub.c", folder.resolve("libcudart.so"), "-DSTUB_VERSION=" + system);
            builder.environment().put("LD_LIBRARY_PATH", folder.toString());
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        assertFalse(out.isEmpty());
        assertEquals(answer, out.lines().reduce((a, b) -> b).orElse(""), out);
    }
}
