package dev.fashionmnist.train;

import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.util.List;

/**
 * The divergence checks while training, which fail the run: a training loss sum that is no longer finite (at each
 * read of it), a test loss that diverges (at each evaluation); and at the end the diagnosis of the whole history in
 * the log: a finding (over- or underfitting, not learning, …) as a warning, "too early to tell" or healthy as
 * information.
 */
final class DiagnosisListener implements TrainingListener {
    private final double learningRate;
    private final BuildLog log;

    DiagnosisListener(double learningRate, BuildLog log) {
        this.learningRate = learningRate;
        this.log = log;
    }

    @Override
    public void onLossSum(int epoch, float lossSum) {
        if (!Float.isFinite(lossSum)) {
            throw new ModelException(Messages.of("train.lossNotFinite", epoch, Diagnosis.notFinite(lossSum),
                    String.valueOf(learningRate)));
        }
    }

    @Override
    public void onEvaluation(EpochMetrics row, double checkSeconds, TrainingState state) {
        Diagnosis.diverging(state.history()).ifPresent(f -> {
            throw new ModelException(Messages.of("train.diverged", f.observation(), f.kind().remediesText()));
        });
    }

    @Override
    public void onTrainingEnd(TrainingState state) {
        // the run ends here, also where early stopping or the accuracy target ended it before its last epoch
        List<Diagnosis.Finding> findings = Diagnosis.of(state.history(),
                state.plan().runSetup().withEpochs(state.trainedEpoch()));
        for (Diagnosis.Finding f : findings) {
            if (f.kind().warning()) {
                log.warn(Messages.of("diagnosis.log.finding", f.text()));
            } else {
                log.info(Messages.of("diagnosis.log.finding", f.text()));
            }
        }
        if (findings.isEmpty()) {
            log.info(Messages.of("diagnosis.log.healthy"));
        }
    }
}
