package dev.fashionmnist.evaluate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.DeviceProof;
import dev.fashionmnist.engine.DeviceTensors;
import dev.fashionmnist.engine.Devices;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.internal.LoadedModel;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a trained model over a whole test set, in batches without recording gradients (BatchNorm in inference
 * mode), and counts the confusion matrix and the mean cross-entropy loss.
 */
public final class ModelEvaluator {

    private ModelEvaluator() {
    }

    /** Evaluates on the device {@code gpuIndex} names (the CPU for -1), which must pass its proof. */
    public static EvaluationResult evaluate(Path modelDirectory, LoadedDataset data, int gpuIndex, BuildLog log) {
        return evaluate(modelDirectory, data, gpuIndex, false, log);
    }

    /**
     * Evaluates on the device {@code gpuIndex} names (the CPU for -1): a GPU once it passed its proof, a forward pass
     * of the model's network on one evaluation batch; under {@code auto} (the {@code device} parameter was
     * {@code auto}) a GPU that is not there or fails it gives way to the CPU.
     */
    public static EvaluationResult evaluate(Path modelDirectory, LoadedDataset data, int gpuIndex, boolean auto,
                                            BuildLog log) {
        ModelCard card = ModelCards.read(modelDirectory);
        Device proven = device(card.model(), Math.min(DeviceTensors.EVALUATION_BATCH, data.testImages().count()),
                gpuIndex, auto, log);
        try (LoadedModel open = LoadedModel.open(modelDirectory, proven)) {
            ModelCards.checkFits(card, data, modelDirectory);
            Model model = open.model();
            Block block = open.block();
            Device device = open.device();
            int n = data.testImages().count();
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            log.info(Messages.of("evaluate.evaluating", card.model().describe(), modelDirectory, n,
                    Devices.name(device)));
            ConfusionMatrix confusion = ConfusionMatrix.empty(data.classNames());
            List<EvaluationResult.Mistake> mistakes = new ArrayList<>();
            BatchedEvaluation.Result result;
            try (NDManager manager = model.getNDManager().newSubManager(device)) {
                DeviceTensors test = DeviceTensors.of(manager, data.testImages(), data.testLabels(), all,
                        card.normalization());
                ParameterStore store = new ParameterStore(manager, false);
                result = BatchedEvaluation.run(manager, test, input -> block.forward(store, input, false),
                        (from, classes, labels) -> {
                            long[] predicted = classes.toLongArray();
                            long[] truth = labels.toLongArray();
                            for (int i = 0; i < predicted.length; i++) {
                                confusion.add((int) truth[i], (int) predicted[i]);
                                if (truth[i] != predicted[i] && mistakes.size() < EvaluationResult.MISTAKES_KEPT) {
                                    mistakes.add(new EvaluationResult.Mistake(from + i, (int) truth[i],
                                            (int) predicted[i]));
                                }
                            }
                        });
            }
            return new EvaluationResult(confusion, result.loss(), mistakes);
        }
    }

    /**
     * The CPU for a negative {@code gpuIndex}, else that GPU, which PyTorch must see and which must run {@code spec}'s
     * network forward on a batch of {@code batchSize} ({@link DeviceProof}); under {@code auto} the CPU when it does
     * not.
     */
    static Device device(ModelSpec spec, int batchSize, int gpuIndex, boolean auto, BuildLog log) {
        return DeviceProof.inference(spec, batchSize).device(gpuIndex, auto,
                gpus -> Messages.of("evaluate.device.noGpu", gpuIndex, gpus), log);
    }
}
