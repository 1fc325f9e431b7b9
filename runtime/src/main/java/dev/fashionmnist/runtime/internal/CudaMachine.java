package dev.fashionmnist.runtime.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a machine offers for CUDA, found without loading PyTorch: the NVIDIA driver's version file, its library
 * {@code libcuda.so.1}, and the driver's own answer about itself and its GPUs. {@link GpuDecision} judges it.
 *
 * @param driverFile where the kernel driver tells its version ({@code /proc/driver/nvidia/version})
 * @param driverRelease the driver's release as that file names it (e.g. {@code 535.104.05}); empty without the file
 * @param libcuda the driver's library, where found
 * @param answer what the driver said through that library; null when it was not asked (no file, no library)
 */
public record CudaMachine(Path driverFile, Optional<String> driverRelease, Optional<LibcudaSearch.Found> libcuda,
                          DriverAnswer answer) {

    /** A machine without the NVIDIA driver. */
    public static CudaMachine withoutDriver(Path driverFile) {
        return new CudaMachine(driverFile, Optional.empty(), Optional.empty(), null);
    }

    /**
     * The driver's answer: its CUDA version ({@code cuDriverGetVersion}, e.g. 12020 for CUDA 12.2) and its GPUs, or
     * why it gave none.
     *
     * @param failure null when the driver answered; else what failed (the library not loadable, {@code cuInit} with an
     *     error), in the driver's terms
     */
    public record DriverAnswer(int cudaVersion, List<Gpu> gpus, String failure) {
        /** The CUDA version as people write it: 12020 is "12.2". */
        public String cudaVersionText() {
            return cudaText(cudaVersion);
        }
    }

    /** One GPU as the driver describes it. */
    public record Gpu(int index, String name, long memoryBytes, int major, int minor) {
        /** The memory in GiB. */
        public double memoryGiB() {
            return memoryBytes / (double) (1L << 30);
        }

        /** The compute capability as NVIDIA writes it, e.g. "8.9". */
        public String computeCapability() {
            return major + "." + minor;
        }
    }

    /** A CUDA version number as people write it: 12020 is "12.2", 11040 "11.4". */
    public static String cudaText(int version) {
        return version / 1000 + "." + version % 1000 / 10;
    }
}
