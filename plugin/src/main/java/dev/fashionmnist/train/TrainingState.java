package dev.fashionmnist.train;

import ai.djl.Model;
import dev.fashionmnist.results.EpochMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a training run stands, as its listeners see it: every evaluation's metrics so far (those before a resume
 * included), the last epoch trained, the model, optimizer and weight average (for checkpoints), whether a listener
 * asked to stop, and which evaluation's model is to be kept (the last, unless early stopping keeps its best epoch).
 */
public final class TrainingState {
    private final RunPlan plan;
    private final List<EpochMetrics> history;
    private Model model;
    private ResumableOptimizer optimizer;
    private WeightAverage average;
    private EpochMetrics last;
    private int trainedEpoch;
    private boolean stopRequested;
    private boolean lastKept;
    private EpochMetrics kept;
    private Path keptParameters;

    TrainingState(RunPlan plan) {
        this.plan = plan;
        this.history = new ArrayList<>(plan.history());
        this.trainedEpoch = plan.firstEpoch() - 1;
    }

    /** What the run is to do. */
    public RunPlan plan() {
        return plan;
    }

    /** Every evaluation's metrics so far, in order; the training loop adds each before telling the listeners. */
    public List<EpochMetrics> history() {
        return history;
    }

    /** The network being trained; {@code null} before training starts. */
    public Model model() {
        return model;
    }

    /** The optimizer, whose state a checkpoint saves; {@code null} before training starts. */
    public ResumableOptimizer optimizer() {
        return optimizer;
    }

    /** The weight average, whose state a checkpoint saves; {@code null} without one or before training starts. */
    WeightAverage average() {
        return average;
    }

    /** The last evaluation made: the end of the last epoch, or where a stop within an epoch came. */
    public EpochMetrics last() {
        return last;
    }

    /** The last epoch trained, wholly or (stopped within it) in part. */
    public int trainedEpoch() {
        return trainedEpoch;
    }

    /** Stops training after the current evaluation (within an epoch) or epoch. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether a listener asked to stop. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Says that the model is the last evaluation's, whatever another listener would keep (the accuracy target). */
    public void keepLast() {
        lastKept = true;
    }

    /** Whether {@link #keepLast()} was said. */
    public boolean lastKept() {
        return lastKept;
    }

    /** Keeps the model of {@code row}, whose parameters lie in the checkpoint folder {@code parameters}. */
    public void keep(EpochMetrics row, Path parameters) {
        kept = row;
        keptParameters = parameters;
    }

    /** The metrics of the model that is kept: those of {@link #keep}, else the last. */
    public EpochMetrics kept() {
        return kept != null ? kept : last;
    }

    /** The checkpoint folder holding the kept model's parameters, or {@code null} for the network's current ones. */
    public Path keptParameters() {
        return keptParameters;
    }

    void training(Model model, ResumableOptimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    void averaging(WeightAverage average) {
        this.average = average;
    }

    void epochTrained(int epoch, EpochMetrics row) {
        trainedEpoch = epoch;
        last = row;
    }
}
