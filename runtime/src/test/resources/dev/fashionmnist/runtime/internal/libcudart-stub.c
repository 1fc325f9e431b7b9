/*
 * A stand-in for a CUDA runtime (libcudart), for tests without a GPU: the functions DJL's CudaUtils calls through JNA
 * to decide the natives' flavour. Its CUDA version is fixed when it is built: -DSTUB_VERSION=12010 (CUDA 12.1).
 * Built by the test: gcc -shared -fPIC -DSTUB_VERSION=12010 -o libcudart.so libcudart-stub.c
 */
#ifndef STUB_VERSION
#define STUB_VERSION 12010
#endif

int cudaGetDeviceCount(int *count) {
    *count = 1;
    return 0;
}

int cudaRuntimeGetVersion(int *version) {
    *version = STUB_VERSION;
    return 0;
}

int cudaDeviceGetAttribute(int *value, int attribute, int device) {
    *value = attribute == 75 ? 8 : 9;
    return 0;
}

const char *cudaGetErrorString(int error) {
    return "stub error";
}
