package dev.fashionmnist.config;

import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything that decides how a model is trained, validated before any work starts. A run trains
 * {@code epochs} epochs; with {@code resume} they come on top of the last checkpoint's if the run that wrote it had
 * finished, while an interrupted run is finished as it was planned.
 *
 * @param trainSize   how many training images to use; 0 means all
 * @param stratified  whether the subset is a seeded stratified sample (true) or the first {@code trainSize} images
 * @param device      {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param threads     PyTorch intra-op threads on the CPU; 0 leaves PyTorch's default
 * @param earlyStoppingPatience epochs without a better test loss after which training stops; 0 = never
 * @param augment     random crops (and flips, where the classes allow) of the training images
 * @param targetAccuracy the test accuracy (a fraction) at whose first evaluation training stops and keeps that
 *                    model; {@code null} = no target
 * @param evaluationsPerEpoch test evaluations per epoch at evenly spaced batches, the last at the epoch's end; 0 (a
 *                    card or job written before this setting existed) means 1
 * @param labelSmoothing the weight ε of the uniform target in the training loss; 0 = plain cross entropy
 * @param weightAverage the decay of the exponential moving average of the weights that is evaluated beside the
 *                    trained weights (and kept when it is better), {@link #WEIGHT_AVERAGE_DECAY} when switched on;
 *                    {@code null} = no average (also a card or job written before this setting existed)
 */
public record TrainSettings(ModelSpec model, int epochs, int batchSize, OptimizerKind optimizer, double learningRate,
                            double momentum, boolean nesterov, double weightDecay, LrSchedule lrSchedule,
                            int trainSize, boolean stratified, long seed, String device, int threads,
                            boolean resume, int earlyStoppingPatience, boolean augment, Double targetAccuracy,
                            int evaluationsPerEpoch, double labelSmoothing, Double weightAverage) {
    /**
     * The decay d of the weight average that {@code weightAverage=true} asks for: after each optimizer step t (from
     * 0), average = min(d, (1 + t) / (10 + t)) * average + (1 - that) * weights, as timm's ModelEmaV2 with warm-up.
     * The warm-up keeps a short run's average close to its recent weights (after the ~940 steps of one Fashion-MNIST
     * epoch at batch 64 the factor is still 0.99, about the last 100 steps); from about 4,500 steps on, d itself
     * holds, about the last 500 steps. Tuned for runs of 1 to 30 epochs; a larger d averages longer.
     */
    public static final double WEIGHT_AVERAGE_DECAY = 0.998;

    public TrainSettings {
        if (evaluationsPerEpoch == 0) {
            evaluationsPerEpoch = 1;
        }
        if (evaluationsPerEpoch < 0) {
            throw badEvaluationsPerEpoch(evaluationsPerEpoch);
        }
        if (targetAccuracy != null && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
            throw badTargetAccuracy(String.valueOf(targetAccuracy));
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new ConfigurationException(Messages.of("train.settings.labelSmoothing",
                    String.valueOf(labelSmoothing)));
        }
        if (weightAverage != null && !(weightAverage > 0 && weightAverage < 1)) {
            throw new ConfigurationException(Messages.of("train.settings.weightAverage",
                    String.valueOf(weightAverage)));
        }
        if (earlyStoppingPatience < 0) {
            throw new ConfigurationException(Messages.of("train.settings.earlyStoppingPatience",
                    earlyStoppingPatience));
        }
        if (epochs < 1) {
            throw new ConfigurationException(Messages.of("train.settings.epochs", epochs));
        }
        if (batchSize < 1) {
            throw new ConfigurationException(Messages.of("train.settings.batchSize", batchSize));
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new ConfigurationException(Messages.of("train.settings.learningRate", String.valueOf(learningRate)));
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new ConfigurationException(Messages.of("train.settings.momentum", String.valueOf(momentum)));
        }
        if (nesterov && (optimizer != OptimizerKind.SGD || momentum == 0)) {
            throw new ConfigurationException(Messages.of("train.settings.nesterov"));
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new ConfigurationException(Messages.of("train.settings.weightDecay", String.valueOf(weightDecay)));
        }
        if (trainSize < 0) {
            throw new ConfigurationException(Messages.of("train.settings.trainSize", trainSize));
        }
        if (threads < 0) {
            throw new ConfigurationException(Messages.of("train.settings.threads", threads));
        }
        if (trainSize > 0 && batchSize > trainSize) {
            throw new ConfigurationException(Messages.of("train.settings.batchAboveTrainSize", batchSize, trainSize));
        }
        if (trainSize > 0) {
            checkEvaluations(evaluationsPerEpoch, trainSize, batchSize);
        }
    }

    static ConfigurationException badEvaluationsPerEpoch(int n) {
        return new ConfigurationException(Messages.of("train.settings.evaluationsPerEpoch", n));
    }

    static ConfigurationException badTargetAccuracy(String text) {
        return new ConfigurationException(Messages.of("train.settings.targetAccuracy", text));
    }

    /**
     * A builder with nothing chosen yet: no model, numbers 0, flags false, no target, one evaluation per epoch, no
     * weight average. Its
     * {@link Builder#build()} validates as this record's constructor does.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings, for a copy with some of them changed. */
    public Builder toBuilder() {
        return new Builder().model(model).epochs(epochs).batchSize(batchSize).optimizer(optimizer)
                .learningRate(learningRate).momentum(momentum).nesterov(nesterov).weightDecay(weightDecay)
                .lrSchedule(lrSchedule).trainSize(trainSize).stratified(stratified).seed(seed).device(device)
                .threads(threads).resume(resume).earlyStoppingPatience(earlyStoppingPatience).augment(augment)
                .targetAccuracy(targetAccuracy).evaluationsPerEpoch(evaluationsPerEpoch)
                .labelSmoothing(labelSmoothing).weightAverage(weightAverage);
    }

    /** These settings for a run of {@code n} epochs from scratch. */
    public TrainSettings fromScratch(int n) {
        return toBuilder().epochs(n).resume(false).build();
    }

    /**
     * These settings as the training parameters that give them, by parameter name in {@link TrainParameters#NAMES}
     * order (the inverse of {@link TrainParameters#settings}): {@code hiddenLayers} for mlp, {@code resnetBlocks} for
     * resnet, {@code targetAccuracy} (a fraction) when there is one, {@code weightAverage} as true or false, then
     * {@code device}.
     */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("architecture", model.architecture().id());
        if (!model.hiddenLayers().isEmpty()) {
            p.put("hiddenLayers", joined(model.hiddenLayers()));
        }
        if (!model.resnetBlocks().isEmpty()) {
            p.put("resnetBlocks", joined(model.resnetBlocks()));
        }
        p.put("epochs", String.valueOf(epochs));
        p.put("batchSize", String.valueOf(batchSize));
        p.put("optimizer", optimizer.id());
        p.put("learningRate", String.valueOf(learningRate));
        p.put("momentum", String.valueOf(momentum));
        p.put("nesterov", String.valueOf(nesterov));
        p.put("weightDecay", String.valueOf(weightDecay));
        p.put("lrSchedule", lrSchedule.id());
        p.put("trainSize", String.valueOf(trainSize));
        p.put("trainSubset", stratified ? "stratified" : "first");
        p.put("seed", String.valueOf(seed));
        p.put("earlyStoppingPatience", String.valueOf(earlyStoppingPatience));
        p.put("augment", String.valueOf(augment));
        if (targetAccuracy != null) {
            p.put("targetAccuracy", String.valueOf(targetAccuracy));
        }
        p.put("evaluationsPerEpoch", String.valueOf(evaluationsPerEpoch));
        p.put("labelSmoothing", String.valueOf(labelSmoothing));
        p.put("weightAverage", String.valueOf(weightAverage != null));
        p.put("device", device);
        return p;
    }

    private static String joined(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Checks the settings against the training set's size; returns the number of images used. */
    public int imagesUsed(int available, int classCount) {
        if (trainSize > available) {
            throw new ConfigurationException(Messages.of("train.settings.trainSizeAboveSet", trainSize, available));
        }
        int used = trainSize == 0 ? available : trainSize;
        if (batchSize > used) {
            throw new ConfigurationException(Messages.of("train.settings.batchAboveImages", batchSize, used));
        }
        checkEvaluations(evaluationsPerEpoch, used, batchSize);
        if (stratified && trainSize > 0 && trainSize < classCount) {
            throw new ConfigurationException(Messages.of("train.settings.stratifiedTooSmall", trainSize, classCount));
        }
        return used;
    }

    /** The batches of an epoch over {@code images} training images (the last one may be smaller). */
    public int batchesPerEpoch(int images) {
        return batches(images, batchSize);
    }

    private static int batches(int images, int batchSize) {
        return (images + batchSize - 1) / batchSize;
    }

    private static void checkEvaluations(int evaluationsPerEpoch, int images, int batchSize) {
        int batches = batches(images, batchSize);
        if (evaluationsPerEpoch > batches) {
            throw new ConfigurationException(Messages.of("train.settings.evaluationsAboveBatches", evaluationsPerEpoch,
                    images, batchSize, batches));
        }
    }

    /** {@link TrainSettings} by name, one setting at a time; see the record's components for what each means. */
    public static final class Builder {
        private ModelSpec model;
        private int epochs;
        private int batchSize;
        private OptimizerKind optimizer;
        private double learningRate;
        private double momentum;
        private boolean nesterov;
        private double weightDecay;
        private LrSchedule lrSchedule;
        private int trainSize;
        private boolean stratified;
        private long seed;
        private String device;
        private int threads;
        private boolean resume;
        private int earlyStoppingPatience;
        private boolean augment;
        private Double targetAccuracy;
        private int evaluationsPerEpoch = 1;
        private double labelSmoothing;
        private Double weightAverage;

        private Builder() {
        }

        /** The network to train. */
        public Builder model(ModelSpec model) {
            this.model = model;
            return this;
        }

        /** The epochs this run trains. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Images per training batch. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The optimizer. */
        public Builder optimizer(OptimizerKind optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** The (peak) learning rate. */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** SGD's momentum. */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Whether SGD's momentum is Nesterov's. */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** The weight decay. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** How the learning rate changes over the run. */
        public Builder lrSchedule(LrSchedule lrSchedule) {
            this.lrSchedule = lrSchedule;
            return this;
        }

        /** How many training images to use; 0 means all. */
        public Builder trainSize(int trainSize) {
            this.trainSize = trainSize;
            return this;
        }

        /** Whether the subset is a seeded stratified sample (true) or the first {@code trainSize} images. */
        public Builder stratified(boolean stratified) {
            this.stratified = stratified;
            return this;
        }

        /** The random seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
        public Builder device(String device) {
            this.device = device;
            return this;
        }

        /** PyTorch intra-op threads on the CPU; 0 leaves PyTorch's default. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Whether the run continues from the last checkpoint. */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** Epochs without a better test loss after which training stops; 0 = never. */
        public Builder earlyStoppingPatience(int earlyStoppingPatience) {
            this.earlyStoppingPatience = earlyStoppingPatience;
            return this;
        }

        /** Whether the training images are randomly cropped (and flipped, where the classes allow). */
        public Builder augment(boolean augment) {
            this.augment = augment;
            return this;
        }

        /** The test accuracy (a fraction) at which training stops; {@code null} = no target. */
        public Builder targetAccuracy(Double targetAccuracy) {
            this.targetAccuracy = targetAccuracy;
            return this;
        }

        /** Test evaluations per epoch. */
        public Builder evaluationsPerEpoch(int evaluationsPerEpoch) {
            this.evaluationsPerEpoch = evaluationsPerEpoch;
            return this;
        }

        /** The weight of the uniform target in the training loss; 0 = plain cross entropy. */
        public Builder labelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /**
         * The decay of the weight average evaluated beside the trained weights; {@code null} = none (the default).
         */
        public Builder weightAverage(Double weightAverage) {
            this.weightAverage = weightAverage;
            return this;
        }

        /** The settings, validated; a {@link ConfigurationException} names the first wrong one. */
        public TrainSettings build() {
            return new TrainSettings(model, epochs, batchSize, optimizer, learningRate, momentum, nesterov,
                    weightDecay, lrSchedule, trainSize, stratified, seed, device, threads, resume,
                    earlyStoppingPatience, augment, targetAccuracy, evaluationsPerEpoch, labelSmoothing,
                    weightAverage);
        }
    }
}
