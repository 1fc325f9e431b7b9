package dev.fashionmnist.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.DeviceTensors;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * The training loop: per epoch, train on seeded shuffled batches cut by index from tensors on the device, evaluating
 * on the test set {@code evaluationsPerEpoch} times (the last at the epoch's end; those within the epoch on a fixed
 * sample of it, see {@link TestChecks}). With {@code weightAverage} a {@link WeightAverage} follows each optimizer
 * step, and each check evaluates it beside the trained weights and reports the better. What happens around it is the
 * listeners' (see {@link TrainingListener}), told in this order: checkpoints (cleared for a run from scratch, one
 * after each whole epoch, so that a resume is exact), metrics.csv with run.json and the live report (run.json says
 * which run metrics.csv belongs to and how it ended), the accuracy target (stops at the first evaluation that reaches
 * {@code targetAccuracy}), early stopping (keeps the best epoch), the divergence checks and diagnosis, progress. At
 * the end {@link ModelWriter} puts the model directory (parameters and model.json) in place of the old one in one
 * rename.
 */
public final class Training {
    /** Batches between two reads of the running loss sum (a host synchronisation) to catch a diverging loss. */
    private static final int SYNC_BATCHES = 32;

    private final TrainJob job;
    private final BuildLog log;
    private final TrainingProgress progress;
    private final Cancellation cancellation;
    /** Whether the run logs where its live report is. */
    private final boolean liveReportLine;

    public Training(TrainJob job, BuildLog log, TrainingProgress progress) {
        this(job, log, progress, new Cancellation());
    }

    /** A training that stops at the next batch, and never puts a model in place, once {@code cancellation} is set. */
    public Training(TrainJob job, BuildLog log, TrainingProgress progress, Cancellation cancellation) {
        this(job, log, progress, cancellation, true);
    }

    private Training(TrainJob job, BuildLog log, TrainingProgress progress, Cancellation cancellation,
                     boolean liveReportLine) {
        this.job = job;
        this.log = log;
        this.progress = progress;
        this.cancellation = cancellation;
        this.liveReportLine = liveReportLine;
    }

    /** This training without the log line that says where its live report is: a sweep says it once. */
    public Training withoutLiveReportLine() {
        return new Training(job, log, progress, cancellation, false);
    }

    /** Trains as the job says, from scratch or from its last checkpoint; returns the card of the model written. */
    public ModelCard run(LoadedDataset data) throws IOException {
        RunPlan plan = RunPlan.prepare(job, data, log);
        TrainSettings s = plan.settings();
        plan.engine().setRandomSeed((int) s.seed());
        TrainingListeners listeners = new TrainingListeners(List.of(new CheckpointListener(),
                new MetricsListener(plan, log, liveReportLine), new AccuracyTargetListener(s.targetAccuracy(), log),
                new EarlyStoppingListener(s.earlyStoppingPatience(), log), new DiagnosisListener(s.learningRate(), log),
                new ProgressListener(progress, plan.lastEpoch())));
        try {
            ModelCard card = train(new TrainingState(plan), listeners);
            listeners.onModelWritten(card);
            return card;
        } catch (RuntimeException | IOException | Error e) {
            listeners.onFailure(e);
            throw e;
        }
    }

    /** Trains the epochs of the plan, from scratch or from the checkpoint it resumes; writes the model. */
    private ModelCard train(TrainingState state, TrainingListener listeners) throws IOException {
        RunPlan plan = state.plan();
        TrainSettings s = plan.settings();
        ModelSpec spec = plan.spec();
        long started = System.nanoTime();
        try (Model model = Model.newInstance(ModelCard.PARAMETERS_NAME, plan.device(), "PyTorch")) {
            Block block = Networks.build(spec);
            model.setBlock(block);
            EpochRate rate = new EpochRate(s.learningRate());
            if (plan.resumed()) {
                // parameters must be in place before the trainer takes its view of them
                plan.resumeFrom().loadParameters(model, spec, s.batchSize());
                plan.logResume(log);
            }
            ResumableOptimizer optimizer = ResumableOptimizer.of(s, rate, block);
            state.training(model, optimizer);
            listeners.onTrainingStart(state);
            Loss objective = SmoothedCrossEntropy.of(s.labelSmoothing());
            DefaultTrainingConfig config = new DefaultTrainingConfig(objective)
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {plan.device()});
            try (Trainer trainer = model.newTrainer(config);
                 NDManager dataManager = model.getNDManager().newSubManager(plan.device())) {
                if (plan.resumed()) {
                    plan.resumeFrom().restoreOptimizer(optimizer, model.getNDManager(), block, log);
                } else {
                    trainer.initialize(Networks.inputShape(spec, s.batchSize()));
                }
                WeightAverage average = null;
                if (s.weightAverage() != null) {
                    average = WeightAverage.of(s.weightAverage(), block, spec, s.batchSize(), model.getNDManager());
                    if (plan.resumed()) {
                        plan.resumeFrom().restoreAverage(average, model.getNDManager(), log);
                    }
                    state.averaging(average);
                }
                long parameters = Networks.trainableParameters(block);
                log.info(Messages.of("train.network", spec.describe(), parameters));
                for (String line : Networks.layerSummary(block, spec, log.language())) {
                    log.info("  " + line);
                }
                for (String line : Networks.summary(block)) {
                    log.debug("  " + line);
                }
                DeviceTensors train = plan.trainTensors(dataManager);
                DeviceTensors test = plan.testTensors(dataManager);
                TestChecks checks = TestChecks.of(plan, trainer, average, test, dataManager);
                log.info(plan.startLine());
                BatchAugmenter augmenter = s.augment() ? BatchAugmenter.of(plan, log) : null;
                Session session = new Session(state, listeners, trainer,
                        objective instanceof SmoothedCrossEntropy smoothed ? smoothed : null, block, optimizer, rate,
                        dataManager, train, checks, average, augmenter);
                for (int epoch = plan.firstEpoch(); epoch <= plan.lastEpoch() && !state.stopRequested(); epoch++) {
                    // dropout and other engine randomness depend on the seed and the epoch only, not on the process
                    plan.engine().setRandomSeed(epochSeed(s.seed(), epoch));
                    EpochMetrics last = epoch(session, epoch);
                    state.epochTrained(epoch, last);
                    if (last.epochEnd()) {
                        // an epoch stopped within (the accuracy target) gets no checkpoint: resumes continue whole ones
                        listeners.onEpochEnd(last, state);
                    }
                }
                listeners.onTrainingEnd(state);
                double seconds = (System.nanoTime() - started) / 1e9;
                return new ModelWriter(plan, cancellation).write(model, state, parameters, seconds);
            }
        }
    }

    /**
     * Trains epoch {@code epoch} and evaluates on the test set at the epoch's evaluation points (the last at its end),
     * telling the listeners of each row; stops within the epoch when one of them asks. Returns the last row made.
     */
    private EpochMetrics epoch(Session run, int epoch) throws IOException {
        TrainSettings s = run.state().plan().settings();
        int lastEpoch = run.state().plan().lastEpoch();
        int batchSize = s.batchSize();
        Random random = new Random(s.seed() * 1_000_003L + epoch);
        int[] order = EpochBatches.shuffled(run.train().count(), random);
        int batchesPerEpoch = s.batchesPerEpoch(order.length);
        int[] points = evaluationPoints(batchesPerEpoch, s.evaluationsPerEpoch());
        long start = System.nanoTime();
        long checkNanos = 0;
        long done = 0;
        double lr = 0;
        EpochMetrics row = null;
        try (NDManager epochManager = run.dataManager().newSubManager();
             EpochBatches data = new EpochBatches(epochManager, run.train(), order, run.augmenter(), random,
                     SYNC_BATCHES * batchSize)) {
            // running sums stay on the device: reading them is a synchronisation, done every SYNC_BATCHES batches
            // and when a progress report is shown. The objective's sum is what a divergence shows in; the plain
            // cross entropy's is the train loss, the same quantity as the test loss. Without label smoothing the
            // objective is the plain cross entropy: one sum serves both.
            NDArray lossTotal = epochManager.zeros(new Shape(), DataType.FLOAT32);
            NDArray crossEntropyTotal = run.smoothed() == null ? lossTotal
                    : epochManager.zeros(new Shape(), DataType.FLOAT32);
            NDArray correctTotal = epochManager.zeros(new Shape(), DataType.INT64);
            int batches = 0;
            int nextCheck = 0;
            for (int from = 0; from < order.length; from += batchSize) {
                cancellation.check();
                int to = Math.min(order.length, from + batchSize);
                // the schedule's position counts from the run's start: a resumed run continues where the last stopped
                lr = s.lrSchedule().rate(s.learningRate(), epoch, batches, batchesPerEpoch, lastEpoch);
                run.rate().value = (float) lr;
                try (NDManager batch = epochManager.newSubManager()) {
                    NDArray x = data.images(batch, from, to);
                    NDArray y = data.labels(batch, from, to);
                    NDArray logits;
                    NDArray loss;
                    SmoothedCrossEntropy.Batch smoothed = null;
                    try (GradientCollector collector = run.trainer().newGradientCollector()) {
                        logits = run.trainer().forward(new NDList(x)).singletonOrThrow();
                        if (run.smoothed() != null) {
                            smoothed = run.smoothed().batch(y, logits);
                            loss = smoothed.objective();
                        } else {
                            loss = run.trainer().getLoss().evaluate(new NDList(y), new NDList(logits));
                        }
                        collector.backward(loss);
                    }
                    // outside the collector: the sums must not join the autograd graph
                    lossTotal.addi(loss.mul(to - from));
                    if (smoothed != null) {
                        crossEntropyTotal.subi(smoothed.logLikelihood());
                    }
                    correctTotal.addi(logits.argMax(1).eq(y).countNonzero());
                    run.optimizer().step(run.block());
                    if (run.average() != null) {
                        run.average().update();
                    }
                }
                done = to;
                if (++batches % SYNC_BATCHES == 0 || done == order.length) {
                    run.listeners().onLossSum(epoch, lossTotal.getFloat());
                }
                double elapsed = (System.nanoTime() - start - checkNanos) / 1e9;
                run.listeners().onBatch(epoch, done, order.length, elapsed,
                        new RunningSums(crossEntropyTotal, correctTotal, done));
                if (batches == points[nextCheck]) {
                    // the train metrics, seconds and images/s of a row cover the epoch so far
                    double objectiveSum = lossTotal.getFloat();
                    double crossEntropySum = crossEntropyTotal.getFloat();
                    long correct = correctTotal.getLong();
                    long checkStart = System.nanoTime();
                    double trainSeconds = (checkStart - start - checkNanos) / 1e9;
                    if (done == order.length) {
                        // the epoch's shuffled images are done with: free them before the test pass needs memory
                        data.close();
                    }
                    TestChecks.Check test = run.checks().at(done == order.length);
                    long checkEnd = System.nanoTime();
                    checkNanos += checkEnd - checkStart;
                    nextCheck++;
                    row = EpochMetrics.builder().evaluatedAt(epoch - 1 + (double) nextCheck / points.length)
                            .trainLoss(crossEntropySum / done).trainObjective(objectiveSum / done)
                            .trainAccuracy((double) correct / done).testLoss(test.loss())
                            .testAccuracy(test.accuracy()).learningRate(lr).epochSeconds((checkEnd - start) / 1e9)
                            .trainImagesPerSecond(done / Math.max(trainSeconds, 1e-9)).weights(test.weights())
                            .testImages(test.images()).build();
                    run.state().history().add(row);
                    run.listeners().onEvaluation(row, (checkEnd - checkStart) / 1e9, run.state());
                    if (run.state().stopRequested()) {
                        break;
                    }
                }
            }
        }
        return row;
    }

    /**
     * After which batches (1-based) of an epoch of {@code batches} the test set is evaluated: {@code perEpoch} evenly
     * spaced points, the last at the epoch's end.
     */
    public static int[] evaluationPoints(int batches, int perEpoch) {
        int[] points = new int[perEpoch];
        for (int k = 1; k <= perEpoch; k++) {
            points[k - 1] = (int) ((long) k * batches / perEpoch);
        }
        return points;
    }

    /** The engine's seed for {@code epoch}: a function of the run's seed and the epoch only. */
    static int epochSeed(long seed, int epoch) {
        return Long.hashCode(seed * 0x9E3779B97F4A7C15L + epoch);
    }

    /**
     * What an epoch trains with, made once per run.
     *
     * @param smoothed the loss trained on when it is label-smoothed (the plain cross entropy is then read beside it),
     *                 {@code null} when it is the plain cross entropy itself
     */
    private record Session(TrainingState state, TrainingListener listeners, Trainer trainer,
                           SmoothedCrossEntropy smoothed, Block block, ResumableOptimizer optimizer, EpochRate rate,
                           NDManager dataManager, DeviceTensors train, TestChecks checks, WeightAverage average,
                           BatchAugmenter augmenter) {
    }
}
