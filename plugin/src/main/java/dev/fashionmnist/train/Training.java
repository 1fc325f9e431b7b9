package dev.fashionmnist.train;

import static dev.fashionmnist.text.Numbers.rounded;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetCatalog;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.DeviceTensors;
import dev.fashionmnist.engine.EngineException;
import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.report.html.LiveReport;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.runtime.internal.Normalization;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training loop: per epoch, train on seeded shuffled batches cut by index from tensors on the device, evaluating
 * on the test set {@code evaluationsPerEpoch} times (the last at the epoch's end), each evaluation appending a row to
 * metrics.csv and logging the notebook's postfix line; stop at the first evaluation that reaches
 * {@code targetAccuracy}; after each whole epoch write a checkpoint (everything the next epoch depends on, so that a
 * resume is exact). At the end the model directory (parameters and
 * model.json) replaces the old one in one rename. run.json beside metrics.csv says which run metrics.csv belongs to
 * and how it ended.
 */
public final class Training {
    /** Batches between two reads of the running loss sum (a host synchronisation) to catch a diverging loss. */
    private static final int SYNC_BATCHES = 32;
    /** The test loss: plain cross entropy, whatever the training loss (label smoothing) is. */
    private static final Loss TEST_LOSS = Loss.softmaxCrossEntropyLoss();

    private final TrainJob job;
    private final BuildLog log;
    private final TrainingProgress progress;
    private final Cancellation cancellation;
    /** Whether this run has taken over metrics.csv (and run.json says so). */
    private boolean metricsStarted;

    public Training(TrainJob job, BuildLog log, TrainingProgress progress) {
        this(job, log, progress, new Cancellation());
    }

    /** A training that stops at the next batch, and never puts a model in place, once {@code cancellation} is set. */
    public Training(TrainJob job, BuildLog log, TrainingProgress progress, Cancellation cancellation) {
        this.job = job;
        this.log = log;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    public ModelCard run(LoadedDataset data) throws IOException {
        TrainSettings s = job.settings();
        ModelSpec spec = s.model();
        int used = s.imagesUsed(data.trainImages().count(), data.classNames().size());
        int[] trainIndex = SubsetSelector.select(data.trainLabels(), used, data.classNames().size(), s.stratified(),
                s.seed());
        int testCount = job.testSize() == 0 ? data.testImages().count() : job.testSize();
        if (testCount > data.testImages().count()) {
            throw new ModelException(Messages.of("train.testSize.tooLarge", job.testSize(),
                    data.testImages().count()));
        }
        int[] testIndex = SubsetSelector.select(data.testLabels(), testCount, data.classNames().size(), false, 0);

        Checkpoints checkpoints = new Checkpoints(job.checkpointDirectory());
        Checkpoints.Info resumeFrom = s.resume() ? checkpoints.latest() : null;
        if (s.resume() && resumeFrom == null) {
            log.warn(Messages.of("train.resume.noCheckpoint", job.checkpointDirectory()));
        }
        if (resumeFrom != null && !resumeFrom.model().equals(spec)) {
            throw new ModelException(Messages.of("train.resume.otherNetwork", resumeFrom.directory(),
                    resumeFrom.model().describe(), spec.describe()));
        }
        Normalization norm = resumeFrom != null ? resumeFrom.normalization()
                : Normalization.of(data.trainImages().pixels(), data.trainImages().pixelsPerImage(), trainIndex);

        Engine engine = Engine.getEngine("PyTorch");
        Device device = device(engine);
        engine.setRandomSeed((int) s.seed());
        int firstEpoch = resumeFrom == null ? 1 : resumeFrom.epoch() + 1;
        int lastEpoch = firstEpoch + s.epochs() - 1;
        RunStatus run = RunStatus.start(firstEpoch, lastEpoch);
        try {
            ModelCard card = train(data, resumeFrom, checkpoints, norm, used, trainIndex, testCount, testIndex,
                    engine, device, run);
            run.complete().write(job.outputDirectory());
            LiveReport.finish(job.outputDirectory(), run.complete(), card, log.language());
            return card;
        } catch (RuntimeException | IOException | Error e) {
            if (metricsStarted) {
                try {
                    run.failed(e.getMessage()).write(job.outputDirectory());
                    LiveReport.finish(job.outputDirectory(),
                            run.failed(dev.fashionmnist.text.Messages.of(e, log.language())), null, log.language());
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Trains the epochs of {@code run}, from scratch or from {@code resumeFrom}; writes the model. */
    private ModelCard train(LoadedDataset data, Checkpoints.Info resumeFrom, Checkpoints checkpoints,
                            Normalization norm, int used, int[] trainIndex, int testCount, int[] testIndex,
                            Engine engine, Device device, RunStatus run) throws IOException {
        TrainSettings s = job.settings();
        ModelSpec spec = s.model();
        long started = System.nanoTime();
        try (Model model = Model.newInstance(ModelCard.PARAMETERS_NAME, device, "PyTorch")) {
            Block block = Networks.build(spec);
            model.setBlock(block);
            EpochRate rate = new EpochRate(s.learningRate());
            int firstEpoch = run.firstEpoch();
            int lastEpoch = run.lastEpoch();
            List<EpochMetrics> history = new ArrayList<>();
            String startFingerprint = job.fingerprint();
            List<Integer> resumedAfter = new ArrayList<>();
            if (resumeFrom != null) {
                // parameters must be in place before the trainer takes its view of them
                block.initialize(model.getNDManager(), DataType.FLOAT32, Networks.inputShape(spec, s.batchSize()));
                ModelParameters.load(model, spec, resumeFrom.directory(), ModelCard.PARAMETERS_NAME);
                log.info(Messages.of("train.resume.from", resumeFrom.directory(), resumeFrom.epoch()));
                history.addAll(resumeFrom.history() != null ? resumeFrom.history()
                        : previousMetrics(resumeFrom.epoch()));
                if (resumeFrom.startFingerprint() != null) {
                    startFingerprint = resumeFrom.startFingerprint();
                }
                if (resumeFrom.resumedAfter() != null) {
                    resumedAfter.addAll(resumeFrom.resumedAfter());
                }
                resumedAfter.add(resumeFrom.epoch());
                if (s.lrSchedule() != LrSchedule.CONSTANT) {
                    log.info(Messages.of("train.resume.schedule", s.lrSchedule().id(), firstEpoch, lastEpoch,
                            resumeFrom.plannedEpochs() > 0
                                    ? Messages.of("train.resume.planned", resumeFrom.plannedEpochs())
                                    : Messages.of("train.resume.plannedUnknown")));
                }
            } else {
                checkpoints.clear();
            }
            run.write(job.outputDirectory());
            metricsStarted = true;
            MetricsCsv.start(job.metricsFile(), history);
            LiveReport.start(job.outputDirectory(), run, history, log, log.language());
            ResumableOptimizer optimizer = ResumableOptimizer.of(s, rate, block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(SmoothedCrossEntropy.of(s.labelSmoothing()))
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config);
                 NDManager dataManager = model.getNDManager().newSubManager(device)) {
                if (resumeFrom == null) {
                    trainer.initialize(Networks.inputShape(spec, s.batchSize()));
                } else {
                    restoreOptimizer(optimizer, resumeFrom, model.getNDManager(), block);
                }
                long params = Networks.trainableParameters(block);
                log.info(Messages.of("train.network", spec.describe(), params));
                for (String line : Networks.layerSummary(block, spec, log.language())) {
                    log.info("  " + line);
                }
                for (String line : Networks.summary(block)) {
                    log.debug("  " + line);
                }
                DeviceTensors train = DeviceTensors.of(dataManager, data.trainImages(), data.trainLabels(), trainIndex,
                        norm);
                DeviceTensors test = DeviceTensors.of(dataManager, data.testImages(), data.testLabels(), testIndex,
                        norm);
                log.info(Messages.of("train.start", used, data.trainImages().count(),
                        used == data.trainImages().count() ? ""
                                : s.stratified() ? Messages.of("train.start.stratified")
                                : Messages.of("train.start.first", used),
                        testCount, deviceName(device), s.epochs(),
                        s.targetAccuracy() == null ? ""
                                : Messages.of("train.start.target", rounded(100 * s.targetAccuracy(), 2)),
                        s.evaluationsPerEpoch() > 1
                                ? Messages.of("train.start.evaluations", s.evaluationsPerEpoch()) : ""));
                BatchAugmenter augmenter = s.augment() ? augmenter(data, trainIndex, norm) : null;
                EarlyStopping stopping = new EarlyStopping(s.earlyStoppingPatience());
                history.forEach(stopping::record);
                Path best = resumeFrom != null && stopping.enabled() && stopping.best() != null
                        ? checkpoints.best(stopping.best().epoch()) : null;
                EpochMetrics last = null;
                int trained = firstEpoch - 1;
                AccuracyTarget target = new AccuracyTarget(s.targetAccuracy());
                boolean logChecks = s.evaluationsPerEpoch() > 1 || s.targetAccuracy() != null;
                EvaluationListener listener = (row, checkSeconds) -> {
                    history.add(row);
                    MetricsCsv.append(job.metricsFile(), row);
                    log.info(logChecks
                            ? Messages.of("train.epoch.check", row.logText(lastEpoch), rounded(checkSeconds, 1))
                            : row.logText(lastEpoch));
                    LiveReport.epochDone(job.outputDirectory(), run, history, log.language());
                    Diagnosis.diverging(history).ifPresent(f -> {
                        throw new ModelException(Messages.of("train.diverged", f.observation(),
                                f.kind().remediesText()));
                    });
                    return target.reached(row);
                };
                for (int epoch = firstEpoch; epoch <= lastEpoch; epoch++) {
                    // dropout and other engine randomness depend on the seed and the epoch only, not on the process
                    engine.setRandomSeed(epochSeed(s.seed(), epoch));
                    last = epoch(trainer, optimizer, block, train, test, epoch, lastEpoch, augmenter, dataManager,
                            rate, listener);
                    if (!last.epochEnd()) {
                        // the target was reached within the epoch: no checkpoint, as a resume continues whole epochs
                        trained = epoch;
                        break;
                    }
                    checkpoints.save(model, optimizer, new Checkpoints.Info(epoch, spec, norm, null, null,
                            s.lrSchedule().id(), lastEpoch, List.copyOf(history), startFingerprint,
                            List.copyOf(resumedAfter)));
                    trained = epoch;
                    if (stopping.record(last) && stopping.enabled()) {
                        best = checkpoints.keepBest(epoch);
                    }
                    if (target.hit() != null) {
                        break;
                    }
                    if (stopping.shouldStop()) {
                        log.info(Messages.of("train.earlyStopping", epoch, stopping.epochsSinceBest(),
                                stopping.best().epoch(), s.earlyStoppingPatience()));
                        break;
                    }
                }
                EpochMetrics kept = last;
                if (target.hit() != null) {
                    log.info(Messages.of("train.target.reached", rounded(100 * s.targetAccuracy(), 2),
                            rounded(last.at(), 4), rounded(100 * last.testAccuracy(), 2)));
                } else if (s.targetAccuracy() != null) {
                    EpochMetrics top = target.best();
                    log.info(Messages.of("train.target.missed", rounded(100 * s.targetAccuracy(), 2),
                            trained - firstEpoch + 1, rounded(100 * top.testAccuracy(), 2), rounded(top.at(), 4)));
                }
                if (target.hit() == null && stopping.enabled() && best != null && stopping.best().epoch() != trained) {
                    kept = stopping.best();
                    log.info(Messages.of("train.keepBest", kept.epoch(), rounded(kept.testLoss(), 4)));
                } else {
                    best = null;
                }
                List<Diagnosis.Finding> findings = Diagnosis.of(history);
                for (Diagnosis.Finding f : findings) {
                    log.warn(Messages.of("diagnosis.log.finding", f.text()));
                }
                if (findings.isEmpty()) {
                    log.info(Messages.of("diagnosis.log.healthy"));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                ModelCard card = new ModelCard(ModelCard.FORMAT, spec.architecture().id(), spec, s, job.datasetName(),
                        job.classNames(), job.dataSha256(), used, testCount, norm, kept, trained, kept.epoch(),
                        params, deviceName(device), seconds, ModelParameters.file(Path.of(""),
                        ModelCard.PARAMETERS_NAME).toString(), null, versions(engine), job.fingerprint(),
                        Instant.now().toString(), run.runId(), List.copyOf(history), startFingerprint,
                        List.copyOf(resumedAfter));
                return writeModel(model, card, best);
            }
        }
    }

    /** Told of each evaluation and what the test pass cost; true stops training there. */
    interface EvaluationListener {
        boolean evaluated(EpochMetrics row, double checkSeconds) throws IOException;
    }

    /**
     * Trains epoch {@code epoch} and evaluates on the test set at the epoch's evaluation points (the last at its end),
     * handing each row to {@code listener}; stops within the epoch when it says so. Returns the last row made.
     */
    private EpochMetrics epoch(Trainer trainer, ResumableOptimizer optimizer, Block block, DeviceTensors train,
                               DeviceTensors test, int epoch, int lastEpoch, BatchAugmenter augmenter,
                               NDManager dataManager, EpochRate rate,
                               EvaluationListener listener) throws IOException {
        TrainSettings s = job.settings();
        int batchSize = s.batchSize();
        Random random = new Random(s.seed() * 1_000_003L + epoch);
        int[] order = shuffled(train.count(), random);
        int batchesPerEpoch = s.batchesPerEpoch(order.length);
        int[] checks = evaluationPoints(batchesPerEpoch, s.evaluationsPerEpoch());
        long start = System.nanoTime();
        long checkNanos = 0;
        long done = 0;
        double lr = 0;
        EpochMetrics row = null;
        try (NDManager epochManager = dataManager.newSubManager();
             DeviceTensors shuffled = train.reordered(epochManager, order)) {
            // running sums stay on the device: reading them is a synchronisation, done every SYNC_BATCHES batches
            // and when a progress report is shown
            NDArray lossTotal = epochManager.zeros(new Shape(), DataType.FLOAT32);
            NDArray correctTotal = epochManager.zeros(new Shape(), DataType.INT64);
            int batches = 0;
            NDManager chunkManager = null;
            NDArray chunk = null;
            int chunkFrom = 0;
            int chunkTo = 0;
            int nextCheck = 0;
            for (int from = 0; from < order.length; from += batchSize) {
                cancellation.check();
                int to = Math.min(order.length, from + batchSize);
                // the schedule's position counts from the run's start: a resumed run continues where the last stopped
                lr = s.lrSchedule().rate(s.learningRate(), epoch, batches, batchesPerEpoch, lastEpoch);
                rate.value = (float) lr;
                if (augmenter == null && to > chunkTo) {
                    // normalised a chunk of batches at a time: fewer calls per batch, little memory
                    if (chunkManager != null) {
                        chunkManager.close();
                    }
                    chunkManager = epochManager.newSubManager();
                    chunkFrom = from;
                    chunkTo = Math.min(order.length, from + SYNC_BATCHES * batchSize);
                    chunk = shuffled.images(chunkManager, chunkFrom, chunkTo);
                }
                try (NDManager batch = epochManager.newSubManager()) {
                    NDArray x;
                    if (augmenter == null) {
                        x = chunk.get(new NDIndex().addSliceDim(from - chunkFrom, to - chunkFrom));
                        x.attach(batch);
                    } else {
                        x = batch.create(augmenter.batch(order, from, to, random), new Shape(to - from, 1,
                                train.imageShape().get(0), train.imageShape().get(1)));
                    }
                    NDArray y = shuffled.labels(batch, from, to);
                    NDArray logits;
                    NDArray loss;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                        collector.backward(loss);
                    }
                    // outside the collector: the sums must not join the autograd graph
                    lossTotal.addi(loss.mul(to - from));
                    correctTotal.addi(logits.argMax(1).eq(y).countNonzero());
                    optimizer.step(block);
                }
                done = to;
                if (++batches % SYNC_BATCHES == 0 || done == order.length) {
                    checkFinite(lossTotal.getFloat(), epoch);
                }
                double elapsed = (System.nanoTime() - start - checkNanos) / 1e9;
                progress.batchDone(epoch, lastEpoch, done, order.length, elapsed,
                        new RunningSums(lossTotal, correctTotal, done));
                if (batches == checks[nextCheck]) {
                    // the train metrics, seconds and images/s of a row cover the epoch so far
                    double lossSum = lossTotal.getFloat();
                    long correct = correctTotal.getLong();
                    long checkStart = System.nanoTime();
                    double trainSeconds = (checkStart - start - checkNanos) / 1e9;
                    if (done == order.length) {
                        // the epoch's shuffled images are done with: free them before the test pass needs memory
                        if (chunkManager != null) {
                            chunkManager.close();
                        }
                        shuffled.close();
                    }
                    double[] testResult = evaluate(trainer, test);
                    long checkEnd = System.nanoTime();
                    checkNanos += checkEnd - checkStart;
                    nextCheck++;
                    row = EpochMetrics.at(epoch - 1 + (double) nextCheck / checks.length, lossSum / done,
                            (double) correct / done, testResult[0], testResult[1], lr, (checkEnd - start) / 1e9,
                            done / Math.max(trainSeconds, 1e-9));
                    if (listener.evaluated(row, (checkEnd - checkStart) / 1e9)) {
                        break;
                    }
                }
            }
        }
        return row;
    }

    /** The epoch's running sums on the device, read (a synchronisation) only when a progress report asks. */
    private record RunningSums(NDArray lossTotal, NDArray correctTotal, long images)
            implements TrainingProgress.Running {
        @Override
        public double loss() {
            return lossTotal.getFloat() / images;
        }

        @Override
        public double accuracy() {
            return (double) correctTotal.getLong() / images;
        }
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

    private void checkFinite(float lossSum, int epoch) {
        if (!Float.isFinite(lossSum)) {
            throw new ModelException(Messages.of("train.lossNotFinite", epoch, Diagnosis.notFinite(lossSum),
                    String.valueOf(job.settings().learningRate())));
        }
    }

    /** {loss, accuracy} on {@code set}, without recording gradients; the loss is plain cross entropy. */
    static double[] evaluate(Trainer trainer, DeviceTensors set) {
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < set.count(); from += DeviceTensors.EVALUATION_BATCH) {
            int to = Math.min(set.count(), from + DeviceTensors.EVALUATION_BATCH);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray x = set.images(batch, from, to);
                NDArray y = set.labels(batch, from, to);
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum += (double) TEST_LOSS.evaluate(new NDList(y), new NDList(logits)).getFloat()
                        * (to - from);
                correct += logits.argMax(1).eq(y).countNonzero().getLong();
            }
        }
        return new double[] {lossSum / set.count(), (double) correct / set.count()};
    }

    /** Crops for every dataset; flips only for Fashion-MNIST, whose classes look the same mirrored. */
    private BatchAugmenter augmenter(LoadedDataset data, int[] trainIndex, Normalization norm) {
        boolean flip = job.datasetName().equals(DatasetCatalog.FASHION_MNIST);
        log.info(Messages.of("train.augment", BatchAugmenter.PAD, flip ? Messages.of("train.augment.flips")
                : Messages.of("train.augment.noFlips", job.datasetName())));
        float[] host = norm.apply(data.trainImages().pixels(), data.trainImages().pixelsPerImage(), trainIndex);
        return new BatchAugmenter(host, data.trainImages().rows(), data.trainImages().columns(), flip,
                -norm.shift());
    }

    private static String deviceName(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    private Device device(Engine engine) {
        if (job.gpuIndex() < 0) {
            return Device.cpu();
        }
        int gpus = engine.getGpuCount();
        if (job.gpuIndex() >= gpus) {
            throw new EngineException(Messages.of("train.device.missingGpu", job.gpuIndex(), gpus,
                    gpus == 0 ? Messages.of("train.device.noCuda") : "", Math.max(0, gpus - 1)));
        }
        return Device.gpu(job.gpuIndex());
    }

    /** Puts the checkpoint's optimizer state back; a checkpoint of an older plugin has none (a warning). */
    private void restoreOptimizer(ResumableOptimizer optimizer, Checkpoints.Info from, NDManager manager,
                                  Block block) throws IOException {
        Path file = from.optimizerFile();
        if (file == null) {
            log.warn(Messages.of("train.resume.noOptimizerState", from.directory()));
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            optimizer.load(from.optimizer(), in, manager, block, file.toString());
        }
    }

    /** The engine's seed for {@code epoch}: a function of the run's seed and the epoch only. */
    static int epochSeed(long seed, int epoch) {
        return Long.hashCode(seed * 0x9E3779B97F4A7C15L + epoch);
    }

    private List<EpochMetrics> previousMetrics(int upToEpoch) throws IOException {
        List<EpochMetrics> kept = new ArrayList<>();
        if (Files.isRegularFile(job.metricsFile())) {
            for (EpochMetrics row : MetricsCsv.read(job.metricsFile())) {
                if (row.epoch() <= upToEpoch) {
                    kept.add(row);
                }
            }
        }
        return kept;
    }

    /** Writes the model directory: the current parameters, or those of {@code best} (a checkpoint) if given. */
    private ModelCard writeModel(Model model, ModelCard card, Path best) throws IOException {
        Path target = job.modelDirectory();
        Files.createDirectories(target.getParent());
        Path temp = AtomicFiles.tempDirectoryFor(target);
        try {
            if (best != null) {
                Files.copy(ModelParameters.file(best, ModelCard.PARAMETERS_NAME),
                        ModelParameters.file(temp, ModelCard.PARAMETERS_NAME));
            } else {
                model.setProperty("Epoch", "0");
                model.save(temp, ModelCard.PARAMETERS_NAME);
            }
            ModelCard complete = card.withParametersSha256(
                    Digests.sha256(ModelParameters.file(temp, ModelCard.PARAMETERS_NAME)));
            complete.write(temp);
            cancellation.commit(() -> AtomicFiles.replaceDirectory(temp, target));
            return complete;
        } finally {
            AtomicFiles.deleteTree(temp);
        }
    }

    private ModelCard.Versions versions(Engine engine) {
        return new ModelCard.Versions(job.pluginVersion(), Engine.getDjlVersion(), engine.getVersion(),
                System.getProperty("java.version"));
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The learning rate of the current epoch, as DJL's optimizers ask for it. */
    public static final class EpochRate implements Tracker {
        volatile float value;

        public EpochRate(double initial) {
            this.value = (float) initial;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}
