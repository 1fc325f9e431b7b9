package dev.fashionmnist.train;

import static dev.fashionmnist.text.Numbers.rounded;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.DeviceProof;
import dev.fashionmnist.engine.DeviceTensors;
import dev.fashionmnist.engine.Devices;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.runtime.internal.Normalization;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * What one training run is to do, settled before the first batch: the job and its settings, the data and which of it
 * is used, the engine and device, the epochs (from the checkpoint a resume continues, else from 1), and what a resume
 * carries on (the epochs' metrics so far, the fingerprint of the run the chain began with, the epochs after which a
 * resume took over, this one included).
 *
 * <p>A resume of an interrupted run (its checkpoint's epoch is below the plan of the run that wrote it, and neither
 * early stopping nor the accuracy target ended it there) finishes that plan, whatever {@code epochs} says now: the
 * schedule keeps its horizon, so the result is that of the uninterrupted run. A resume of a finished run (or of a
 * checkpoint of an older plugin, whose plan is unknown) trains {@code epochs} more epochs, and the schedule's plan is
 * then the new last epoch.
 *
 * @param imagesUsed      how many training images are used (the size of {@code trainIndex})
 * @param testCount       how many test images are evaluated (the size of {@code testIndex})
 * @param resumeFrom      the checkpoint this run continues, or {@code null} for a run from scratch
 * @param status          this run in run.json: its id, and its first and last epoch
 * @param history         the metrics of the epochs before {@code firstEpoch} (empty from scratch)
 * @param startFingerprint the fingerprint of the run from scratch that this chain of runs began with
 * @param resumedAfter    the epochs after which a resumed run took over (empty from scratch)
 */
public record RunPlan(TrainJob job, LoadedDataset data, int imagesUsed, int[] trainIndex, int testCount,
                      int[] testIndex, Checkpoints checkpoints, Checkpoints.Info resumeFrom,
                      Normalization normalization, Engine engine, Device device, RunStatus status,
                      List<EpochMetrics> history, String startFingerprint, List<Integer> resumedAfter) {

    /**
     * Settles the run of {@code job} on {@code data}: checks the test size, finds the checkpoint to resume (warning
     * when there is none, failing when it is of another network), loads the engine and picks the device: a GPU only
     * once it passed its {@link DeviceProof}.
     */
    public static RunPlan prepare(TrainJob job, LoadedDataset data, BuildLog log) throws IOException {
        TrainSettings s = job.settings();
        int classes = data.classNames().size();
        int used = s.imagesUsed(data.trainImages().count(), classes);
        int[] trainIndex = SubsetSelector.select(data.trainLabels(), used, classes, s.stratified(), s.seed());
        int testCount = job.testSize() == 0 ? data.testImages().count() : job.testSize();
        if (testCount > data.testImages().count()) {
            throw new ModelException(Messages.of("train.testSize.tooLarge", job.testSize(),
                    data.testImages().count()));
        }
        int[] testIndex = SubsetSelector.select(data.testLabels(), testCount, classes, false, 0);

        Checkpoints checkpoints = new Checkpoints(job.checkpointDirectory());
        Checkpoints.Info resumeFrom = s.resume() ? checkpoints.latest() : null;
        if (s.resume() && resumeFrom == null) {
            log.warn(Messages.of("train.resume.noCheckpoint", job.checkpointDirectory()));
        }
        if (resumeFrom != null && !resumeFrom.model().equals(s.model())) {
            throw new ModelException(Messages.of("train.resume.otherNetwork", resumeFrom.directory(),
                    resumeFrom.model().describe(), s.model().describe()));
        }
        Normalization norm = resumeFrom != null ? resumeFrom.normalization()
                : data.trainImages().normalization(trainIndex);

        Engine engine = Engine.getEngine("PyTorch");
        // a GPU proves itself with one training step of this network and batch before the data goes there
        Device device = DeviceProof.training(s.model(), Math.min(s.batchSize(), used)).device(job.gpuIndex(),
                job.auto(), engine::getGpuCount, gpus -> Messages.of("train.device.missingGpu", job.gpuIndex(), gpus,
                        gpus == 0 ? Messages.of("train.device.noCuda") : "", Math.max(0, gpus - 1)), log);
        int firstEpoch = resumeFrom == null ? 1 : resumeFrom.epoch() + 1;
        int lastEpoch = resumeFrom != null && interrupted(resumeFrom, s) ? resumeFrom.plannedEpochs()
                : firstEpoch + s.epochs() - 1;
        RunStatus status = RunStatus.start(firstEpoch, lastEpoch);
        List<EpochMetrics> history = new ArrayList<>();
        String startFingerprint = job.fingerprint();
        List<Integer> resumedAfter = new ArrayList<>();
        if (resumeFrom != null) {
            history.addAll(resumeFrom.history() != null ? resumeFrom.history()
                    : previousMetrics(job, resumeFrom.epoch()));
            if (resumeFrom.startFingerprint() != null) {
                startFingerprint = resumeFrom.startFingerprint();
            }
            if (resumeFrom.resumedAfter() != null) {
                resumedAfter.addAll(resumeFrom.resumedAfter());
            }
            resumedAfter.add(resumeFrom.epoch());
        }
        return new RunPlan(job, data, used, trainIndex, testCount, testIndex, checkpoints, resumeFrom, norm, engine,
                device, status, List.copyOf(history), startFingerprint, List.copyOf(resumedAfter));
    }

    /** The job's settings. */
    public TrainSettings settings() {
        return job.settings();
    }

    /** The network to train. */
    public ModelSpec spec() {
        return job.settings().model();
    }

    /** The first epoch this run trains: 1, or the one after the resumed checkpoint's. */
    public int firstEpoch() {
        return status.firstEpoch();
    }

    /** The last epoch this run is to train: the learning-rate schedule's plan. */
    public int lastEpoch() {
        return status.lastEpoch();
    }

    /**
     * What the diagnosis needs to know of this run: network, training images, batch, optimizer and learning rate, its
     * last epoch, the classes and the share of the most frequent class among the test images evaluated.
     */
    public RunSetup runSetup() {
        TrainSettings s = settings();
        int classes = data.classNames().size();
        int[] testLabels = new int[testIndex.length];
        for (int i = 0; i < testIndex.length; i++) {
            testLabels[i] = data.testLabels().label(testIndex[i]);
        }
        return new RunSetup(s.model().architecture().id(), s.model().hiddenLayers(), imagesUsed, s.batchSize(),
                s.optimizer().id(), s.learningRate(), lastEpoch(), classes,
                RunSetup.majorityShare(testLabels, classes));
    }

    /** Whether this run continues a checkpoint. */
    public boolean resumed() {
        return resumeFrom != null;
    }

    /** Whether this run finishes the plan of an interrupted run (see the class's documentation). */
    boolean finishesInterruptedRun() {
        return resumeFrom != null && interrupted(resumeFrom, settings());
    }

    /**
     * Whether the run that wrote {@code checkpoint} stopped before the end of its plan for a reason outside it (killed,
     * cancelled, failed): its plan is known and not reached, and with {@code s}'s patience and target neither early
     * stopping nor the accuracy target would have ended it after the checkpoint's epoch.
     */
    static boolean interrupted(Checkpoints.Info checkpoint, TrainSettings s) {
        if (checkpoint.epoch() >= checkpoint.plannedEpochs() || checkpoint.history() == null) {
            return false;
        }
        EarlyStopping stopping = new EarlyStopping(s.earlyStoppingPatience());
        AccuracyTarget target = new AccuracyTarget(s.targetAccuracy());
        boolean reached = false;
        for (EpochMetrics row : checkpoint.history()) {
            stopping.record(row);
            reached |= target.reached(row);
        }
        return !reached && !stopping.shouldStop();
    }

    /** The training images used, in the plan's order, normalised as the plan says, as arrays of {@code manager}. */
    DeviceTensors trainTensors(NDManager manager) {
        return DeviceTensors.of(manager, data.trainImages(), data.trainLabels(), trainIndex, normalization);
    }

    /** The test images evaluated, as arrays of {@code manager}. */
    DeviceTensors testTensors(NDManager manager) {
        return DeviceTensors.of(manager, data.testImages(), data.testLabels(), testIndex, normalization);
    }

    /**
     * Logs which checkpoint a resumed run continues and which epochs it trains: those left of an interrupted run's plan
     * (saying so when {@code epochs} would have planned otherwise), or more after a finished one; then, extending with
     * a schedule other than constant, that the schedule's plan changes.
     */
    void logResume(BuildLog log) {
        TrainSettings s = settings();
        Message epochs = firstEpoch() == lastEpoch() ? Messages.of("train.resume.epoch", lastEpoch())
                : Messages.of("train.resume.epochs", firstEpoch(), lastEpoch());
        if (finishesInterruptedRun()) {
            log.info(Messages.of("train.resume.interrupted", resumeFrom.directory(), resumeFrom.epoch(),
                    resumeFrom.plannedEpochs(), epochs));
            List<Integer> before = resumeFrom.resumedAfter();
            int runStart = before == null || before.isEmpty() ? 0 : before.get(before.size() - 1);
            if (s.epochs() != resumeFrom.plannedEpochs() && s.epochs() != resumeFrom.plannedEpochs() - runStart) {
                log.info(Messages.of("train.resume.epochsIgnored", s.epochs(), resumeFrom.plannedEpochs()));
            }
            return;
        }
        log.info(resumeFrom.plannedEpochs() > 0
                ? Messages.of("train.resume.finished", resumeFrom.directory(), resumeFrom.epoch(), epochs)
                : Messages.of("train.resume.from", resumeFrom.directory(), resumeFrom.epoch(), epochs));
        if (s.lrSchedule() != LrSchedule.CONSTANT) {
            log.info(Messages.of("train.resume.schedule", s.lrSchedule().id(), firstEpoch(), lastEpoch(),
                    resumeFrom.plannedEpochs() > 0
                            ? Messages.of("train.resume.planned", resumeFrom.plannedEpochs())
                            : Messages.of("train.resume.plannedUnknown")));
        }
    }

    /** The log line that says what the run trains on: images, test images, device, epochs, target, evaluations. */
    Message startLine() {
        TrainSettings s = settings();
        int available = data.trainImages().count();
        return Messages.of("train.start", imagesUsed, available,
                imagesUsed == available ? ""
                        : s.stratified() ? Messages.of("train.start.stratified")
                        : Messages.of("train.start.first", imagesUsed),
                testCount, Devices.name(device), lastEpoch() - firstEpoch() + 1,
                s.targetAccuracy() == null ? ""
                        : Messages.of("train.start.target", rounded(100 * s.targetAccuracy(), 2)),
                s.evaluationsPerEpoch() > 1 ? Messages.of("train.start.evaluations", s.evaluationsPerEpoch()) : "");
    }

    /** The rows of an older plugin's metrics.csv up to {@code upToEpoch}, for a checkpoint that holds none. */
    private static List<EpochMetrics> previousMetrics(TrainJob job, int upToEpoch) throws IOException {
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
}
