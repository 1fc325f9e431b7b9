package dev.fashionmnist.evaluate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.DeviceTensors;
import dev.fashionmnist.engine.EngineException;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.internal.LoadedModel;
import dev.fashionmnist.runtime.internal.Natives;
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

    public static EvaluationResult evaluate(Path modelDirectory, LoadedDataset data, int gpuIndex, BuildLog log) {
        ModelCard card = ModelCards.read(modelDirectory);
        try (LoadedModel open = LoadedModel.open(modelDirectory, device(gpuIndex))) {
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
                    device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu"));
            ConfusionMatrix confusion = ConfusionMatrix.empty(data.classNames());
            List<EvaluationResult.Mistake> mistakes = new ArrayList<>();
            double lossSum = 0;
            Loss loss = Loss.softmaxCrossEntropyLoss();
            try (NDManager manager = model.getNDManager().newSubManager(device)) {
                DeviceTensors test = DeviceTensors.of(manager, data.testImages(), data.testLabels(), all,
                        card.normalization());
                ParameterStore store = new ParameterStore(manager, false);
                for (int from = 0; from < n; from += DeviceTensors.EVALUATION_BATCH) {
                    int to = Math.min(n, from + DeviceTensors.EVALUATION_BATCH);
                    try (NDManager batch = manager.newSubManager()) {
                        NDArray x = test.images(batch, from, to);
                        NDArray y = test.labels(batch, from, to);
                        NDArray logits = block.forward(store, new NDList(x), false).singletonOrThrow();
                        logits.attach(batch);
                        lossSum += (double) loss.evaluate(new NDList(y), new NDList(logits)).getFloat() * (to - from);
                        long[] predicted = logits.argMax(1).toLongArray();
                        long[] truth = y.toLongArray();
                        for (int i = 0; i < predicted.length; i++) {
                            confusion.add((int) truth[i], (int) predicted[i]);
                            if (truth[i] != predicted[i] && mistakes.size() < EvaluationResult.MISTAKES_KEPT) {
                                mistakes.add(new EvaluationResult.Mistake(from + i, (int) truth[i],
                                        (int) predicted[i]));
                            }
                        }
                    }
                }
            }
            return new EvaluationResult(confusion, lossSum / n, mistakes);
        }
    }

    /** The CPU for a negative {@code gpuIndex}, else that GPU, which PyTorch must see. */
    static Device device(int gpuIndex) {
        if (gpuIndex < 0) {
            return Device.cpu();
        }
        Engine engine = Natives.requireEngine();
        if (gpuIndex >= engine.getGpuCount()) {
            throw new EngineException(Messages.of("evaluate.device.noGpu", gpuIndex, engine.getGpuCount()));
        }
        return Device.gpu(gpuIndex);
    }
}
