package dev.fashionmnist.train;

import dev.fashionmnist.results.EpochMetrics;

/**
 * Stops training when the test loss has not improved for {@code patience} epochs, and remembers the best epoch,
 * whose model is the one kept. A patience of 0 never stops, but still tracks the best epoch.
 */
public final class EarlyStopping {
    private final int patience;
    private EpochMetrics best;
    private int sinceBest;

    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    /**
     * Records an epoch; true when it is the best so far (lowest test loss). Rows made within an epoch (several
     * evaluations per epoch) are ignored: patience counts epochs, and only epochs have checkpoints to go back to.
     */
    public boolean record(EpochMetrics epoch) {
        if (!epoch.epochEnd()) {
            return false;
        }
        if (best == null || epoch.testLoss() < best.testLoss()) {
            best = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    public boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    public boolean enabled() {
        return patience > 0;
    }

    public EpochMetrics best() {
        return best;
    }

    public int epochsSinceBest() {
        return sinceBest;
    }
}
