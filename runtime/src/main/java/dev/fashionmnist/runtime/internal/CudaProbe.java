package dev.fashionmnist.runtime.internal;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks this machine's NVIDIA driver which CUDA version and GPUs it has, before anything of PyTorch is loaded or
 * downloaded: the kernel driver's version file first (no file, no driver: nothing is loaded), then
 * {@code libcuda.so.1} where the dynamic loader would find it ({@link LibcudaSearch}), then the CUDA driver API in that
 * library through JNA ({@code cuInit}, {@code cuDriverGetVersion}, {@code cuDeviceGetCount}, {@code cuDeviceGet},
 * {@code cuDeviceGetName}, {@code cuDeviceGetAttribute}, {@code cuDeviceTotalMem_v2}). None of these creates a CUDA
 * context or takes GPU memory. A CUDA runtime ({@code libcudart}) on the system plays no part: the CUDA natives bring
 * their own.
 */
public final class CudaProbe {
    /** Where the Linux kernel driver tells its version. */
    public static final Path DRIVER_FILE = Path.of("/proc/driver/nvidia/version");
    /** {@code CUDA_ERROR_NO_DEVICE}: the driver works and sees no GPU. */
    static final int NO_DEVICE = 100;
    private static final Pattern RELEASE = Pattern.compile("\\b(\\d{2,4}\\.\\d{1,3}(?:\\.\\d{1,3})?)\\b");
    /**
     * The driver libraries loaded, by path: once loaded, a library stays (JNA keeps it open), and PyTorch's CUDA
     * runtime, opening {@code libcuda.so.1} by name later in this process, gets this one.
     */
    private static final Map<Path, CudaDriverLibrary> LOADED = new ConcurrentHashMap<>();

    private final Path driverFile;
    private final Supplier<String> ldLibraryPath;
    private final Supplier<String> ldconfig;
    private final Predicate<Path> exists;
    private final Function<Path, CudaMachine.DriverAnswer> driver;

    /** The probe of this machine. */
    public CudaProbe() {
        this(DRIVER_FILE);
    }

    /** The probe of this machine with the driver's version file at {@code driverFile} (a test's fake file). */
    public CudaProbe(Path driverFile) {
        this(driverFile, () -> System.getenv("LD_LIBRARY_PATH"), LibcudaSearch::ldconfigOutput, Files::isRegularFile,
                CudaProbe::ask);
    }

    /** A probe that searches and asks through the given functions (tests give fake ones). */
    public CudaProbe(Path driverFile, Supplier<String> ldLibraryPath, Supplier<String> ldconfig,
                     Predicate<Path> exists, Function<Path, CudaMachine.DriverAnswer> driver) {
        this.driverFile = driverFile;
        this.ldLibraryPath = ldLibraryPath;
        this.ldconfig = ldconfig;
        this.exists = exists;
        this.driver = driver;
    }

    /** What this machine has. */
    public CudaMachine probe() {
        if (!Files.isReadable(driverFile)) {
            return CudaMachine.withoutDriver(driverFile);
        }
        String release;
        try {
            release = release(Files.readString(driverFile, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            release = "?";
        }
        Optional<LibcudaSearch.Found> libcuda = LibcudaSearch.find(ldLibraryPath.get(), ldconfig.get(), exists);
        return new CudaMachine(driverFile, Optional.of(release), libcuda,
                libcuda.map(found -> driver.apply(found.library())).orElse(null));
    }

    /**
     * The driver release in the version file's first line, e.g. {@code 535.104.05} of
     * {@code NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023}; else that line.
     */
    static String release(String versionFile) {
        String first = versionFile.lines().findFirst().orElse("").trim();
        int module = first.indexOf("Module");
        Matcher m = RELEASE.matcher(module < 0 ? first : first.substring(module));
        return m.find() ? m.group(1) : first.isEmpty() ? "?" : first;
    }

    /** Asks the driver library at {@code libcuda} through JNA. */
    static CudaMachine.DriverAnswer ask(Path libcuda) {
        CudaDriverLibrary cuda;
        try {
            cuda = LOADED.computeIfAbsent(libcuda, p -> Native.load(p.toString(), CudaDriverLibrary.class));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return new CudaMachine.DriverAnswer(0, List.of(), String.valueOf(e.getMessage()));
        }
        try {
            return ask(cuda);
        } catch (UnsatisfiedLinkError e) {
            // a library named libcuda.so.1 that lacks one of these functions is no driver's
            return new CudaMachine.DriverAnswer(0, List.of(), String.valueOf(e.getMessage()));
        }
    }

    private static CudaMachine.DriverAnswer ask(CudaDriverLibrary cuda) {
        IntByReference value = new IntByReference();
        // the version needs no cuInit, and tells a driver too old for the natives even where cuInit fails
        int version = cuda.cuDriverGetVersion(value) == 0 ? value.getValue() : 0;
        int init = cuda.cuInit(0);
        if (init == NO_DEVICE) {
            return new CudaMachine.DriverAnswer(version, List.of(), null);
        }
        if (init != 0) {
            return new CudaMachine.DriverAnswer(version, List.of(), "cuInit: " + error(init));
        }
        int result = cuda.cuDeviceGetCount(value);
        if (result != 0) {
            return new CudaMachine.DriverAnswer(version, List.of(), "cuDeviceGetCount: " + error(result));
        }
        int count = value.getValue();
        List<CudaMachine.Gpu> gpus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IntByReference device = new IntByReference();
            result = cuda.cuDeviceGet(device, i);
            if (result != 0) {
                return new CudaMachine.DriverAnswer(version, gpus, "cuDeviceGet(" + i + "): " + error(result));
            }
            byte[] name = new byte[256];
            String text = cuda.cuDeviceGetName(name, name.length, device.getValue()) == 0 ? Native.toString(name)
                    : "GPU " + i;
            IntByReference major = new IntByReference();
            IntByReference minor = new IntByReference();
            result = cuda.cuDeviceGetAttribute(major, CudaDriverLibrary.COMPUTE_CAPABILITY_MAJOR, device.getValue());
            if (result == 0) {
                result = cuda.cuDeviceGetAttribute(minor, CudaDriverLibrary.COMPUTE_CAPABILITY_MINOR,
                        device.getValue());
            }
            if (result != 0) {
                return new CudaMachine.DriverAnswer(version, gpus, "cuDeviceGetAttribute: " + error(result));
            }
            LongByReference bytes = new LongByReference();
            long memory = cuda.cuDeviceTotalMem_v2(bytes, device.getValue()) == 0 ? bytes.getValue() : 0;
            gpus.add(new CudaMachine.Gpu(i, text, memory, major.getValue(), minor.getValue()));
        }
        return new CudaMachine.DriverAnswer(version, List.copyOf(gpus), null);
    }

    /** A {@code CUresult} with its name where it is one a user may meet here. */
    static String error(int code) {
        String name = switch (code) {
            case 2 -> "CUDA_ERROR_OUT_OF_MEMORY";
            case 3 -> "CUDA_ERROR_NOT_INITIALIZED";
            case 34 -> "CUDA_ERROR_STUB_LIBRARY: the CUDA toolkit's stub libcuda, not the driver's";
            case 46 -> "CUDA_ERROR_DEVICE_UNAVAILABLE";
            case 101 -> "CUDA_ERROR_INVALID_DEVICE";
            case 304 -> "CUDA_ERROR_OPERATING_SYSTEM";
            case 800 -> "CUDA_ERROR_NOT_PERMITTED";
            case 802 -> "CUDA_ERROR_SYSTEM_NOT_READY";
            case 803 -> "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH: libcuda.so.1 and the kernel driver differ in version";
            case 804 -> "CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE";
            case 999 -> "CUDA_ERROR_UNKNOWN";
            default -> "CUDA error";
        };
        return name + " (" + code + ")";
    }
}
