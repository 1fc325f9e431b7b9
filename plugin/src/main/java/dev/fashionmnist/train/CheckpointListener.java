package dev.fashionmnist.train;

import dev.fashionmnist.results.EpochMetrics;
import java.io.IOException;
import java.util.List;

/**
 * The run's checkpoints: a run from scratch first clears those of an earlier run; after each whole epoch a checkpoint
 * holds everything the next epoch depends on (parameters, optimizer state, the weight average, the schedule's plan,
 * every row so far), so that a resume is exact. An epoch stopped within gets none: a resume continues whole epochs.
 */
final class CheckpointListener implements TrainingListener {

    @Override
    public void onTrainingStart(TrainingState state) throws IOException {
        if (!state.plan().resumed()) {
            state.plan().checkpoints().clear();
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics row, TrainingState state) throws IOException {
        RunPlan plan = state.plan();
        plan.checkpoints().save(state.model(), state.optimizer(), state.average(),
                Checkpoints.Info.of(state.trainedEpoch(), plan.spec(), plan.normalization(),
                        plan.settings().lrSchedule().id(), plan.lastEpoch(), List.copyOf(state.history()),
                        plan.startFingerprint(), plan.resumedAfter()));
    }
}
