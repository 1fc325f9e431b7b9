package dev.fashionmnist.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code weightAverage}: an exponential moving average of every parameter of the trained network, BatchNorm's running
 * mean and variance included (as PyTorch's {@code AveragedModel} with {@code use_buffers=True} and timm's
 * {@code ModelEmaV2} do: averaged weights go with the statistics averaged along with them). The averages are the
 * parameters of a second network of the same shape (the shadow), so that it is evaluated and saved like any network,
 * and the model written from it is an ordinary model. {@link #update()} runs after each optimizer step, in place on
 * the device, without reading anything back to the host.
 */
final class WeightAverage {
    /** What {@link #save} writes first: the update count, as a one-element int64 array. */
    private static final String UPDATES = "updates";

    private final double decay;
    private final Block shadow;
    private final List<Parameter> trained = new ArrayList<>();
    private final List<Parameter> averaged = new ArrayList<>();
    /** Optimizer steps averaged so far, across resumed runs: the warm-up's t. */
    private long updates;

    private WeightAverage(double decay, Block shadow) {
        this.decay = decay;
        this.shadow = shadow;
    }

    /**
     * An average of {@code block}'s parameters with the decay {@code decay} (see
     * {@link TrainSettings#WEIGHT_AVERAGE_DECAY}), starting from their current values; its arrays belong to
     * {@code manager}. The shadow network is built after the trained one was initialised, so that its own random
     * initialisation (overwritten at once) does not change the trained network's.
     */
    static WeightAverage of(double decay, Block block, ModelSpec spec, int batchSize, NDManager manager) {
        Block shadow = Networks.build(spec);
        shadow.initialize(manager, DataType.FLOAT32, Networks.inputShape(spec, batchSize));
        WeightAverage average = new WeightAverage(decay, shadow);
        List<Pair<String, Parameter>> own = block.getParameters().stream().toList();
        List<Pair<String, Parameter>> copies = shadow.getParameters().stream().toList();
        for (int i = 0; i < own.size(); i++) {
            if (!own.get(i).getKey().equals(copies.get(i).getKey())) {
                throw new IllegalStateException(own.get(i).getKey() + " vs " + copies.get(i).getKey());
            }
            average.trained.add(own.get(i).getValue());
            average.averaged.add(copies.get(i).getValue());
        }
        average.restart();
        return average;
    }

    /** Starts the average afresh from the trained network's current parameters, with no updates counted. */
    void restart() {
        for (int i = 0; i < trained.size(); i++) {
            trained.get(i).getArray().copyTo(averaged.get(i).getArray());
        }
        updates = 0;
    }

    /**
     * Moves the average towards the trained parameters after an optimizer step: average = f * average + (1 - f) *
     * parameter with f = min(decay, (1 + t) / (10 + t)), t the updates so far (timm's warm-up: early averages follow
     * the weights closely, so that a short run is not held back by its random start).
     */
    void update() {
        float f = (float) factor(updates);
        for (int i = 0; i < trained.size(); i++) {
            NDArray parameter = trained.get(i).getArray();
            try (NDArray share = parameter.mul(1f - f)) {
                averaged.get(i).getArray().muli(f).addi(share);
            }
        }
        updates++;
    }

    /** The factor that the average keeps at update {@code t} (from 0). */
    double factor(long t) {
        return Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** The optimizer steps averaged so far. */
    long updates() {
        return updates;
    }

    /** The averaged network's output for {@code input}, as in evaluation (BatchNorm uses its averaged statistics). */
    NDList evaluate(NDList input) {
        return shadow.forward(new ParameterStore(input.head().getManager(), false), input, false);
    }

    /** The averaged parameters, in the network's order (a copy of the list; the arrays are the average's own). */
    List<NDArray> arrays() {
        return averaged.stream().map(Parameter::getArray).toList();
    }

    /** Writes the update count and the averaged parameters (an NDList, in the network's order) to {@code out}. */
    void save(OutputStream out, NDManager manager) throws IOException {
        try (NDManager scope = manager.newSubManager()) {
            NDArray count = scope.create(new long[] {updates});
            count.setName(UPDATES);
            NDList list = new NDList(count);
            list.addAll(arrays());
            list.encode(out);
        }
    }

    /**
     * Restores what {@link #save} wrote, onto {@code manager}'s device; {@code file} names the source in messages.
     * The arrays must fit this network.
     */
    void load(InputStream in, NDManager manager, String file) {
        try (NDManager scope = manager.newSubManager()) {
            NDList arrays;
            try {
                arrays = NDList.decode(scope, in);
            } catch (RuntimeException e) {
                throw new ModelException(Messages.of("train.average.unreadable", file, e.getMessage()));
            }
            if (arrays.size() != averaged.size() + 1) {
                throw new ModelException(Messages.of("train.average.arrayCount", file, arrays.size() - 1,
                        averaged.size()));
            }
            for (int i = 0; i < averaged.size(); i++) {
                NDArray target = averaged.get(i).getArray();
                NDArray source = arrays.get(i + 1);
                if (!target.getShape().equals(source.getShape())) {
                    throw new ModelException(Messages.of("train.average.shape", file, averaged.get(i).getName(),
                            source.getShape(), target.getShape()));
                }
            }
            for (int i = 0; i < averaged.size(); i++) {
                arrays.get(i + 1).copyTo(averaged.get(i).getArray());
            }
            updates = arrays.get(0).getLong();
        }
    }

    /** Saves the averaged network as a model's parameters file in {@code folder}, as {@code Model.save} does. */
    void saveParameters(Path folder, Model trainedModel) throws IOException {
        try (Model copy = Model.newInstance(ModelCard.PARAMETERS_NAME, trainedModel.getNDManager().getDevice(),
                "PyTorch")) {
            copy.setBlock(shadow);
            copy.setProperty("Epoch", "0");
            copy.save(folder, ModelCard.PARAMETERS_NAME);
        }
    }
}
