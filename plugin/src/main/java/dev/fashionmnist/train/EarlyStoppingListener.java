package dev.fashionmnist.train;

import static dev.fashionmnist.text.Numbers.rounded;

import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code earlyStoppingPatience}: stops when the test loss has not improved for that many epochs, copies the best
 * epoch's checkpoint to {@code checkpoints/best/} as it comes, and at the end keeps the best epoch's model unless that
 * is the last epoch or the accuracy target chose the model. A resume goes on with the earlier epochs' best.
 */
final class EarlyStoppingListener implements TrainingListener {
    private final EarlyStopping stopping;
    private final BuildLog log;
    /** The kept copy of the best epoch's checkpoint, or {@code null}. */
    private Path best;

    EarlyStoppingListener(int patience, BuildLog log) {
        this.stopping = new EarlyStopping(patience);
        this.log = log;
    }

    @Override
    public void onTrainingStart(TrainingState state) throws IOException {
        state.history().forEach(stopping::record);
        if (state.plan().resumed() && stopping.enabled() && stopping.best() != null) {
            best = state.plan().checkpoints().best(stopping.best().epoch());
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics row, TrainingState state) throws IOException {
        if (stopping.record(row) && stopping.enabled()) {
            best = state.plan().checkpoints().keepBest(state.trainedEpoch());
        }
        // a stop already asked for (the accuracy target) goes first, and without this line
        if (!state.stopRequested() && stopping.shouldStop()) {
            log.info(Messages.of("train.earlyStopping", state.trainedEpoch(), stopping.epochsSinceBest(),
                    stopping.best().epoch(), state.plan().settings().earlyStoppingPatience()));
            state.requestStop();
        }
    }

    @Override
    public void onTrainingEnd(TrainingState state) {
        if (!state.lastKept() && stopping.enabled() && best != null
                && stopping.best().epoch() != state.trainedEpoch()) {
            EpochMetrics kept = stopping.best();
            state.keep(kept, best);
            log.info(Messages.of("train.keepBest", kept.epoch(), rounded(kept.testLoss(), 4)));
        }
    }
}
