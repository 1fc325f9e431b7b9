package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds out, without loading any native code, whether this machine has an NVIDIA driver and CUDA runtime. */
public final class GpuProbe {
    private static final List<String> LIBCUDA = List.of(
            "/usr/lib/x86_64-linux-gnu/libcuda.so.1", "/usr/lib64/libcuda.so.1", "/usr/lib/libcuda.so.1",
            "/usr/local/nvidia/lib64/libcuda.so.1", "/usr/local/cuda/compat/libcuda.so.1",
            "/usr/lib/wsl/lib/libcuda.so.1");

    private final Path driverVersionFile;
    private final List<String> libcudaPaths;

    public GpuProbe() {
        this(Path.of("/proc/driver/nvidia/version"), LIBCUDA);
    }

    GpuProbe(Path driverVersionFile, List<String> libcudaPaths) {
        this.driverVersionFile = driverVersionFile;
        this.libcudaPaths = libcudaPaths;
    }

    /** A description of the NVIDIA driver and CUDA runtime found, or why none counts. */
    public Result probe() {
        if (!Files.isReadable(driverVersionFile)) {
            return new Result(false, Messages.of("engine.gpu.noDriver", driverVersionFile));
        }
        String driver;
        try {
            driver = Files.readAllLines(driverVersionFile).stream().findFirst().orElse("NVIDIA driver").trim();
        } catch (Exception e) {
            driver = "NVIDIA driver";
        }
        Optional<String> libcuda = libcudaPaths.stream().filter(p -> Files.exists(Path.of(p))).findFirst();
        if (libcuda.isEmpty()) {
            return new Result(false, Messages.of("engine.gpu.noCuda"));
        }
        return new Result(true, Messages.of("engine.gpu.found", driver, libcuda.get()));
    }

    /** Whether a usable GPU was found, and in words why or why not. */
    public record Result(boolean available, Message text) {
        /** What was found, in English. */
        public String description() {
            return text.toString();
        }
    }
}
