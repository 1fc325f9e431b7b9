package dev.fashionmnist.engine;

import ai.djl.Device;
import dev.fashionmnist.runtime.Message;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The one device choice of training and evaluation, once the engine is loaded: the CPU for a negative GPU index, else
 * that GPU, which PyTorch must see; and the device's name as log lines and model cards write it.
 */
public final class Devices {
    private Devices() {
    }

    /**
     * The CPU for a negative {@code gpuIndex}, else that GPU. {@code gpuCount} is asked only for a GPU (it may load
     * the engine); when the GPU is not there, the error says {@code missing} of the GPU count PyTorch sees.
     */
    public static Device select(int gpuIndex, IntSupplier gpuCount, IntFunction<Message> missing) {
        if (gpuIndex < 0) {
            return Device.cpu();
        }
        int gpus = gpuCount.getAsInt();
        if (gpuIndex >= gpus) {
            throw new EngineException(missing.apply(gpus));
        }
        return Device.gpu(gpuIndex);
    }

    /** {@code cpu} or {@code gpu:N}, as the {@code device} parameter names it. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }
}
