package dev.fashionmnist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The device choice, the GPU probe against fake driver files, and the natives classifier per platform. */
class EngineChoiceTest {
    private static final GpuProbe.Result NO_GPU = new GpuProbe.Result(false,
            new Message(Message.RUNTIME_BUNDLE, "literal", "no NVIDIA driver (test)"));
    private static final GpuProbe.Result GPU = new GpuProbe.Result(true,
            Messages.of("engine.gpu.found", "NVRM test driver 535", "test"));

    @TempDir
    Path dir;

    private static String assertFails(Executable action, String... parts) {
        EngineException e = assertThrows(EngineException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
        return e.getMessage();
    }

    @Test
    void cpu() {
        for (GpuProbe.Result probe : List.of(NO_GPU, GPU)) {
            EngineChoice c = EngineChoice.choose("cpu", probe, "linux-x86_64");
            assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:linux-x86_64", c.natives().toString());
            assertEquals(-1, c.gpuIndex());
            assertFalse(c.gpu());
            assertEquals("cpu", c.deviceName());
            assertEquals("cpu", c.natives().flavor());
        }
        EngineChoice mac = EngineChoice.choose(" CPU ", NO_GPU, "osx-aarch64");
        assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:osx-aarch64", mac.natives().toString());
    }

    @Test
    void autoWithoutGpuTakesTheCpu() {
        EngineChoice c = EngineChoice.choose("auto", NO_GPU, "linux-x86_64");
        assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:linux-x86_64", c.natives().toString());
        assertEquals(-1, c.gpuIndex());
        assertTrue(c.reason().contains("no NVIDIA driver (test)"), c.reason());
        assertTrue(c.reason().contains("CPU"), c.reason());
        // no device parameter at all means auto
        assertEquals(-1, EngineChoice.choose(null, NO_GPU, "linux-x86_64").gpuIndex());
    }

    @Test
    void onlyAutoLetsAFailedGpuGiveWayToTheCpu() {
        assertTrue(EngineChoice.choose("auto", GPU, "linux-x86_64").auto());
        assertTrue(EngineChoice.choose(null, NO_GPU, "linux-x86_64").auto());
        assertFalse(EngineChoice.choose("gpu", GPU, "linux-x86_64").auto());
        assertFalse(EngineChoice.choose("gpu:1", GPU, "linux-x86_64").auto());
        assertFalse(EngineChoice.choose("cpu", GPU, "linux-x86_64").auto());
    }

    @Test
    void theChoiceInGerman() {
        GpuProbe.Result none = new GpuProbe(dir.resolve("version"), List.of()).probe();
        EngineChoice c = EngineChoice.choose("auto", none, "linux-x86_64");
        assertEquals("Engine: cpu because device=auto found no NVIDIA driver (" + dir.resolve("version")
                + " is absent), so the CPU", c.line().toString());
        assertEquals("Gerät: cpu, denn device=auto fand keinen NVIDIA-Treiber (" + dir.resolve("version")
                + " fehlt), daher die CPU", c.line().in(Language.GERMAN));
        EngineException e = assertThrows(EngineException.class,
                () -> EngineChoice.choose("gpu:x", none, "linux-x86_64"));
        assertEquals("Parameter 'device' ist 'gpu:x': Setze auto, cpu, gpu oder gpu:N (N = 0, 1, ...)",
                e.message().in(Language.GERMAN));
    }

    @Test
    void autoWithGpuOnLinuxTakesTheGpu() {
        EngineChoice c = EngineChoice.choose("auto", GPU, "linux-x86_64");
        assertEquals("ai.djl.pytorch:pytorch-native-cu121:2.3.1:linux-x86_64", c.natives().toString());
        assertEquals("cu121", c.natives().flavor());
        assertEquals(0, c.gpuIndex());
        assertTrue(c.gpu());
        assertEquals("gpu:0", c.deviceName());
        assertTrue(c.reason().contains("NVRM test driver 535"), c.reason());
    }

    @Test
    void autoWithGpuOnMacTakesTheCpu() {
        EngineChoice c = EngineChoice.choose("auto", GPU, "osx-aarch64");
        assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.3.1:osx-aarch64", c.natives().toString());
        assertEquals(-1, c.gpuIndex());
        assertTrue(c.reason().contains("only for linux-x86_64"), c.reason());
    }

    @Test
    void gpuWithoutGpu() {
        assertFails(() -> EngineChoice.choose("gpu", NO_GPU, "linux-x86_64"),
                "Parameter 'device' is gpu", "no NVIDIA driver (test)", "device=cpu", "auto");
    }

    @Test
    void gpuOnAnotherPlatform() {
        assertFails(() -> EngineChoice.choose("gpu", GPU, "win-x86_64"),
                "Parameter 'device'", "win-x86_64", "device=cpu or auto");
    }

    @Test
    void gpuIndex() {
        EngineChoice one = EngineChoice.choose("gpu:1", GPU, "linux-x86_64");
        assertEquals(1, one.gpuIndex());
        assertEquals("gpu:1", one.deviceName());
        assertEquals("ai.djl.pytorch:pytorch-native-cu121:2.3.1:linux-x86_64", one.natives().toString());
        assertEquals(0, EngineChoice.choose("GPU", GPU, "linux-x86_64").gpuIndex());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"gpu:x", "tpu", "gpu:-1", "gpu:"})
    void badDevices(String device) {
        assertFails(() -> EngineChoice.choose(device, GPU, "linux-x86_64"),
                "Parameter 'device'", "'" + device + "'", "auto, cpu, gpu or gpu:N");
    }

    @Test
    void probeWithoutDriver() {
        GpuProbe.Result r = new GpuProbe(dir.resolve("version"), List.of()).probe();
        assertFalse(r.available());
        assertTrue(r.description().contains("no NVIDIA driver"), r.description());
        assertTrue(r.description().contains(dir.resolve("version").toString()), r.description());
    }

    @Test
    void probeWithDriverButNoLibcuda() throws Exception {
        Path version = Files.writeString(dir.resolve("version"), "NVRM version: Fake Kernel Module 535.1\nGCC\n");
        GpuProbe.Result r = new GpuProbe(version, List.of(dir.resolve("libcuda.so.1").toString())).probe();
        assertFalse(r.available());
        assertTrue(r.description().contains("no CUDA runtime library (libcuda.so.1)"), r.description());
    }

    @Test
    void probeWithDriverAndLibcuda() throws Exception {
        Path version = Files.writeString(dir.resolve("version"), "NVRM version: Fake Kernel Module 535.1\nGCC\n");
        Path libcuda = Files.writeString(dir.resolve("libcuda.so.1"), "fake");
        GpuProbe.Result r = new GpuProbe(version,
                List.of(dir.resolve("absent/libcuda.so.1").toString(), libcuda.toString())).probe();
        assertTrue(r.available(), r.description());
        assertTrue(r.description().contains("NVRM version: Fake Kernel Module 535.1"), r.description());
        assertTrue(r.description().contains(libcuda.toString()), r.description());
        assertFalse(r.description().contains("GCC"), r.description());
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
