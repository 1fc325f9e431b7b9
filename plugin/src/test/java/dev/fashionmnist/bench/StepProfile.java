package dev.fashionmnist.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.DeviceTensors;
import dev.fashionmnist.runtime.internal.Normalization;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.train.EpochRate;
import dev.fashionmnist.train.ResumableOptimizer;
import dev.fashionmnist.train.SubsetSelector;
import java.util.Locale;

/**
 * Where a training step's time goes: forward, loss, backward, host reads, optimizer step, per batch, printed (a
 * profiling aid, not a test: {@code java -cp ... dev.fashionmnist.bench.StepProfile amelie-cnn 6400 2}).
 */
public final class StepProfile {
    private StepProfile() {
    }

    public static void main(String[] args) throws Exception {
        String arch = args.length > 0 ? args[0] : "amelie-cnn";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 6400;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        LoadedDataset data = RealData.load();
        ModelSpec spec = ModelSpec.of(arch, 128, null, "2,2,2", 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(1).batchSize(64).optimizer(OptimizerKind.ADAM)
                .learningRate(0.001).lrSchedule(LrSchedule.CONSTANT).trainSize(n).seed(1).device("cpu").threads(threads)
                .build();
        int[] index = SubsetSelector.select(data.trainLabels(), n, 10, false, 1);
        Normalization norm = data.trainImages().normalization(index);
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(1);
        try (Model model = Model.newInstance("p", Device.cpu(), "PyTorch")) {
            Block block = Networks.build(spec);
            model.setBlock(block);
            EpochRate rate = new EpochRate(0.001);
            ResumableOptimizer optimizer = ResumableOptimizer.of(s, rate, block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config); NDManager dm = model.getNDManager().newSubManager()) {
                trainer.initialize(Networks.inputShape(spec, 64));
                DeviceTensors train = DeviceTensors.of(dm, data.trainImages(), data.trainLabels(), index, norm);
                for (int round = 0; round < 2; round++) {
                    long[] t = new long[6];
                    long start = System.nanoTime();
                    for (int from = 0; from + 64 <= n; from += 64) {
                        try (NDManager batch = dm.newSubManager()) {
                            long a = System.nanoTime();
                            NDArray x = train.images(batch, from, from + 64);
                            NDArray y = train.labels(batch, from, from + 64);
                            long b = System.nanoTime();
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                long c = System.nanoTime();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                                long d = System.nanoTime();
                                gc.backward(loss);
                                long e = System.nanoTime();
                                loss.getFloat();
                                logits.argMax(1).eq(y).countNonzero().getLong();
                                long f = System.nanoTime();
                                t[0] += b - a;
                                t[1] += c - b;
                                t[2] += d - c;
                                t[3] += e - d;
                                t[4] += f - e;
                            }
                            long g = System.nanoTime();
                            optimizer.step(block);
                            t[5] += System.nanoTime() - g;
                        }
                    }
                    double total = (System.nanoTime() - start) / 1e9;
                    String[] names = {"batch", "forward", "loss", "backward", "reads", "step"};
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                            "PROFILE %s round %d: %.0f images/s;", arch, round + 1, n / total));
                    for (int i = 0; i < t.length; i++) {
                        line.append(String.format(Locale.ROOT, " %s %.1f%%", names[i], 100.0 * t[i] / 1e9 / total));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
