package dev.fashionmnist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.internal.CudaMachine;
import dev.fashionmnist.runtime.internal.LibcudaSearch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device choice from what the driver said (fake probe results: no driver, a driver too old, GPUs of several compute
 * capabilities and counts), its engine line and refusals in both languages, and the natives classifier per platform.
 */
class EngineChoiceTest {
    private static final LibcudaSearch.Found LIBCUDA =
            new LibcudaSearch.Found(Path.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1"), true);

    @TempDir
    Path dir;

    private CudaMachine noDriver() {
        return CudaMachine.withoutDriver(dir.resolve("version"));
    }

    /** A machine with the driver {@code release} of CUDA {@code version} and {@code gpus} GPUs of one kind. */
    private CudaMachine machine(String release, int version, int gpus, String name, int major, int minor) {
        List<CudaMachine.Gpu> list = java.util.stream.IntStream.range(0, gpus)
                .mapToObj(i -> new CudaMachine.Gpu(i, name, 25_757_220_864L, major, minor)).toList();
        return new CudaMachine(dir.resolve("version"), Optional.of(release), Optional.of(LIBCUDA),
                new CudaMachine.DriverAnswer(version, list, null));
    }

    private CudaMachine rtx4090() {
        return machine("560.35.03", 12060, 1, "NVIDIA GeForce RTX 4090", 8, 9);
    }

    /** A probe that must not be asked. */
    private static final Supplier<CudaMachine> UNASKED = () -> {
        throw new AssertionError("the driver was asked");
    };

    private static String assertFails(Executable action, String... parts) {
        EngineException e = assertThrows(EngineException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
        return e.getMessage();
    }

    @Test
    void cpu() {
        EngineChoice c = EngineChoice.choose("cpu", UNASKED, "linux-x86_64");
        assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:linux-x86_64", c.natives().toString());
        assertEquals(-1, c.gpuIndex());
        assertFalse(c.gpu());
        assertEquals("cpu", c.deviceName());
        assertEquals("cpu", c.natives().flavor());
        assertEquals(null, c.libcuda());
        EngineChoice mac = EngineChoice.choose(" CPU ", UNASKED, "osx-aarch64");
        assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:osx-aarch64", mac.natives().toString());
    }

    @Test
    void autoWithoutDriverTakesTheCpu() {
        EngineChoice c = EngineChoice.choose("auto", noDriver(), "linux-x86_64");
        assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:linux-x86_64", c.natives().toString());
        assertEquals(-1, c.gpuIndex());
        // no device parameter at all means auto
        assertEquals(-1, EngineChoice.choose(null, noDriver(), "linux-x86_64").gpuIndex());
    }

    @Test
    void onlyAutoLetsAFailedGpuGiveWayToTheCpu() {
        CudaMachine twoGpus = machine("560.35.03", 12060, 2, "NVIDIA GeForce RTX 4090", 8, 9);
        assertTrue(EngineChoice.choose("auto", () -> twoGpus, "linux-x86_64").auto());
        assertTrue(EngineChoice.choose(null, this::noDriver, "linux-x86_64").auto());
        assertFalse(EngineChoice.choose("gpu", () -> twoGpus, "linux-x86_64").auto());
        assertFalse(EngineChoice.choose("gpu:1", () -> twoGpus, "linux-x86_64").auto());
        assertFalse(EngineChoice.choose("cpu", () -> twoGpus, "linux-x86_64").auto());
    }

    @Test
    void theChoiceInGerman() {
        EngineChoice c = EngineChoice.choose("auto", noDriver(), "linux-x86_64");
        assertEquals("Engine: cpu because device=auto found no NVIDIA driver (" + dir.resolve("version")
                + " is absent), so the CPU", c.line().toString());
        assertEquals("Gerät: cpu, denn device=auto fand keinen NVIDIA-Treiber (" + dir.resolve("version")
                + " fehlt), daher die CPU", c.line().in(Language.GERMAN));
        EngineException e = assertThrows(EngineException.class,
                () -> EngineChoice.choose("gpu:x", noDriver(), "linux-x86_64"));
        assertEquals("Parameter 'device' ist 'gpu:x': Setze auto, cpu, gpu oder gpu:N (N = 0, 1, ...)",
                e.message().in(Language.GERMAN));
    }

    @Test
    void autoWithAUsableGpuTakesItAndNamesIt() {
        EngineChoice c = EngineChoice.choose("auto", rtx4090(), "linux-x86_64");
        assertEquals("ai.djl.pytorch:pytorch-native-cu121:2.3.1:linux-x86_64", c.natives().toString());
        assertEquals("cu121", c.natives().flavor());
        assertEquals(0, c.gpuIndex());
        assertTrue(c.gpu());
        assertEquals(LIBCUDA, c.libcuda());
        assertEquals("Engine: gpu:0 because device=auto found NVIDIA GeForce RTX 4090 (gpu:0, 24.0 GiB, compute "
                + "capability 8.9) with the NVIDIA driver 560.35.03 for CUDA 12.6; the natives bring CUDA 12.1",
                c.line().toString());
        assertEquals("Gerät: gpu:0, denn device=auto fand NVIDIA GeForce RTX 4090 (gpu:0, 24,0 GiB, Compute "
                + "Capability 8.9) mit dem NVIDIA-Treiber 560.35.03 für CUDA 12.6; die Natives bringen CUDA 12.1 mit",
                c.line().in(Language.GERMAN));
    }

    @ParameterizedTest(name = "driver {0} ({1}), compute capability {2}.{3}, {4} GPU(s): {5}")
    @CsvSource(delimiter = '|', value = {
        "470.223.02| 11040| 7| 5| 1| cpu because device=auto found the NVIDIA driver 470.223.02 for CUDA 11.4 "
                + "(cuDriverGetVersion 11040); the natives with CUDA 12.1 need a driver for CUDA 12.0 or newer "
                + "(cuDriverGetVersion 12000, driver 525.60.13 or newer), so the CPU",
        "535.104.05| 12020| 8| 0| 1| gpu:0 because device=auto found NVIDIA GPU (gpu:0, 24.0 GiB, compute "
                + "capability 8.0) with the NVIDIA driver 535.104.05 for CUDA 12.2; the natives bring CUDA 12.1",
        "560.35.03| 12060| 9| 0| 4| gpu:0 because device=auto found NVIDIA GPU (gpu:0, 24.0 GiB, compute "
                + "capability 9.0) with the NVIDIA driver 560.35.03 for CUDA 12.6; the natives bring CUDA 12.1",
        "560.35.03| 12060| 3| 5| 1| cpu because device=auto found NVIDIA GPU (gpu:0) of compute capability 3.5, "
                + "for which PyTorch 2.3.1's CUDA 12.1 natives have no kernels (they have them for compute "
                + "capability 5.x to 9.x: sm_50, sm_60, sm_70, sm_75, sm_80, sm_86, sm_90), so the CPU",
        "570.86.10| 12080| 10| 0| 1| cpu because device=auto found NVIDIA GPU (gpu:0) of compute capability 10.0, "
                + "for which PyTorch 2.3.1's CUDA 12.1 natives have no kernels (they have them for compute "
                + "capability 5.x to 9.x: sm_50, sm_60, sm_70, sm_75, sm_80, sm_86, sm_90), so the CPU",
        "535.104.05| 12020| 8| 0| 0| cpu because device=auto found the NVIDIA driver 535.104.05 (CUDA 12.2) but no "
                + "GPU that it can use, so the CPU"})
    void autoDecidesByWhatTheDriverSaid(String release, int version, int major, int minor, int gpus, String line) {
        EngineChoice c = EngineChoice.choose("auto", machine(release, version, gpus, "NVIDIA GPU", major, minor),
                "linux-x86_64");
        assertEquals("Engine: " + line, c.line().toString());
        assertEquals(line.startsWith("gpu") ? "cu121" : "cpu", c.natives().flavor());
    }

    @Test
    void autoWithGpuOnArmTakesTheCpu() {
        EngineChoice c = EngineChoice.choose("auto", rtx4090(), "linux-aarch64");
        assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:linux-aarch64", c.natives().toString());
        assertEquals(-1, c.gpuIndex());
        assertTrue(c.reason().contains("only for linux-x86_64"), c.reason());
    }

    @Test
    void gpuWithoutDriver() {
        String m = assertFails(() -> EngineChoice.choose("gpu", noDriver(), "linux-x86_64"));
        assertEquals("Parameter 'device' is gpu, but this machine has no NVIDIA driver (" + dir.resolve("version")
                + " is absent). To use the GPU, install the NVIDIA driver (in a container: start it with the GPUs, e.g."
                + " docker run --gpus all); else use device=cpu, or auto to take a GPU only where one is usable", m);
    }

    @Test
    void gpuWithADriverTooOldEndsBeforeAnyDownload() {
        EngineException e = assertThrows(EngineException.class, () -> EngineChoice.choose("gpu",
                machine("470.223.02", 11040, 2, "Tesla T4", 7, 5), "linux-x86_64"));
        assertEquals("Parameter 'device' is gpu, but this machine has the NVIDIA driver 470.223.02 for CUDA 11.4 "
                + "(cuDriverGetVersion 11040); the natives with CUDA 12.1 need a driver for CUDA 12.0 or newer "
                + "(cuDriverGetVersion 12000, driver 525.60.13 or newer). To use the GPU, update the NVIDIA driver to "
                + "525.60.13 or newer; else use device=cpu, or auto to take a GPU only where one is usable",
                e.getMessage());
        assertEquals("Parameter 'device' ist gpu, aber dieser Rechner hat den NVIDIA-Treiber 470.223.02 für CUDA 11.4 "
                + "(cuDriverGetVersion 11040); die Natives mit CUDA 12.1 brauchen einen Treiber für CUDA 12.0 oder "
                + "neuer (cuDriverGetVersion 12000, Treiber 525.60.13 oder neuer). Um die GPU zu nutzen: Aktualisiere "
                + "den NVIDIA-Treiber auf 525.60.13 oder neuer; sonst setze device=cpu, oder auto, um eine GPU nur "
                + "dort zu nehmen, wo sie nutzbar ist", e.message().in(Language.GERMAN));
    }

    @Test
    void gpuWithoutKernelsForItsComputeCapability() {
        assertFails(() -> EngineChoice.choose("gpu:0", machine("570.86.10", 12080, 1, "NVIDIA B200", 10, 0),
                "linux-x86_64"), "Parameter 'device' is gpu:0, but this machine has NVIDIA B200 (gpu:0) of compute "
                + "capability 10.0", "To use the GPU, use a GPU of compute capability 5.0 to 9.x");
    }

    @Test
    void gpuOnAnotherPlatformAsksNoDriver() {
        assertFails(() -> EngineChoice.choose("gpu", UNASKED, "win-x86_64"),
                "Parameter 'device'", "win-x86_64", "device=cpu or auto");
    }

    @Test
    void gpuIndex() {
        CudaMachine four = machine("535.104.05", 12020, 4, "NVIDIA L4", 8, 9);
        EngineChoice three = EngineChoice.choose("gpu:3", four, "linux-x86_64");
        assertEquals(3, three.gpuIndex());
        assertEquals("gpu:3", three.deviceName());
        assertEquals("ai.djl.pytorch:pytorch-native-cu121:2.3.1:linux-x86_64", three.natives().toString());
        assertEquals("Engine: gpu:3 because device=gpu:3 (NVIDIA L4 (gpu:3, 24.0 GiB, compute capability 8.9) with "
                + "the NVIDIA driver 535.104.05 for CUDA 12.2; the natives bring CUDA 12.1)", three.line().toString());
        assertEquals(0, EngineChoice.choose("GPU", four, "linux-x86_64").gpuIndex());
        assertFails(() -> EngineChoice.choose("gpu:4", four, "linux-x86_64"), "Parameter 'device' is gpu:4, but "
                + "this machine has 4 GPUs (gpu:0 to gpu:3), so no gpu:4. To use the GPU, use a GPU from gpu:0 to "
                + "gpu:3; else use device=cpu");
        assertFails(() -> EngineChoice.choose("gpu:1", rtx4090(), "linux-x86_64"), "this machine has 1 GPU (gpu:0), "
                + "so no gpu:1");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"gpu:x", "tpu", "gpu:-1", "gpu:"})
    void badDevices(String device) {
        assertFails(() -> EngineChoice.choose(device, UNASKED, "linux-x86_64"),
                "Parameter 'device'", "'" + device + "'", "auto, cpu, gpu or gpu:N");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({"linux, amd64, linux-x86_64", "Linux, x86_64, linux-x86_64", "Linux, aarch64, linux-aarch64",
        "Mac OS X, aarch64, osx-aarch64", "Windows 11, amd64, win-x86_64"})
    void platformClassifier(String os, String arch, String classifier) {
        assertEquals(classifier, Platform.classifier(os, arch));
    }

    @Test
    void anUnknownPlatformListsTheKnownOnes() {
        assertFails(() -> Platform.classifier("SunOS", "sparc"), "SunOS sparc", "linux-x86_64", "linux-aarch64",
                "osx-aarch64", "win-x86_64");
    }
}
