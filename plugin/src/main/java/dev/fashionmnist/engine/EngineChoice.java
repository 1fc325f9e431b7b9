package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.util.Locale;

/**
 * Which natives to load and which device to train on, from the {@code device} parameter and what the machine
 * has: {@code cpu}; {@code gpu} or {@code gpu:N} (needs an NVIDIA driver and CUDA runtime, loads the cu121
 * natives); {@code auto} takes the GPU when one is there. {@link #because()} says why the choice fell as it did.
 *
 * @param gpuIndex the GPU to use, or -1 for the CPU
 * @param auto     whether the {@code device} parameter was {@code auto}: then a GPU that fails its proof in the engine
 *                 JVM ({@link DeviceProof}) gives way to the CPU instead of stopping the goal
 */
public record EngineChoice(NativeArtifact natives, int gpuIndex, Message because, boolean auto) {

    /** A choice the {@code device} parameter named outright (not {@code auto}). */
    public EngineChoice(NativeArtifact natives, int gpuIndex, Message because) {
        this(natives, gpuIndex, because, false);
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

    public static EngineChoice choose(String device, GpuProbe.Result probe, String platform) {
        String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
        if (d.equals("cpu")) {
            return new EngineChoice(NativeArtifact.cpu(platform), -1, Messages.of("engine.choice.cpu"));
        }
        if (d.equals("auto")) {
            if (probe.available() && platform.equals("linux-x86_64")) {
                return new EngineChoice(NativeArtifact.cu121(), 0, Messages.of("engine.choice.autoGpu", probe.text()),
                        true);
            }
            return new EngineChoice(NativeArtifact.cpu(platform), -1, probe.available()
                    ? Messages.of("engine.choice.autoCpuNoCudaNatives", probe.text())
                    : Messages.of("engine.choice.autoCpu", probe.text()), true);
        }
        int index = gpuIndex(d, device);
        if (!platform.equals("linux-x86_64")) {
            throw new EngineException(Messages.of("engine.device.noCudaNatives", device, platform));
        }
        if (!probe.available()) {
            throw new EngineException(Messages.of("engine.device.noGpu", device, probe.text()));
        }
        return new EngineChoice(NativeArtifact.cu121(), index, Messages.of("engine.choice.gpu", d, probe.text()));
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
