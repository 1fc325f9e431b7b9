package dev.fashionmnist.train;

import dev.fashionmnist.results.EpochMetrics;

/**
 * {@code targetAccuracy}: training stops after the first evaluation whose test accuracy reaches it. Remembers that
 * evaluation, and the best one seen, for the log when the target is not reached.
 */
final class AccuracyTarget {
    private final Double target;
    private EpochMetrics hit;
    private EpochMetrics best;

    /** A target as a fraction; {@code null} never stops. */
    AccuracyTarget(Double target) {
        this.target = target;
    }

    /** Records an evaluation; true when it reaches the target (and training should stop). */
    boolean reached(EpochMetrics row) {
        if (best == null || row.testAccuracy() > best.testAccuracy()) {
            best = row;
        }
        if (hit == null && target != null && row.testAccuracy() >= target) {
            hit = row;
        }
        return hit != null;
    }

    /** The evaluation that reached the target, or {@code null}. */
    EpochMetrics hit() {
        return hit;
    }

    /** The evaluation with the highest test accuracy so far, or {@code null} before the first. */
    EpochMetrics best() {
        return best;
    }
}
