package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.djl.Device;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application asking for a GPU where there is none gets the driver probe's reason before anything of PyTorch is
 * loaded (the reasons for a driver too old, no kernels and the rest are checked against a stub driver in
 * {@code CudaDriverStubTest}).
 */
class GpuClassifierTest {
    @TempDir
    Path dir;

    @Test
    void aGpuWithoutTheNvidiaDriverIsRefusedWithTheReason() throws Exception {
        assumeFalse(Files.exists(Path.of("/proc/driver/nvidia/version")), "this machine has an NVIDIA driver");
        Path model = TestModels.write(dir.resolve("mlp"), ModelSpec.of("mlp", 8, null, null, 28, 28, 10), 1);
        ClassifierException e = assertThrows(ClassifierException.class, () -> Classifier.load(model, Device.gpu(1)));
        assertEquals("Cannot load the model onto gpu:1: this machine has no NVIDIA driver "
                + "(/proc/driver/nvidia/version is absent). To use the GPU, install the NVIDIA driver (in a "
                + "container: start it with the GPUs, e.g. docker run --gpus all); else load the model onto the CPU",
                e.getMessage());
        assertEquals("Das Modell kann nicht auf gpu:1 geladen werden: Dieser Rechner hat keinen NVIDIA-Treiber "
                + "(/proc/driver/nvidia/version fehlt). Um die GPU zu nutzen: Installiere den NVIDIA-Treiber (in einem "
                + "Container: starte ihn mit den GPUs, z. B. docker run --gpus all); sonst lade das Modell auf die CPU",
                e.message().in(Language.GERMAN));
        try (Classifier cpu = Classifier.load(model, Device.cpu())) {
            assertEquals(10, cpu.classNames().size(), "the CPU still works in the same JVM");
        }
    }
}
