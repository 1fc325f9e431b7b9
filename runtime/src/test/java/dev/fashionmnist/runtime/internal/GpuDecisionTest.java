package dev.fashionmnist.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The driver probe against fake file systems and fake driver answers, and the decision whether a GPU runs PyTorch
 * 2.3.1's cu121 natives, with the words users read.
 */
class GpuDecisionTest {
    private static final String LDCONFIG = """
            1234 libs found in cache `/etc/ld.so.cache'
            \tlibcuda.so.1 (libc6) => /usr/lib/i386-linux-gnu/libcuda.so.1
            \tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1
            \tlibcuda.so (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so
            \tlibc.so.6 (libc6,x86-64, OS ABI: Linux 3.2.0) => /lib/x86_64-linux-gnu/libc.so.6
            """;

    @TempDir
    Path dir;

    private final List<Path> asked = new ArrayList<>();

    /** A driver version file of {@code release}, or none for null. */
    private Path driverFile(String release) throws Exception {
        Path file = dir.resolve("version");
        if (release != null) {
            Files.writeString(file, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  " + release
                    + "  Sat Aug 19 01:15:15 UTC 2023\nGCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n");
        }
        return file;
    }

    private CudaMachine probe(String release, String ldLibraryPath, String ldconfig, Set<String> files,
                              CudaMachine.DriverAnswer answer) throws Exception {
        return new CudaProbe(driverFile(release), () -> ldLibraryPath, () -> ldconfig,
                p -> files.contains(p.toString()), p -> {
                    asked.add(p);
                    return answer;
                }).probe();
    }

    private static CudaMachine.DriverAnswer driver(int version, int gpus, String name, int major, int minor) {
        return new CudaMachine.DriverAnswer(version, IntStream.range(0, gpus)
                .mapToObj(i -> new CudaMachine.Gpu(i, name, 40L << 30, major, minor)).toList(), null);
    }

    private CudaMachine withDriver(String release, CudaMachine.DriverAnswer answer) throws Exception {
        return probe(release, null, LDCONFIG, Set.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1"), answer);
    }

    @Test
    void withoutTheDriverFileNothingIsLoaded() throws Exception {
        CudaMachine m = probe(null, "/opt/lib", LDCONFIG, Set.of("/opt/lib/libcuda.so.1"), driver(12020, 1, "x", 8, 0));
        assertEquals(Optional.empty(), m.driverRelease());
        assertEquals(List.of(), asked, "no driver file: libcuda.so.1 is not even searched for");
        GpuDecision.Verdict v = GpuDecision.decide(m, 0);
        assertFalse(v.usable());
        assertEquals("no NVIDIA driver (" + dir.resolve("version") + " is absent)", v.found().toString());
        assertEquals("keinen NVIDIA-Treiber (" + dir.resolve("version") + " fehlt)", v.found().in(Language.GERMAN));
    }

    @Test
    void aDriverWithoutItsLibrary() throws Exception {
        CudaMachine m = probe("535.104.05", "/opt/a:/opt/b", "", Set.of(), null);
        assertEquals(List.of(), asked);
        GpuDecision.Verdict v = GpuDecision.decide(m, 0);
        assertFalse(v.usable());
        assertTrue(v.found().toString().startsWith("the NVIDIA driver 535.104.05 but not its library libcuda.so.1 "
                + "(neither on LD_LIBRARY_PATH nor in the loader's cache, ldconfig -p, nor in /lib/x86_64-linux-gnu, "),
                v.found().toString());
        assertTrue(v.remedy().toString().contains("docker run --gpus all"), v.remedy().toString());
    }

    @ParameterizedTest(name = "LD_LIBRARY_PATH {0}, files {1}: {2} ({3})")
    @CsvSource(delimiter = ';', value = {
        // LD_LIBRARY_PATH comes first, as for the dynamic loader
        "/opt/a:/opt/b; /opt/b/libcuda.so.1 /usr/lib/x86_64-linux-gnu/libcuda.so.1; /opt/b/libcuda.so.1; true",
        // then the loader's cache: its 64-bit entry, not the 32-bit one
        "; /usr/lib/i386-linux-gnu/libcuda.so.1 /usr/lib/x86_64-linux-gnu/libcuda.so.1 /usr/lib64/libcuda.so.1;"
                + " /usr/lib/x86_64-linux-gnu/libcuda.so.1; true",
        // then the loader's default folders
        "/opt/empty; /usr/lib64/libcuda.so.1 /usr/local/nvidia/lib64/libcuda.so.1; /usr/lib64/libcuda.so.1; true",
        // the Kubernetes device plugin's folder: found, but the loader needs it on LD_LIBRARY_PATH
        "; /usr/local/nvidia/lib64/libcuda.so.1 /usr/local/cuda/compat/libcuda.so.1;"
                + " /usr/local/nvidia/lib64/libcuda.so.1; false",
        "; /usr/lib/wsl/lib/libcuda.so.1; /usr/lib/wsl/lib/libcuda.so.1; false"})
    void libcudaIsFoundWhereTheLoaderLooks(String ld, String files, String found, boolean loaderFinds)
            throws Exception {
        String ldconfig = files.contains("x86_64-linux-gnu") ? LDCONFIG : "";
        CudaMachine m = probe("560.35.03", ld, ldconfig, Set.of(files.split(" ")), driver(12060, 1, "G", 8, 9));
        assertEquals(Optional.of(new LibcudaSearch.Found(Path.of(found), loaderFinds)), m.libcuda());
        assertEquals(List.of(Path.of(found)), asked, "the driver is asked through the library found");
        assertTrue(GpuDecision.decide(m, 0).usable());
    }

    @Test
    void theReleaseOfTheDriverFile() {
        assertEquals("535.104.05", CudaProbe.release("NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  "
                + "Sat Aug 19 01:15:15 UTC 2023\nGCC version: gcc 12.2.0\n"));
        assertEquals("560.35.03", CudaProbe.release("NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  "
                + "560.35.03  Release Build  (dvs-builder@U16-I3-B03-4-3)  Fri Aug 16 21:42:42 UTC 2024"));
        assertEquals("NVRM something else", CudaProbe.release("NVRM something else\n"));
    }

    @ParameterizedTest(name = "driver {0} (cuDriverGetVersion {1}): usable {2}")
    @CsvSource({"470.223.02, 11040, false", "525.60.13, 12000, true", "535.104.05, 12020, true",
        "560.35.03, 12060, true"})
    void theDriverMustBeOfCuda12(String release, int version, boolean usable) throws Exception {
        GpuDecision.Verdict v = GpuDecision.decide(withDriver(release, driver(version, 1, "NVIDIA A100-SXM4-40GB", 8,
                0)), 0);
        assertEquals(usable, v.usable(), v.found().toString());
        if (!usable) {
            assertEquals("the NVIDIA driver 470.223.02 for CUDA 11.4 (cuDriverGetVersion 11040); the natives with "
                    + "CUDA 12.1 need a driver for CUDA 12.0 or newer (cuDriverGetVersion 12000, driver 525.60.13 or "
                    + "newer)", v.found().toString());
            assertEquals("update the NVIDIA driver to 525.60.13 or newer", v.remedy().toString());
            assertEquals("den NVIDIA-Treiber 470.223.02 für CUDA 11.4 (cuDriverGetVersion 11040); die Natives mit "
                    + "CUDA 12.1 brauchen einen Treiber für CUDA 12.0 oder neuer (cuDriverGetVersion 12000, Treiber "
                    + "525.60.13 oder neuer)", v.found().in(Language.GERMAN));
        } else {
            assertNull(v.remedy());
        }
    }

    @Test
    void aUsableGpuIsNamedWithItsMemoryCapabilityDriverAndTheNativesCuda() throws Exception {
        GpuDecision.Verdict v = GpuDecision.decide(withDriver("560.35.03", driver(12060, 1, "NVIDIA GeForce RTX 4090",
                8, 9)), 0);
        assertTrue(v.usable());
        assertEquals("NVIDIA GeForce RTX 4090 (gpu:0, 40.0 GiB, compute capability 8.9) with the NVIDIA driver "
                + "560.35.03 for CUDA 12.6; the natives bring CUDA 12.1", v.found().toString());
        assertEquals("NVIDIA GeForce RTX 4090 (gpu:0, 40,0 GiB, Compute Capability 8.9) mit dem NVIDIA-Treiber "
                + "560.35.03 für CUDA 12.6; die Natives bringen CUDA 12.1 mit", v.found().in(Language.GERMAN));
    }

    @ParameterizedTest(name = "compute capability {0}.{1}: kernels {2}")
    @CsvSource({"3, 5, false", "3, 7, false", "5, 0, true", "6, 1, true", "7, 0, true", "7, 5, true", "8, 0, true",
        "8, 6, true", "8, 9, true", "9, 0, true", "10, 0, false", "12, 0, false"})
    void computeCapabilities(int major, int minor, boolean kernels) throws Exception {
        assertEquals(kernels, GpuDecision.hasKernels(major, minor));
        GpuDecision.Verdict v = GpuDecision.decide(withDriver("570.86.10", driver(12080, 1, "NVIDIA B200", major,
                minor)), 0);
        assertEquals(kernels, v.usable());
        if (!kernels) {
            assertEquals("NVIDIA B200 (gpu:0) of compute capability " + major + "." + minor + ", for which PyTorch "
                    + "2.3.1's CUDA 12.1 natives have no kernels (they have them for compute capability 5.x to 9.x: "
                    + "sm_50, sm_60, sm_70, sm_75, sm_80, sm_86, sm_90)", v.found().toString());
            assertEquals("use a GPU of compute capability 5.0 to 9.x", v.remedy().toString());
        }
    }

    @ParameterizedTest(name = "{0} GPU(s), gpu:{1}")
    @CsvSource(delimiter = ';', value = {
        "0; 0; the NVIDIA driver 535.104.05 (CUDA 12.2) but no GPU that it can use",
        "1; 1; 1 GPU (gpu:0), so no gpu:1",
        "4; 4; 4 GPUs (gpu:0 to gpu:3), so no gpu:4",
        "4; 3; ",
        "1; 0; "})
    void gpuCounts(int gpus, int index, String refusal) throws Exception {
        GpuDecision.Verdict v = GpuDecision.decide(withDriver("535.104.05", driver(12020, gpus, "NVIDIA L4", 8, 9)),
                index);
        if (refusal == null) {
            assertTrue(v.usable());
            assertEquals(index, v.gpu().index());
            assertTrue(v.found().toString().startsWith("NVIDIA L4 (gpu:" + index + ", "), v.found().toString());
        } else {
            assertFalse(v.usable());
            assertEquals(refusal, v.found().toString());
        }
    }

    @Test
    void beyondTheCountInGerman() throws Exception {
        GpuDecision.Verdict v = GpuDecision.decide(withDriver("535.104.05", driver(12020, 4, "NVIDIA L4", 8, 9)), 7);
        assertEquals("4 GPUs (gpu:0 bis gpu:3), also keine gpu:7", v.found().in(Language.GERMAN));
        assertEquals("Nimm eine GPU von gpu:0 bis gpu:3", v.remedy().in(Language.GERMAN));
    }

    @Test
    void aDriverThatDoesNotAnswer() throws Exception {
        GpuDecision.Verdict v = GpuDecision.decide(withDriver("535.104.05", new CudaMachine.DriverAnswer(12020,
                List.of(), "cuInit: " + CudaProbe.error(999))), 0);
        assertFalse(v.usable());
        assertEquals("the NVIDIA driver 535.104.05, but its library /usr/lib/x86_64-linux-gnu/libcuda.so.1 does not "
                + "answer: cuInit: CUDA_ERROR_UNKNOWN (999)", v.found().toString());
        assertTrue(v.remedy().toString().contains("nvidia-smi"), v.remedy().toString());
    }
}
