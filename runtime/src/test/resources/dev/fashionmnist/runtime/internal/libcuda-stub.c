/*
 * A stand-in for the NVIDIA driver's libcuda.so.1, for tests on machines without a GPU: the few driver API functions
 * CudaProbe calls, answering from environment variables.
 *   STUB_CUDA_VERSION  cuDriverGetVersion's answer (e.g. 12060), default 12020
 *   STUB_CUDA_INIT     cuInit's result (e.g. 100 for CUDA_ERROR_NO_DEVICE), default 0
 *   STUB_CUDA_GPUS     cuDeviceGetCount's answer, default 1
 *   STUB_CUDA_NAME     every GPU's name, default "Stub GPU"
 *   STUB_CUDA_CC       every GPU's compute capability "major.minor", default "8.0"
 *   STUB_CUDA_MEMORY   every GPU's memory in bytes, default 16 GiB
 * Built by the test: gcc -shared -fPIC -Wl,-soname,libcuda.so.1 -o libcuda.so.1 libcuda-stub.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long setting(const char *name, long otherwise) {
    const char *value = getenv(name);
    return value == NULL ? otherwise : strtol(value, NULL, 10);
}

static int initialised = 0;

int cuDriverGetVersion(int *version) {
    *version = (int) setting("STUB_CUDA_VERSION", 12020);
    return 0;
}

int cuInit(unsigned int flags) {
    int result = (int) setting("STUB_CUDA_INIT", 0);
    initialised = result == 0;
    return result;
}

int cuDeviceGetCount(int *count) {
    if (!initialised) {
        return 3; /* CUDA_ERROR_NOT_INITIALIZED */
    }
    *count = (int) setting("STUB_CUDA_GPUS", 1);
    return 0;
}

int cuDeviceGet(int *device, int ordinal) {
    if (ordinal < 0 || ordinal >= setting("STUB_CUDA_GPUS", 1)) {
        return 101; /* CUDA_ERROR_INVALID_DEVICE */
    }
    *device = ordinal;
    return 0;
}

int cuDeviceGetName(char *name, int length, int device) {
    const char *value = getenv("STUB_CUDA_NAME");
    snprintf(name, (size_t) length, "%s", value == NULL ? "Stub GPU" : value);
    return 0;
}

int cuDeviceGetAttribute(int *value, int attribute, int device) {
    const char *cc = getenv("STUB_CUDA_CC");
    int major = 8;
    int minor = 0;
    if (cc != NULL) {
        sscanf(cc, "%d.%d", &major, &minor);
    }
    if (attribute == 75) {
        *value = major;
    } else if (attribute == 76) {
        *value = minor;
    } else {
        return 1; /* CUDA_ERROR_INVALID_VALUE */
    }
    return 0;
}

int cuDeviceTotalMem_v2(size_t *bytes, int device) {
    const char *value = getenv("STUB_CUDA_MEMORY");
    *bytes = value == NULL ? (size_t) 16 << 30 : (size_t) strtoull(value, NULL, 10);
    return 0;
}
