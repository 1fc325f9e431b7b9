package dev.fashionmnist.engine;

import dev.fashionmnist.model.ModelException;
import java.util.Locale;

/**
 * Which natives to load and which device to train on, from the {@code device} parameter and what the machine
 * has: {@code cpu}; {@code gpu} or {@code gpu:N} (needs an NVIDIA driver and CUDA runtime, loads the cu121
 * natives); {@code auto} takes the GPU when one is there. {@link #reason()} says why the choice fell as it did.
 *
 * @param gpuIndex the GPU to use, or -1 for the CPU
 */
public record EngineChoice(NativeArtifact natives, int gpuIndex, String reason) {

    public boolean gpu() {
        return gpuIndex >= 0;
    }

    public String deviceName() {
        return gpu() ? "gpu:" + gpuIndex : "cpu";
    }

    public static EngineChoice choose(String device, GpuProbe.Result probe, String platform) {
        String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
        if (d.equals("cpu")) {
            return new EngineChoice(NativeArtifact.cpu(platform), -1, "device=cpu");
        }
        if (d.equals("auto")) {
            if (probe.available() && platform.equals("linux-x86_64")) {
                return new EngineChoice(NativeArtifact.cu121(), 0, "device=auto found " + probe.description());
            }
            return new EngineChoice(NativeArtifact.cpu(platform), -1, "device=auto found " + probe.description()
                    + (probe.available() ? " but CUDA natives exist only for linux-x86_64" : "") + ", so the CPU");
        }
        int index = gpuIndex(d, device);
        if (!platform.equals("linux-x86_64")) {
            throw new ModelException("Parameter 'device' is " + device + ", but PyTorch's CUDA natives exist only for "
                    + "linux-x86_64 and this is " + platform + ": use device=cpu or auto");
        }
        if (!probe.available()) {
            throw new ModelException("Parameter 'device' is " + device + ", but this machine has " + probe.description()
                    + ": use device=cpu, or auto to take a GPU only where there is one");
        }
        return new EngineChoice(NativeArtifact.cu121(), index, "device=" + d + " (" + probe.description() + ")");
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
        throw new ModelException("Parameter 'device' is '" + original + "': use auto, cpu, gpu or gpu:N (N = 0, 1, ...)");
    }
}
