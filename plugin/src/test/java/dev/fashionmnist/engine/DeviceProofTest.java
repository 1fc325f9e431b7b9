package dev.fashionmnist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.internal.Natives;
import dev.fashionmnist.runtime.internal.network.Architecture;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.Messages;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The device proof with the real PyTorch natives of the tests (the CPU build): its forward and backward pass and its
 * log line on the CPU, a real out-of-memory, and what happens to a GPU that PyTorch does not have or cannot use, with
 * and without {@code device=auto}.
 */
class DeviceProofTest {
    private static final ModelSpec MLP = ModelSpec.of("mlp", 16, null, null, 28, 28, 10);
    private static final IntFunction<dev.fashionmnist.runtime.Message> MISSING =
            gpus -> Messages.of("evaluate.device.noGpu", 0, gpus);

    @Test
    void aTrainingStepRunsForwardAndBackward() {
        DeviceProof.Outcome outcome = DeviceProof.training(MLP, 4).run(Device.cpu());
        assertTrue(outcome.loss() > 0 && Double.isFinite(outcome.loss()), "cross entropy " + outcome.loss());
        assertTrue(outcome.gradientNorm() > 0 && Double.isFinite(outcome.gradientNorm()),
                "the backward pass gave gradients: " + outcome.gradientNorm());
        assertTrue(outcome.nanos() > 0);
    }

    @Test
    void aConvolutionalNetworkWithBatchNormToo() {
        ModelSpec cnn = ModelSpec.of("amelie-cnn", 0, null, null, 28, 28, 10);
        DeviceProof.Outcome outcome = DeviceProof.training(cnn, 2).run(Device.cpu());
        assertTrue(outcome.gradientNorm() > 0, "gradients: " + outcome.gradientNorm());
    }

    @Test
    void inferenceRunsForwardOnly() {
        DeviceProof.Outcome outcome = DeviceProof.inference(MLP, 3).run(Device.cpu());
        assertTrue(outcome.loss() > 0 && Double.isFinite(outcome.loss()));
        assertTrue(Double.isNaN(outcome.gradientNorm()), "no backward pass");
    }

    @Test
    void aPassedProofIsLogged() {
        RecordingLog log = new RecordingLog();
        assertEquals(Optional.empty(), DeviceProof.training(MLP, 4).prove(Device.cpu(), 0, log));
        assertEquals(1, log.infos.size(), log.infos.toString());
        assertTrue(log.infos.get(0).matches("Device proof: cpu ran one training step \\(forward and backward\\) of "
                + "mlp 784-16-10 with batch 4 in \\d+ ms"), log.infos.get(0));
        RecordingLog german = new RecordingLog(Language.GERMAN);
        DeviceProof.inference(MLP, 1).prove(Device.cpu(), 0, german);
        assertTrue(german.infos.get(0).matches("Geräteprobe: cpu rechnete einen Vorwärtsdurchlauf von mlp 784-16-10 "
                + "mit Batchgröße 1 in \\d+ ms"), german.infos.get(0));
    }

    @Test
    void aRealOutOfMemoryNamesTheBatchToTry() {
        // images of 32768 x 32768: the batch is 2^48 bytes, beyond any address space, while the network stays small
        ModelSpec huge = new ModelSpec(Architecture.RESNET, List.of(), List.of(1, 1, 1), 32768, 32768, 10);
        RecordingLog log = new RecordingLog();
        DeviceFailure failure = DeviceProof.training(huge, 65536).prove(Device.cpu(), 0, log).orElseThrow();
        assertEquals(DeviceFailure.Kind.OUT_OF_MEMORY, failure.kind());
        String message = failure.message().toString();
        assertTrue(message.startsWith("cpu ran out of memory in one training step (forward and backward) of resnet"),
                message);
        assertTrue(message.contains("with batch 65536: try batchSize 32768 (-Dfashionmnist.batchSize=32768)"),
                message);
        assertEquals(List.of(), log.infos, "no passed line");
    }

    @Test
    void theCpuNeedsNoProof() {
        RecordingLog log = new RecordingLog();
        Device device = DeviceProof.training(MLP, 4).device(-1, false, () -> fail("no GPU count for the CPU"),
                MISSING, log);
        assertEquals(Device.cpu(), device);
        assertEquals(List.of(), log.infos);
        assertEquals(List.of(), log.warnings);
    }

    @Test
    void autoWithoutAGpuTakesTheCpuAndSaysWhy() {
        RecordingLog log = new RecordingLog();
        int gpus = Natives.requireEngine().getGpuCount(); // the CPU natives: none
        Device device = DeviceProof.training(MLP, 4).device(0, true, () -> gpus, MISSING, log);
        assertEquals(Device.cpu(), device);
        assertEquals(List.of("device=auto chose gpu:0, but PyTorch sees 0 GPU(s); so this run uses the CPU"),
                log.warnings);
    }

    @Test
    void aNamedGpuThatIsNotThereStops() {
        EngineException e = assertThrows(EngineException.class, () -> DeviceProof.inference(MLP, 1)
                .device(0, false, MISSING, new RecordingLog()));
        assertEquals("Parameter 'device' is gpu:0, but PyTorch sees 0 GPU(s): use device=cpu or auto", e.getMessage());
    }

    /**
     * A GPU that PyTorch lists but cannot use: told that there is one, the CPU natives fail at the proof's first
     * allocation with their real exception, as natives without kernels for a GPU fail at its first kernel.
     */
    @Test
    void aGpuThatFailsItsProofStopsANamedDevice() {
        RecordingLog log = new RecordingLog();
        EngineException e = assertThrows(EngineException.class, () -> DeviceProof.training(MLP, 4)
                .device(0, false, () -> 1, MISSING, log));
        assertTrue(e.getMessage().startsWith("gpu:0 cannot be used: the PyTorch natives loaded are the CPU build "
                + "(\"Could not run 'aten::empty.memory_format' with arguments from the 'CUDA' backend\"): "),
                e.getMessage());
        assertEquals(List.of(), log.infos);
    }

    @Test
    void underAutoAGpuThatFailsItsProofGivesWayToTheCpu() {
        RecordingLog log = new RecordingLog();
        Device device = DeviceProof.training(MLP, 4).device(0, true, () -> 1, MISSING, log);
        assertEquals(Device.cpu(), device);
        assertEquals(List.of("device=auto: gpu:0 cannot be used: the PyTorch natives loaded are the CPU build (\"Could "
                + "not run 'aten::empty.memory_format' with arguments from the 'CUDA' backend\"); so this run uses the "
                + "CPU (the CUDA natives run there too)"), log.warnings);
        // the CPU it falls back to works: the run goes on there
        assertTrue(DeviceProof.training(MLP, 4).run(device).gradientNorm() > 0);
    }
}
