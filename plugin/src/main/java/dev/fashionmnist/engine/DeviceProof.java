package dev.fashionmnist.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.runtime.internal.Natives;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The proof that a GPU works before a run relies on it: allocate on it and run the job's network once with the job's
 * batch size, a training step (forward and backward) for training, a forward pass for evaluation and prediction.
 * A GPU that PyTorch lists can still fail at its first kernel (no kernels for its compute capability, too little free
 * memory for the batch, held by another process, a driver too old): that shows here, in a second, with one message
 * that says what to do ({@link DeviceFailure}), not in the middle of the first epoch. Under {@code device=auto} a
 * failed proof means the CPU, with a warning that says why: the CUDA natives run on the CPU too.
 */
public final class DeviceProof {
    private final ModelSpec spec;
    private final int batchSize;
    private final boolean training;

    private DeviceProof(ModelSpec spec, int batchSize, boolean training) {
        this.spec = spec;
        this.batchSize = batchSize;
        this.training = training;
    }

    /** One training step of {@code spec}'s network on a batch of {@code batchSize} images. */
    public static DeviceProof training(ModelSpec spec, int batchSize) {
        return new DeviceProof(spec, batchSize, true);
    }

    /** One forward pass, without gradients, of {@code spec}'s network on a batch of {@code batchSize} images. */
    public static DeviceProof inference(ModelSpec spec, int batchSize) {
        return new DeviceProof(spec, batchSize, false);
    }

    /**
     * The device to run on: the CPU for a negative {@code gpuIndex} (nothing to prove), else GPU {@code gpuIndex} once
     * it is there ({@link Devices#select}) and this proof passed on it (logged). When it is not there or the proof
     * fails, {@code auto} (the {@code device} parameter was {@code auto}) warns why and gives the CPU; otherwise the
     * goal stops: {@code missing} words a GPU index beyond the count, {@link DeviceFailure} a failed proof.
     *
     * @param gpuCount the GPUs PyTorch sees; asked only for a GPU (it may load the engine)
     */
    public Device device(int gpuIndex, boolean auto, IntSupplier gpuCount, IntFunction<Message> missing,
                         BuildLog log) {
        if (gpuIndex < 0) {
            return Device.cpu();
        }
        int gpus = gpuCount.getAsInt();
        if (auto && gpuIndex >= gpus) {
            log.warn(Messages.of("engine.proof.autoNoGpu", gpuIndex, gpus));
            return Device.cpu();
        }
        Device gpu = Devices.select(gpuIndex, () -> gpus, missing);
        Optional<DeviceFailure> failure = prove(gpu, gpus, log);
        if (failure.isEmpty()) {
            return gpu;
        }
        if (auto) {
            log.warn(Messages.of("engine.proof.autoCpu", failure.get().problem()));
            return Device.cpu();
        }
        throw new EngineException(failure.get().message());
    }

    /**
     * As {@link #device(int, boolean, IntSupplier, IntFunction, BuildLog)} with the GPU count of the loaded engine.
     */
    public Device device(int gpuIndex, boolean auto, IntFunction<Message> missing, BuildLog log) {
        return device(gpuIndex, auto, () -> Natives.requireEngine().getGpuCount(), missing, log);
    }

    /**
     * Runs the proof on {@code device} and logs that it passed (device, what ran, how long); or says why it failed, in
     * words for the user, {@code gpuCount} being the GPUs PyTorch sees.
     */
    public Optional<DeviceFailure> prove(Device device, int gpuCount, BuildLog log) {
        try {
            long nanos = run(device).nanos();
            log.info(Messages.of("engine.proof.passed", Devices.name(device), ran(),
                    Math.max(1, Math.round(nanos / 1e6))));
            return Optional.empty();
        } catch (RuntimeException e) {
            // DJL's EngineException with PyTorch's text, or whatever else the engine threw on its first use
            String text = e.getMessage() == null ? e.toString() : e.getMessage();
            return Optional.of(DeviceFailure.of(text, Devices.name(device), ran(), gpuCount,
                    training ? batchSize : 0));
        }
    }

    /**
     * What the proof runs, for log lines: "one training step (forward and backward) of mlp 784-128-10 with batch
     * 64".
     */
    public Message ran() {
        return Messages.of(training ? "engine.proof.training" : "engine.proof.inference", spec.describe(),
                batchSize);
    }

    /**
     * Runs the proof on {@code device}: builds the network there, runs a batch of ones through it (and back, for
     * training), and reads the results to the host, so that the device's asynchronous work has finished and any
     * error of it has surfaced. The engine's exceptions pass unchanged.
     */
    public Outcome run(Device device) {
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(device, Natives.ENGINE)) {
            Block block = Networks.build(spec);
            Shape input = Networks.inputShape(spec, batchSize);
            block.initialize(manager, DataType.FLOAT32, input);
            ParameterStore parameters = new ParameterStore(manager, false);
            NDArray images = manager.ones(input);
            double loss;
            double gradientNorm = Double.NaN;
            if (training) {
                NDArray labels = manager.zeros(new Shape(batchSize), DataType.INT64);
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDArray logits = block.forward(parameters, new NDList(images), true).singletonOrThrow();
                    NDArray objective = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels),
                            new NDList(logits));
                    collector.backward(objective);
                    loss = objective.getFloat();
                }
                double squares = 0;
                for (Pair<String, Parameter> p : block.getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        NDArray g = p.getValue().getArray().getGradient();
                        squares += g.square().sum().getFloat();
                    }
                }
                gradientNorm = Math.sqrt(squares);
            } else {
                NDArray logits = block.forward(parameters, new NDList(images), false).singletonOrThrow();
                loss = logits.logSoftmax(1).neg().mean().getFloat();
            }
            return new Outcome(loss, gradientNorm, System.nanoTime() - start);
        }
    }

    /**
     * What a proof computed, read back from the device.
     *
     * @param loss         the batch's mean cross entropy against class 0 (a forward pass only: against all classes)
     * @param gradientNorm the L2 norm of all parameters' gradients after the backward pass; NaN for inference
     * @param nanos        how long the proof took, building the network included
     */
    public record Outcome(double loss, double gradientNorm, long nanos) {
    }
}
