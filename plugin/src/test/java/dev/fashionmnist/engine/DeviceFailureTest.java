package dev.fashionmnist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.fashionmnist.engine.DeviceFailure.Kind;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The failures of a device's first use, told apart by the engine's texts: real ones, as PyTorch (2.3.1 and older),
 * CUDA and DJL word them (from PyTorch's documentation and issues, DJL's issues, and this machine's CPU allocator),
 * and one provoked here through DJL.
 */
class DeviceFailureTest {
    /** What PyTorch appends to every CUDA error (c10/cuda/CUDAException.cpp, 2.1 and later). */
    private static final String CUDA_HINTS = "\nCUDA kernel errors might be asynchronously reported at some other API "
            + "call, so the stacktrace below might be incorrect.\nFor debugging consider passing "
            + "CUDA_LAUNCH_BLOCKING=1.\nCompile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n";
    /** PyTorch 2.3's caching allocator (its documentation's example). */
    static final String OUT_OF_MEMORY = "CUDA out of memory. Tried to allocate 3.15 GiB. GPU 0 has a total capacity "
            + "of 39.56 GiB of which 6.80 GiB is free. Including non-PyTorch memory, this process has 36.61 GiB memory "
            + "in use. Of the allocated memory 31.66 GiB is allocated by PyTorch, and 4.11 GiB is reserved by PyTorch "
            + "but unallocated. If reserved but unallocated memory is large try setting "
            + "PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory "
            + "Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)";
    /** The same with another process on the GPU. */
    static final String OUT_OF_MEMORY_SHARED = "CUDA out of memory. Tried to allocate 1.16 GiB. GPU 0 has a total "
            + "capacity of 31.36 GiB of which 471.69 MiB is free. Including non-PyTorch memory, this process has "
            + "16.63 GiB memory in use. Process 19239 has 14.26 GiB memory in use. Of the allocated memory 15.03 GiB "
            + "is allocated by PyTorch, and 1.00 GiB is reserved by PyTorch but unallocated.";
    /** PyTorch 2.1, with its typo. */
    static final String OUT_OF_MEMORY_2_1 = "CUDA out of memory. Tried to allocate 1.70 GiB. GPU 0 has a total capacty "
            + "of 6.00 GiB of which 0 bytes is free. Of the allocated memory 2.93 GiB is allocated by PyTorch, and "
            + "2.30 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try "
            + "setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management and "
            + "PYTORCH_CUDA_ALLOC_CONF";
    /** PyTorch before 2.1. */
    static final String OUT_OF_MEMORY_OLD = "CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 1.96 GiB total "
            + "capacity; 1.24 GiB already allocated; 2.88 MiB free; 1.25 GiB reserved in total by PyTorch)";
    /** PyTorch 2.3.1's CPU allocator on this machine, through DJL (see {@link #aRealEngineExceptionOnTheCpu}). */
    static final String CPU_OUT_OF_MEMORY = "[enforce fail at alloc_cpu.cpp:117] err == 0. DefaultCPUAllocator: can't "
            + "allocate memory: you tried to allocate 281474976710656 bytes. Error code 12 (Cannot allocate memory)";
    /** PyTorch 2.3.1's CPU natives asked for a CUDA tensor, through DJL (DJL issues 1618 and 3806). */
    static final String CPU_NATIVES = "Could not run 'aten::empty.memory_format' with arguments from the 'CUDA' "
            + "backend. This could be because the operator doesn't exist for this backend, or was omitted during the "
            + "selective/custom build process (if using custom build). If you are a Facebook employee using PyTorch on "
            + "mobile, please visit https://fburl.com/ptmfixes for possible resolutions. 'aten::empty.memory_format' "
            + "is only available for these backends: [CPU, Meta, QuantizedCPU, QuantizedMeta, MkldnnCPU, SparseCPU].";
    static final String DRIVER_TOO_OLD = "The NVIDIA driver on your system is too old (found version 11040). Please "
            + "update your GPU driver by downloading and installing a new version from the URL: "
            + "http://www.nvidia.com/Download/index.aspx Alternatively, go to: https://pytorch.org to install a "
            + "PyTorch version that has been compiled with your version of the CUDA driver.";

    static Stream<Arguments> realTexts() {
        return Stream.of(
                Arguments.of(OUT_OF_MEMORY, Kind.OUT_OF_MEMORY),
                Arguments.of(OUT_OF_MEMORY_SHARED, Kind.OUT_OF_MEMORY),
                Arguments.of(OUT_OF_MEMORY_2_1, Kind.OUT_OF_MEMORY),
                Arguments.of(OUT_OF_MEMORY_OLD, Kind.OUT_OF_MEMORY),
                Arguments.of("CUDA error: out of memory" + CUDA_HINTS, Kind.OUT_OF_MEMORY),
                Arguments.of("CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`",
                        Kind.OUT_OF_MEMORY),
                Arguments.of(CPU_OUT_OF_MEMORY, Kind.OUT_OF_MEMORY),
                Arguments.of("[enforce fail at alloc_cpu.cpp:83] err == 0. DefaultCPUAllocator: not enough memory: "
                        + "you tried to allocate 1099511627776 bytes.", Kind.OUT_OF_MEMORY),
                Arguments.of("CUDA error: no kernel image is available for execution on the device" + CUDA_HINTS,
                        Kind.NO_KERNEL_IMAGE),
                Arguments.of("CUDA error: no kernel image is available for execution on the device\nException "
                        + "raised from launch_unrolled_kernel at /pytorch/aten/src/ATen/native/cuda/CUDALoops.cuh:132 "
                        + "(most recent call first):\nframe #0: c10::Error::Error(c10::SourceLocation, std::string) "
                        + "+ 0x42 (0x7f336c3702f2 in libtorch/lib/libc10.so)", Kind.NO_KERNEL_IMAGE),
                Arguments.of("CUDA error: invalid device function" + CUDA_HINTS, Kind.NO_KERNEL_IMAGE),
                Arguments.of("CUDA error: invalid device ordinal" + CUDA_HINTS, Kind.NO_SUCH_GPU),
                Arguments.of("CUDA error: CUDA-capable device(s) is/are busy or unavailable" + CUDA_HINTS, Kind.BUSY),
                Arguments.of("CUDA error: all CUDA-capable devices are busy or unavailable", Kind.BUSY),
                Arguments.of(DRIVER_TOO_OLD, Kind.DRIVER_TOO_OLD),
                Arguments.of("CUDA error: CUDA driver version is insufficient for CUDA runtime version" + CUDA_HINTS,
                        Kind.DRIVER_TOO_OLD),
                Arguments.of(CPU_NATIVES, Kind.CPU_NATIVES),
                Arguments.of("CUDA error: an illegal memory access was encountered" + CUDA_HINTS, Kind.OTHER),
                Arguments.of("default_program(22): error: extra text after expected end of number", Kind.OTHER),
                Arguments.of("", Kind.OTHER),
                Arguments.of(null, Kind.OTHER));
    }

    @ParameterizedTest
    @MethodSource("realTexts")
    void eachRealTextIsItsKind(String text, Kind expected) {
        assertEquals(expected, DeviceFailure.kind(text));
        DeviceFailure failure = DeviceFailure.of(text, "gpu:0", ran(), 1, 64);
        assertEquals(expected, failure.kind());
        String message = failure.message().toString();
        assertTrue(message.startsWith(expected == Kind.DRIVER_TOO_OLD ? "The NVIDIA driver of gpu:0" : "gpu:0 "),
                message);
        assertTrue(message.contains("device="), "says what to do: " + message);
        assertFalse(message.contains("CUDA kernel errors might"), message);
        assertFalse(message.contains("Exception raised from"), message);
        assertFalse(failure.message().in(Language.GERMAN).isBlank());
    }

    private static Message ran() {
        return Messages.of("engine.proof.training", "mlp 784-128-10", 64);
    }

    @Test
    void outOfMemoryNamesTheBatchToTryAndTheMemory() {
        assertEquals("gpu:0 ran out of memory in one training step (forward and backward) of mlp 784-128-10 with "
                        + "batch 64 (GPU memory: 39.56 GiB in all, 6.80 GiB free): try batchSize 32 "
                        + "(-Dfashionmnist.batchSize=32), stop other programs that use this GPU, or use device=cpu",
                DeviceFailure.of(OUT_OF_MEMORY, "gpu:0", ran(), 1, 64).message().toString());
        assertTrue(DeviceFailure.of(OUT_OF_MEMORY_SHARED, "gpu:0", ran(), 1, 64).message().toString()
                .contains("(GPU memory: 31.36 GiB in all, 471.69 MiB free; other processes hold 14.26 GiB "
                        + "(process 19239))"));
        assertTrue(DeviceFailure.of(OUT_OF_MEMORY_2_1, "gpu:0", ran(), 1, 64).message().toString()
                .contains("(GPU memory: 6.00 GiB in all, 0 bytes free)"));
        assertTrue(DeviceFailure.of(OUT_OF_MEMORY_OLD, "gpu:0", ran(), 1, 64).message().toString()
                .contains("(GPU memory: 1.96 GiB in all, 2.88 MiB free)"));
        // a batch of 4096 fits no better than 2048, which is written as a plain number to copy
        assertTrue(DeviceFailure.of(OUT_OF_MEMORY, "gpu:0", ran(), 1, 4096).message().toString()
                .contains("try batchSize 2048 (-Dfashionmnist.batchSize=2048)"));
        assertEquals("Versuche batchSize 2048 (-Dfashionmnist.batchSize=2048), beende andere Programme auf dieser GPU "
                + "oder setze device=cpu", DeviceFailure.of(OUT_OF_MEMORY, "gpu:0", ran(), 1, 4096).advice()
                .in(Language.GERMAN));
        // evaluation's batch is not the user's: no batch size to try
        String inference = DeviceFailure.of("CUDA error: out of memory" + CUDA_HINTS, "gpu:1",
                Messages.of("engine.proof.inference", "resnet", 128), 2, 0).message().toString();
        assertEquals("gpu:1 ran out of memory in one forward pass of resnet with batch 128: stop other programs that "
                + "use this GPU, choose another one with device=gpu:N, or use device=cpu", inference);
    }

    @Test
    void noKernelImageNamesTheArchitecturesOfTheNatives() {
        String message = DeviceFailure.of("CUDA error: no kernel image is available for execution on the device"
                + CUDA_HINTS, "gpu:0", ran(), 1, 64).message().toString();
        assertEquals("gpu:0 cannot run one training step (forward and backward) of mlp 784-128-10 with batch 64: "
                + "PyTorch 2.3.1's CUDA 12.1 natives have no kernels for its compute capability (\"CUDA error: no "
                + "kernel image is available for execution on the device\"). They cover compute capability 5.0 to 9.0 "
                + "(sm_50, sm_60, sm_70, sm_75, sm_80, sm_86, sm_90), not newer GPUs such as Blackwell (10.0, 12.0): "
                + "use device=cpu, or device=auto, which then takes the CPU", message);
    }

    @Test
    void theOtherKindsSayWhatToDo() {
        assertEquals("gpu:3 is beyond the GPUs this process sees: PyTorch sees 2 GPU(s) (\"CUDA error: invalid "
                        + "device ordinal\"; CUDA_VISIBLE_DEVICES decides which GPUs a process sees): use device=gpu:0 "
                        + "to gpu:1, auto or cpu",
                DeviceFailure.of("CUDA error: invalid device ordinal" + CUDA_HINTS, "gpu:3", ran(), 2, 64).message()
                        .toString());
        assertEquals("gpu:0 is busy or unavailable (\"CUDA error: CUDA-capable device(s) is/are busy or "
                        + "unavailable\"): another process holds it while its compute mode is exclusive (nvidia-smi: "
                        + "Exclusive_Process), or the GPU is prohibited or faulty: wait for the other process, choose "
                        + "another GPU with device=gpu:N, have the compute mode set to default "
                        + "(nvidia-smi -c DEFAULT), or use device=cpu",
                DeviceFailure.of("CUDA error: CUDA-capable device(s) is/are busy or unavailable" + CUDA_HINTS, "gpu:0",
                        ran(), 1, 64).message().toString());
        assertEquals("The NVIDIA driver of gpu:0 is too old for PyTorch 2.3.1's CUDA 12.1 natives (\"The NVIDIA "
                        + "driver on your system is too old (found version 11040)\") (found: a driver for CUDA 11.4): "
                        + "they need driver 525.60.13 or newer, which supports CUDA 12.0 or later: update the NVIDIA "
                        + "driver, or use device=cpu",
                DeviceFailure.of(DRIVER_TOO_OLD, "gpu:0", ran(), 1, 64).message().toString());
        assertEquals("The NVIDIA driver of gpu:0 is too old for PyTorch 2.3.1's CUDA 12.1 natives (\"CUDA error: CUDA "
                        + "driver version is insufficient for CUDA runtime version\"): they need driver 525.60.13 or "
                        + "newer, which supports CUDA 12.0 or later: update the NVIDIA driver, or use device=cpu",
                DeviceFailure.of("CUDA error: CUDA driver version is insufficient for CUDA runtime version"
                        + CUDA_HINTS, "gpu:0", ran(), 1, 64).message().toString());
        assertEquals("gpu:0 cannot be used: the PyTorch natives loaded are the CPU build (\"Could not run "
                        + "'aten::empty.memory_format' with arguments from the 'CUDA' backend\"): remove settings that "
                        + "point DJL at other natives (PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR, PYTORCH_VERSION), or use "
                        + "device=cpu",
                DeviceFailure.of(CPU_NATIVES, "gpu:0", ran(), 1, 64).message().toString());
    }

    @Test
    void anythingElseKeepsTheEnginesOwnWords() {
        assertEquals("gpu:0 failed running one training step (forward and backward) of mlp 784-128-10 with batch 64: "
                        + "CUDA error: an illegal memory access was encountered: use device=cpu, or run with -X to see "
                        + "PyTorch's whole output",
                DeviceFailure.of("CUDA error: an illegal memory access was encountered" + CUDA_HINTS
                        + "Exception raised from c10_cuda_check_implementation at ../c10/cuda/CUDAException.cpp:43 "
                        + "(most recent call first):\nframe #0: c10::Error::Error", "gpu:0", ran(), 1, 64).message()
                        .toString());
        String longText = "x".repeat(5000);
        assertTrue(DeviceFailure.essence(longText).length() < 700);
        assertTrue(DeviceFailure.essence(longText).endsWith(" ..."));
    }

    @Test
    void aRealEngineExceptionOnTheCpu() {
        // 2^48 bytes: more than the address space of any machine, so the CPU allocator refuses whatever the memory
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> manager.zeros(new Shape(1L << 46)));
            assertEquals("ai.djl.engine.EngineException", e.getClass().getName());
            assertEquals(Kind.OUT_OF_MEMORY, DeviceFailure.kind(e.getMessage()), e.getMessage());
            assertTrue(e.getMessage().contains("DefaultCPUAllocator"), e.getMessage());
        }
    }
}
