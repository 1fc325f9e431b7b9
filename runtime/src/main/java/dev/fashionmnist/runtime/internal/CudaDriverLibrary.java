package dev.fashionmnist.runtime.internal;

import com.sun.jna.Library;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/**
 * The few functions of the CUDA driver API ({@code libcuda.so.1}, part of the NVIDIA driver, not of a CUDA toolkit)
 * that tell which driver and GPUs a machine has, called through JNA. Each returns a {@code CUresult}: 0 is success.
 */
interface CudaDriverLibrary extends Library {
    /** {@code CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR}. */
    int COMPUTE_CAPABILITY_MAJOR = 75;
    /** {@code CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR}. */
    int COMPUTE_CAPABILITY_MINOR = 76;

    int cuInit(int flags);

    int cuDriverGetVersion(IntByReference version);

    int cuDeviceGetCount(IntByReference count);

    int cuDeviceGet(IntByReference device, int ordinal);

    int cuDeviceGetName(byte[] name, int length, int device);

    int cuDeviceGetAttribute(IntByReference value, int attribute, int device);

    /** {@code size_t *bytes}: 64 bits on the 64-bit Linux the CUDA natives exist for. */
    int cuDeviceTotalMem_v2(LongByReference bytes, int device);
}
