package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.runtime.internal.CudaMachine;
import dev.fashionmnist.runtime.internal.GpuDecision;
import dev.fashionmnist.runtime.internal.LibcudaSearch;
import dev.fashionmnist.text.Messages;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which natives to load and which device to train on, from the {@code device} parameter and what the machine
 * has: {@code cpu}; {@code gpu} or {@code gpu:N} (needs an NVIDIA driver whose GPU runs the cu121 natives, see
 * {@link GpuDecision}; loads the cu121 natives, which bring their own CUDA runtime); {@code auto} takes GPU 0 when it
 * runs them, else the CPU. The driver is asked ({@link dev.fashionmnist.runtime.internal.CudaProbe}) before any natives
 * are resolved, so a GPU that cannot run them is refused in seconds, not after a 2.4 GB download. {@link #because()}
 * says why the choice fell as it did.
 *
 * @param gpuIndex the GPU to use, or -1 for the CPU
 * @param libcuda  for a GPU: where the driver's library is, so that the engine's JVM finds it too; else null
 * @param auto     whether the {@code device} parameter was {@code auto}: then a GPU that fails its proof in the engine
 *                 JVM ({@link DeviceProof}) gives way to the CPU instead of stopping the goal
 */
public record EngineChoice(NativeArtifact natives, int gpuIndex, Message because, LibcudaSearch.Found libcuda,
                           boolean auto) {

    /** A choice the {@code device} parameter named outright (not {@code auto}) whose JVM needs no driver library. */
    public EngineChoice(NativeArtifact natives, int gpuIndex, Message because) {
        this(natives, gpuIndex, because, null, false);
    }

    /** A choice whose engine JVM needs nothing to find the driver's library. */
    public EngineChoice(NativeArtifact natives, int gpuIndex, Message because, boolean auto) {
        this(natives, gpuIndex, because, null, auto);
    }

    /** A choice the {@code device} parameter named outright (not {@code auto}). */
    public EngineChoice(NativeArtifact natives, int gpuIndex, Message because, LibcudaSearch.Found libcuda) {
        this(natives, gpuIndex, because, libcuda, false);
    }

    /** Why the choice fell as it did, in English. */
    public String reason() {
        return because.toString();
    }

    /** The log line "Engine: cpu because ...", to be worded in the reader's language. */
    public Message line() {
        return Messages.of("engine.choice", deviceName(), because);
    }

    public boolean gpu() {
        return gpuIndex >= 0;
    }

    public String deviceName() {
        return gpu() ? "gpu:" + gpuIndex : "cpu";
    }

    /** As {@link #choose(String, Supplier, String)} with the machine probed already. */
    public static EngineChoice choose(String device, CudaMachine machine, String platform) {
        return choose(device, () -> machine, platform);
    }

    /**
     * The choice for the {@code device} parameter on {@code platform}; {@code probe} asks the driver, and is called
     * only for auto and a GPU on linux-x86_64.
     */
    public static EngineChoice choose(String device, Supplier<CudaMachine> probe, String platform) {
        String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
        if (d.equals("cpu")) {
            return new EngineChoice(NativeArtifact.cpu(platform), -1, Messages.of("engine.choice.cpu"));
        }
        boolean cudaNatives = platform.equals("linux-x86_64");
        if (d.equals("auto")) {
            CudaMachine machine = probe.get();
            GpuDecision.Verdict verdict = GpuDecision.decide(machine, 0);
            if (!cudaNatives) {
                return new EngineChoice(NativeArtifact.cpu(platform), -1, machine.driverRelease().isPresent()
                        ? Messages.of("engine.choice.autoCpuNoCudaNatives", verdict.found())
                        : Messages.of("engine.choice.autoCpu", verdict.found()), true);
            }
            if (verdict.usable()) {
                return new EngineChoice(NativeArtifact.cu121(), 0, Messages.of("engine.choice.autoGpu",
                        verdict.found()), machine.libcuda().orElseThrow(), true);
            }
            return new EngineChoice(NativeArtifact.cpu(platform), -1, Messages.of("engine.choice.autoCpu",
                    verdict.found()), true);
        }
        int index = gpuIndex(d, device);
        if (!cudaNatives) {
            throw new EngineException(Messages.of("engine.device.noCudaNatives", device, platform));
        }
        CudaMachine machine = probe.get();
        GpuDecision.Verdict verdict = GpuDecision.decide(machine, index);
        if (!verdict.usable()) {
            throw new EngineException(Messages.of("engine.device.noGpu", device, verdict.found(), verdict.remedy()));
        }
        return new EngineChoice(NativeArtifact.cu121(), index, Messages.of("engine.choice.gpu", d, verdict.found()),
                machine.libcuda().orElseThrow());
    }

    private static int gpuIndex(String d, String original) {
        if (d.equals("gpu")) {
            return 0;
        }
        if (d.startsWith("gpu:")) {
            try {
                int n = Integer.parseInt(d.substring(4));
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new EngineException(Messages.of("engine.device.unknown", original));
    }
}
