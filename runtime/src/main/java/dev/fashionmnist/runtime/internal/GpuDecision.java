package dev.fashionmnist.runtime.internal;

import dev.fashionmnist.runtime.Message;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a GPU can run PyTorch 2.3.1's CUDA 12.1 natives ({@code pytorch-native-cu121}), judged from what the driver
 * said ({@link CudaMachine}) before the 2.4 GB natives are downloaded or loaded. The plugin's device choice and the
 * runtime's {@code Classifier.load(path, Device)} ask here, so both refuse with the same words.
 *
 * <p><b>Driver.</b> The natives bring their own CUDA 12.1 runtime; it needs a driver of CUDA 12
 * ({@code cuDriverGetVersion} 12000 or more, Linux driver 525.60.13 or newer): NVIDIA's CUDA minor version
 * compatibility lets a 12.x runtime run on any 12.x driver ("CUDA Compatibility", docs.nvidia.com/deploy/
 * cuda-compatibility, table "CUDA 12.x: &gt;= 525"). A 12.0 driver lacks only PTX JIT of newer PTX, which the natives
 * do not need on the GPUs accepted below (they carry cubins, no PTX).
 *
 * <p><b>Compute capability.</b> The libtorch 2.3.1+cu121 that DJL packs as {@code pytorch-native-cu121} is built
 * with {@code TORCH_CUDA_ARCH_LIST="5.0;6.0;7.0;7.5;8.0;8.6;9.0"} (pytorch/builder, branch release/2.3,
 * manywheel/build_cuda.sh, which libtorch/build.sh runs): cubins for sm_50 ... sm_90 and no PTX. A cubin for X.y runs
 * on a GPU of X.z with z &gt;= y (CUDA C++ Programming Guide, "Binary Compatibility"), so compute capability 5.x to 9.x
 * has kernels (8.9, an Ada GPU, runs the 8.0 and 8.6 cubins), and 3.x (Kepler) and 10.x or 12.x (Blackwell) have none:
 * there the first kernel fails with "no kernel image is available for execution on the device".
 */
public final class GpuDecision {
    /** The lowest {@code cuDriverGetVersion} the natives run on: CUDA 12.0. */
    public static final int NEEDED_DRIVER_CUDA = 12000;
    /** The Linux driver release of CUDA 12.0 (the minimum for CUDA 12.x minor version compatibility). */
    public static final String NEEDED_DRIVER_RELEASE = "525.60.13";
    /** The CUDA version of the natives' own runtime. */
    public static final String NATIVES_CUDA = "12.1";
    /** The compute capabilities the natives carry cubins for, as {@code major * 10 + minor}. */
    static final List<Integer> CUBINS = List.of(50, 60, 70, 75, 80, 86, 90);

    private GpuDecision() {
    }

    /**
     * The outcome: the GPU to use ({@link #usable()}), or none. {@code found} words what the machine has, to follow
     * "found" or "this machine has"; {@code remedy} what to do when the GPU is refused (null when usable).
     */
    public record Verdict(CudaMachine.Gpu gpu, Message found, Message remedy) {
        public boolean usable() {
            return gpu != null;
        }
    }

    /** Whether GPU {@code gpuIndex} of {@code machine} runs the natives, and in words why or why not. */
    public static Verdict decide(CudaMachine machine, int gpuIndex) {
        if (machine.driverRelease().isEmpty()) {
            return refused(Message.runtime("runtime.gpu.noDriver", machine.driverFile()),
                    Message.runtime("runtime.gpu.noDriver.remedy"));
        }
        String release = machine.driverRelease().get();
        if (machine.libcuda().isEmpty()) {
            String folders = String.join(", ", LibcudaSearch.LOADER_FOLDERS) + ", "
                    + String.join(", ", LibcudaSearch.OTHER_FOLDERS);
            return refused(Message.runtime("runtime.gpu.noLibcuda", release, folders),
                    Message.runtime("runtime.gpu.noLibcuda.remedy"));
        }
        CudaMachine.DriverAnswer answer = machine.answer();
        String library = machine.libcuda().get().library().toString();
        if (answer.cudaVersion() > 0 && answer.cudaVersion() < NEEDED_DRIVER_CUDA) {
            return refused(Message.runtime("runtime.gpu.driverTooOld", release, answer.cudaVersionText(),
                    answer.cudaVersion(), CudaMachine.cudaText(NEEDED_DRIVER_CUDA), NEEDED_DRIVER_CUDA,
                    NEEDED_DRIVER_RELEASE, NATIVES_CUDA), Message.runtime("runtime.gpu.driverTooOld.remedy",
                    NEEDED_DRIVER_RELEASE));
        }
        if (answer.failure() != null) {
            return refused(Message.runtime("runtime.gpu.driverFailed", release, library, answer.failure()),
                    Message.runtime("runtime.gpu.driverFailed.remedy"));
        }
        List<CudaMachine.Gpu> gpus = answer.gpus();
        if (gpus.isEmpty()) {
            return refused(Message.runtime("runtime.gpu.noDevice", release, answer.cudaVersionText()),
                    Message.runtime("runtime.gpu.noDevice.remedy"));
        }
        if (gpuIndex >= gpus.size()) {
            return refused(Message.runtime("runtime.gpu.beyond", gpus.size(), gpus.size() - 1, gpuIndex),
                    Message.runtime("runtime.gpu.beyond.remedy", gpus.size() - 1));
        }
        CudaMachine.Gpu gpu = gpus.get(gpuIndex);
        if (!hasKernels(gpu.major(), gpu.minor())) {
            return refused(Message.runtime("runtime.gpu.noKernels", gpu.name(), gpu.index(), gpu.computeCapability(),
                    NATIVES_CUDA, cubins()), Message.runtime("runtime.gpu.noKernels.remedy"));
        }
        return new Verdict(gpu, Message.runtime("runtime.gpu.usable", gpu.name(), gpu.index(), gpu.memoryGiB(),
                gpu.computeCapability(), release, answer.cudaVersionText(), NATIVES_CUDA), null);
    }

    /** Whether the natives carry a cubin that runs on compute capability {@code major.minor}. */
    static boolean hasKernels(int major, int minor) {
        return CUBINS.stream().anyMatch(c -> c / 10 == major && c % 10 <= minor);
    }

    /** The cubins as nvcc names them: sm_50, sm_60, ... */
    static String cubins() {
        return CUBINS.stream().map(c -> "sm_" + c).collect(Collectors.joining(", "));
    }

    private static Verdict refused(Message found, Message remedy) {
        return new Verdict(null, found, remedy);
    }
}
