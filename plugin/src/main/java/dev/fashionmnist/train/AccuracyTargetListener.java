package dev.fashionmnist.train;

import static dev.fashionmnist.text.Numbers.rounded;

import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;

/**
 * {@code targetAccuracy}: stops training at the first evaluation that reaches it, within an epoch too, and keeps
 * that evaluation's model; at the end logs when the target was reached, or the best accuracy seen when it was not.
 */
final class AccuracyTargetListener implements TrainingListener {
    private final Double targetAccuracy;
    private final AccuracyTarget target;
    private final BuildLog log;

    AccuracyTargetListener(Double targetAccuracy, BuildLog log) {
        this.targetAccuracy = targetAccuracy;
        this.target = new AccuracyTarget(targetAccuracy);
        this.log = log;
    }

    @Override
    public void onEvaluation(EpochMetrics row, double checkSeconds, TrainingState state) {
        // a check on the test sample never reaches the target (the loop takes the whole set where it might) and is
        // no figure to report as the best
        if (row.onSample(state.plan().testCount())) {
            return;
        }
        if (target.reached(row)) {
            state.keepLast();
            state.requestStop();
        }
    }

    @Override
    public void onTrainingEnd(TrainingState state) {
        if (target.hit() != null) {
            EpochMetrics last = state.last();
            log.info(Messages.of("train.target.reached", rounded(100 * targetAccuracy, 2), rounded(last.at(), 4),
                    rounded(100 * last.testAccuracy(), 2)));
        } else if (targetAccuracy != null) {
            EpochMetrics top = target.best();
            log.info(Messages.of("train.target.missed", rounded(100 * targetAccuracy, 2),
                    state.trainedEpoch() - state.plan().firstEpoch() + 1, rounded(100 * top.testAccuracy(), 2),
                    rounded(top.at(), 4)));
        }
    }
}
