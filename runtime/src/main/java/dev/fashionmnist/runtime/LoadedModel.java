package dev.fashionmnist.runtime;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.fashionmnist.runtime.network.Networks;
import java.nio.file.Path;

/**
 * A trained model read from its directory, checked (card, parameters SHA-256, parameter shapes) and loaded onto a
 * device: the DJL {@link Model} with its network, and its {@link ModelDescription}. Close it to free native memory.
 */
public final class LoadedModel implements AutoCloseable {
    private final Model model;
    private final ModelDescription description;
    private final Device device;

    private LoadedModel(Model model, ModelDescription description, Device device) {
        this.model = model;
        this.description = description;
        this.device = device;
    }

    /**
     * Reads and checks {@code dir/model.json} and the parameters file, builds the network and loads the parameters
     * onto {@code device}. The PyTorch engine must be loadable (see {@link Natives#requireEngine()}).
     */
    public static LoadedModel open(Path dir, Device device) {
        ModelDescription description = ModelDescription.read(dir);
        ModelParameters.checkSha256(dir, description.parametersSha256());
        Natives.requireEngine();
        Model model = Model.newInstance(ModelDescription.PARAMETERS_NAME, device, Natives.ENGINE);
        try {
            Block block = Networks.build(description.spec());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, Networks.inputShape(description.spec(), 1));
            ModelParameters.load(model, description.spec(), dir, ModelDescription.PARAMETERS_NAME);
            return new LoadedModel(model, description, device);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public Model model() {
        return model;
    }

    public Block block() {
        return model.getBlock();
    }

    public ModelDescription description() {
        return description;
    }

    public Device device() {
        return device;
    }

    @Override
    public void close() {
        model.close();
    }
}
