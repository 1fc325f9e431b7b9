/**
 * The engine: PyTorch natives (where they come from, which platform), the device choice (cpu, gpu, gpu:N), the
 * GPU probe, tensors on the device, and EngineException. Uses the layers below it.
 */
package dev.fashionmnist.engine;
