package dev.fashionmnist.runtime.internal;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.fashionmnist.runtime.internal.network.Networks;
import java.nio.file.Path;

/**
 * A trained model read from its directory, checked (card, parameters SHA-256, parameter shapes) and loaded onto a
 * device: the DJL {@link Model} with its network, and its {@link CheckedModelCard}. Close it to free native memory.
 */
public final class LoadedModel implements AutoCloseable {
    private final Model model;
    private final CheckedModelCard card;
    private final Device device;

    private LoadedModel(Model model, CheckedModelCard card, Device device) {
        this.model = model;
        this.card = card;
        this.device = device;
    }

    /**
     * Reads and checks {@code dir/model.json} and the parameters file, builds the network and loads the parameters
     * onto {@code device}. The PyTorch engine must be loadable (see {@link Natives#requireEngine(Device)}): a GPU that
     * cannot run the CUDA natives is refused before anything is loaded.
     */
    public static LoadedModel open(Path dir, Device device) {
        CheckedModelCard card = CheckedModelCard.read(dir);
        ModelParameters.checkSha256(dir, card.parametersSha256());
        Natives.requireEngine(device);
        Model model = Model.newInstance(CheckedModelCard.PARAMETERS_NAME, device, Natives.ENGINE);
        try {
            Block block = Networks.build(card.spec());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, Networks.inputShape(card.spec(), 1));
            ModelParameters.load(model, card.spec(), dir, CheckedModelCard.PARAMETERS_NAME);
            return new LoadedModel(model, card, device);
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

    public CheckedModelCard card() {
        return card;
    }

    public Device device() {
        return device;
    }

    @Override
    public void close() {
        model.close();
    }
}
