package dev.fashionmnist.train;

import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The trials of a sweep that still have to run, handed to one fork so that the data is loaded once.
 *
 * @param claims null when this fork trains every trial; with {@code parallelTrials}, the folder that the concurrent
 *               forks, each given all trials, share: a fork trains a trial only when it is the first to create the
 *               file named by the trial's place in {@code trials} there (an atomic create, so each trial trains once),
 *               so every fork takes the next trial in order when it is free; it takes none after the file
 *               {@link #STOP} appears (another fork failed)
 */
public record SweepJob(List<TrainJob> trials, List<String> labels, Path claims) {
    /** The file in {@code claims} that tells the forks to take no further trial. */
    public static final String STOP = "stop";

    /** All {@code trials}, one after the other, in this fork. */
    public SweepJob(List<TrainJob> trials, List<String> labels) {
        this(trials, labels, null);
    }

    /**
     * Trains and evaluates each trial on {@code data}, each announced by its label, with the progress
     * {@code progress} gives it. The trials' live pages do not each log where they are: the sweep says it once.
     */
    public void run(LoadedDataset data, BuildLog log, Function<TrainJob, TrainingProgress> progress,
                    Cancellation cancellation) throws IOException {
        run(data, log, progress, cancellation, trial -> { });
    }

    /**
     * As {@link #run(LoadedDataset, BuildLog, Function, Cancellation)}, telling {@code started} the place in
     * {@link #trials} of each trial before anything is logged for it, so that the lines of concurrent forks can be
     * told apart.
     */
    public void run(LoadedDataset data, BuildLog log, Function<TrainJob, TrainingProgress> progress,
                    Cancellation cancellation, IntConsumer started) throws IOException {
        for (int i = 0; i < trials.size(); i++) {
            if (!claim(i)) {
                continue;
            }
            TrainJob trial = trials.get(i);
            started.accept(i);
            log.info(Messages.of("engine.fork.trial", labels.get(i)));
            new Training(trial, log, progress.apply(trial), cancellation).withoutLiveReportLine().run(data);
            EvaluationResult result = ModelEvaluator.evaluate(trial.modelDirectory(), data, trial.gpuIndex(),
                    trial.auto(), log);
            EvaluationReports.write(result, trial.outputDirectory());
        }
    }

    /** Whether this fork trains trial {@code i}: always without {@link #claims}, else when it claims it first. */
    private boolean claim(int i) throws IOException {
        if (claims == null) {
            return true;
        }
        if (Files.exists(claims.resolve(STOP))) {
            return false;
        }
        try {
            Files.createFile(claims.resolve(String.valueOf(i)));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
