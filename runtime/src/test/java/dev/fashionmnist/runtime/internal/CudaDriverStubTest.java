package dev.fashionmnist.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fashionmnist.runtime.ClassifierException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real driver probe, end to end, without a GPU: a stub {@code libcuda.so.1} built here with gcc (its answers come
 * from environment variables, see {@code libcuda-stub.c}) is found through {@code LD_LIBRARY_PATH} and called through
 * JNA in a JVM of its own (a JVM's own LD_LIBRARY_PATH cannot change, and a loaded library stays loaded); only the
 * kernel driver's version file is a fake one, given to the probe.
 */
class CudaDriverStubTest {
    @TempDir
    static Path built;

    @TempDir
    Path dir;

    private Path driverFile;

    /** Compiles {@code resource} (a C file beside this test) into {@code target} as a shared library. */
    static void gcc(String resource, Path target, String... options) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "the stub libraries need gcc");
        if (Files.exists(target)) {
            return;
        }
        Path source = target.resolveSibling(resource);
        try (InputStream in = CudaDriverStubTest.class.getResourceAsStream(resource)) {
            Files.copy(in, source);
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/gcc", "-shared", "-fPIC"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-o", target.toString(), source.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, out);
    }

    @BeforeEach
    void stubDriver() throws Exception {
        Files.createDirectories(built.resolve("driver"));
        gcc("libcuda-stub.c", built.resolve("driver/libcuda.so.1"), "-Wl,-soname,libcuda.so.1");
        driverFile = dir.resolve("version");
    }

    /** Runs {@link Probe} in a JVM whose LD_LIBRARY_PATH holds the stub, with the stub's answers in {@code env}. */
    private String probe(String release, int gpuIndex, Map<String, String> env) throws IOException,
            InterruptedException {
        Files.writeString(driverFile, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  " + release + "  Tue Jul  9 "
                + "2024\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), driverFile.toString(),
                String.valueOf(gpuIndex)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("STUB_CUDA_") || k.startsWith("PYTORCH_"));
        builder.environment().put("LD_LIBRARY_PATH", "/nonexistent:" + built.resolve("driver"));
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aGpuThatRunsTheNatives() throws Exception {
        String out = probe("560.35.03", 0, Map.of("STUB_CUDA_VERSION", "12060", "STUB_CUDA_NAME",
                "NVIDIA GeForce RTX 4090", "STUB_CUDA_CC", "8.9", "STUB_CUDA_MEMORY", "25757220864"));
        assertTrue(out.contains("libcuda: " + built.resolve("driver/libcuda.so.1") + " loaderFinds=true"), out);
        assertTrue(out.contains("usable: NVIDIA GeForce RTX 4090 (gpu:0, 24.0 GiB, compute capability 8.9) with the "
                + "NVIDIA driver 560.35.03 for CUDA 12.6; the natives bring CUDA 12.1"), out);
        // the runtime goes on to the CUDA natives, which this test's class path lacks (it has the CPU natives)
        assertTrue(out.contains("classifier: Cannot load the model onto gpu:0: the CUDA natives are not on the class "
                + "path; add the dependency ai.djl.pytorch:pytorch-native-cu121:2.3.1 with <classifier>linux-x86_64"
                + "</classifier>"), out);
    }

    @Test
    void aDriverTooOld() throws Exception {
        String out = probe("470.223.02", 0, Map.of("STUB_CUDA_VERSION", "11040", "STUB_CUDA_CC", "7.5"));
        assertTrue(out.contains("refused: the NVIDIA driver 470.223.02 for CUDA 11.4 (cuDriverGetVersion 11040); the "
                + "natives with CUDA 12.1 need a driver for CUDA 12.0 or newer (cuDriverGetVersion 12000, driver "
                + "525.60.13 or newer)"), out);
        assertTrue(out.contains("classifier: Cannot load the model onto gpu:0: this machine has the NVIDIA driver "
                + "470.223.02 for CUDA 11.4 (cuDriverGetVersion 11040); the natives with CUDA 12.1 need a driver for "
                + "CUDA 12.0 or newer (cuDriverGetVersion 12000, driver 525.60.13 or newer). To use the GPU, update "
                + "the NVIDIA driver to 525.60.13 or newer; else load the model onto the CPU"), out);
    }

    @Test
    void aBlackwellGpu() throws Exception {
        String out = probe("570.86.10", 0, Map.of("STUB_CUDA_VERSION", "12080", "STUB_CUDA_NAME", "NVIDIA B200",
                "STUB_CUDA_CC", "10.0"));
        assertTrue(out.contains("refused: NVIDIA B200 (gpu:0) of compute capability 10.0, for which PyTorch 2.3.1's "
                + "CUDA 12.1 natives have no kernels"), out);
    }

    @Test
    void noGpuAndAnIndexBeyondTheCount() throws Exception {
        assertTrue(probe("535.104.05", 0, Map.of("STUB_CUDA_INIT", "100")).contains("refused: the NVIDIA driver "
                + "535.104.05 (CUDA 12.2) but no GPU that it can use"));
        String four = probe("535.104.05", 4, Map.of("STUB_CUDA_GPUS", "4"));
        assertTrue(four.contains("refused: 4 GPUs (gpu:0 to gpu:3), so no gpu:4"), four);
    }

    @Test
    void aDriverThatFailsToStart() throws Exception {
        String out = probe("535.104.05", 0, Map.of("STUB_CUDA_INIT", "999"));
        assertTrue(out.contains("refused: the NVIDIA driver 535.104.05, but its library "
                + built.resolve("driver/libcuda.so.1") + " does not answer: cuInit: CUDA_ERROR_UNKNOWN (999)"), out);
    }

    /**
     * Probes with the driver file {@code args[0]} and decides on GPU {@code args[1]}; then asks the runtime to load
     * onto that GPU ({@link Natives#requireGpu}) and prints its answer.
     */
    public static final class Probe {
        public static void main(String[] args) {
            CudaProbe probe = new CudaProbe(Path.of(args[0]));
            CudaMachine machine = probe.probe();
            machine.libcuda().ifPresent(f -> System.out.println("libcuda: " + f.library() + " loaderFinds="
                    + f.loaderFinds()));
            GpuDecision.Verdict v = GpuDecision.decide(machine, Integer.parseInt(args[1]));
            System.out.println((v.usable() ? "usable: " : "refused: ") + v.found());
            try {
                Natives.requireGpu(probe, Integer.parseInt(args[1]));
                System.out.println("classifier: ready" + File.pathSeparator);
            } catch (ClassifierException e) {
                System.out.println("classifier: " + e.getMessage());
            }
        }
    }
}
