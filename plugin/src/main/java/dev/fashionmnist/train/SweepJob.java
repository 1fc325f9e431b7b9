package dev.fashionmnist.train;

import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** The trials of a sweep that still have to run, handed to one fork so that the data is loaded once. */
public record SweepJob(List<TrainJob> trials, List<String> labels) {

    /**
     * Trains and evaluates each trial on {@code data}, each announced by its label, with the progress
     * {@code progress} gives it. The trials' live pages do not each log where they are: the sweep says it once.
     */
    public void run(LoadedDataset data, BuildLog log, Function<TrainJob, TrainingProgress> progress,
                    Cancellation cancellation) throws IOException {
        for (int i = 0; i < trials.size(); i++) {
            TrainJob trial = trials.get(i);
            log.info(Messages.of("engine.fork.trial", labels.get(i)));
            new Training(trial, log, progress.apply(trial), cancellation).withoutLiveReportLine().run(data);
            EvaluationResult result = ModelEvaluator.evaluate(trial.modelDirectory(), data, trial.gpuIndex(),
                    trial.auto(), log);
            EvaluationReports.write(result, trial.outputDirectory());
        }
    }
}
