package dev.fashionmnist.fork;

import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.data.DatasetSpec;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.ResidentMemory;
import dev.fashionmnist.evaluate.EvaluateJob;
import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.evaluate.PredictJob;
import dev.fashionmnist.evaluate.Predictor;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.Predictions;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Problem;
import dev.fashionmnist.train.Cancellation;
import dev.fashionmnist.train.ProgressCadence;
import dev.fashionmnist.train.SweepJob;
import dev.fashionmnist.train.TrainJob;
import dev.fashionmnist.train.Training;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine fork's entry point: {@code train JOB.json} trains, {@code evaluate JOB.json} evaluates a model,
 * {@code predict JOB.json} classifies images; results go to the job's result file, progress and errors through
 * {@link ForkProtocol} lines. It stops, writing no model, as soon as the Maven JVM that started it is gone
 * ({@link ParentWatch}).
 */
public final class ForkMain {
    /** The first argument: what the fork does. */
    public static final String TRAIN = "train";
    public static final String EVALUATE = "evaluate";
    public static final String PREDICT = "predict";
    public static final String SWEEP = "sweep";

    /** The system property that carries the reader's language from the Maven JVM: en or de. */
    public static final String LANGUAGE = "fashionmnist.language";

    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    private ForkMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Language language = language(System.getProperty(LANGUAGE));
        BuildLog log = new ProtocolLog(out, language);
        Cancellation cancellation = new Cancellation();
        ParentWatch.start(cancellation, System.in);
        int exit;
        try {
            if (args.length == 2 && args[0].equals(TRAIN)) {
                train(Json.readFile(Path.of(args[1]), TrainJob.class), log, out, cancellation);
            } else if (args.length == 2 && args[0].equals(EVALUATE)) {
                evaluate(Json.readFile(Path.of(args[1]), EvaluateJob.class), log);
            } else if (args.length == 2 && args[0].equals(SWEEP)) {
                sweep(Json.readFile(Path.of(args[1]), SweepJob.class), log, out, cancellation);
            } else if (args.length == 2 && args[0].equals(PREDICT)) {
                PredictJob job = Json.readFile(Path.of(args[1]), PredictJob.class);
                Json.writeFile(job.resultFile(), new Predictions(Predictor.predict(job.modelDirectory(), job.images(),
                        job.gpuIndex(), job.auto(), log)));
            } else {
                throw new IllegalArgumentException("usage: ForkMain train|evaluate|predict|sweep JOB.json");
            }
            ResidentMemory.peakKiB().ifPresent(kib -> log.info(Messages.of("engine.fork.peakMemory", kib / 1024)));
            exit = 0;
        } catch (ClassifierException | Problem e) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.ERROR, Messages.of(e, language)));
            exit = USER_ERROR;
        } catch (OutOfMemoryError e) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.ERROR, outOfMemory(e, language)));
            exit = USER_ERROR;
        } catch (Throwable e) {
            StringBuilder m = new StringBuilder(e.toString());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                m.append("\n  caused by ").append(c);
            }
            out.println(ForkProtocol.format(ForkProtocol.Kind.ERROR, Messages.text(language, "engine.fork.failed",
                    m.toString())));
            exit = INTERNAL_ERROR;
        }
        out.flush();
        System.exit(exit);
    }

    /**
     * The advice for an {@link OutOfMemoryError}: the data's native buffers have their own limit
     * ({@code -XX:MaxDirectMemorySize}: the JVM's message names "direct buffer memory"), everything else is the heap.
     */
    static String outOfMemory(OutOfMemoryError e, Language language) {
        boolean direct = e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("direct buffer memory");
        return Messages.text(language, direct ? "engine.fork.outOfDirectMemory" : "engine.fork.outOfMemory",
                e.getMessage());
    }

    private static void train(TrainJob job, BuildLog log, PrintStream out, Cancellation cancellation)
            throws java.io.IOException {
        useThreads(job.settings());
        LoadedDataset data = load(job.datasetName(), job.classNames(), job.dataFiles(), job.dataSha256());
        new Training(job, log, progress(out, job.interactive()), cancellation).run(data);
    }

    private static void evaluate(EvaluateJob job, BuildLog log) throws java.io.IOException {
        LoadedDataset data = load(job.datasetName(), job.classNames(), job.dataFiles(), job.dataSha256());
        EvaluationResult result = ModelEvaluator.evaluate(job.modelDirectory(), data, job.gpuIndex(), job.auto(),
                log);
        Json.writeFile(job.resultFile(), result);
    }

    /** Trains and evaluates each trial on data loaded once. */
    private static void sweep(SweepJob job, BuildLog log, PrintStream out, Cancellation cancellation)
            throws java.io.IOException {
        TrainJob first = job.trials().get(0);
        useThreads(first.settings());
        LoadedDataset data = load(first.datasetName(), first.classNames(), first.dataFiles(), first.dataSha256());
        job.run(data, log, trial -> progress(out, trial.interactive()), cancellation,
                trial -> out.println(ForkProtocol.format(ForkProtocol.Kind.TRIAL, String.valueOf(trial))));
    }

    /** PyTorch reads its thread count once, when the engine starts: set it before anything touches the engine. */
    private static void useThreads(TrainSettings settings) {
        if (settings.threads() > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(settings.threads()));
        }
    }

    private static LoadedDataset load(String name, List<String> classNames, Map<DatasetFile, Path> files,
                                      Map<DatasetFile, String> sha256) {
        DatasetSpec spec = new DatasetSpec(name, false, classNames, List.of(), sha256, Map.of(), List.of());
        return LoadedDataset.decode(spec, files);
    }

    /**
     * Progress as PROGRESS lines: frequent ones for a bar on a terminal ({@code interactive}), else at most three per
     * epoch for log lines ({@link ProgressCadence}). The running loss and accuracy are read from the device only for
     * the lines sent.
     */
    private static TrainingProgress progress(PrintStream out, boolean interactive) {
        ProgressCadence cadence = interactive ? ProgressCadence.bar(System::nanoTime)
                : ProgressCadence.logLines(System::nanoTime);
        return (epoch, lastEpoch, done, total, seconds, running) -> {
            if (cadence.due(epoch, done, total)) {
                out.println(ForkProtocol.progress(new EpochProgress(epoch, lastEpoch, done, total, seconds,
                        running.loss(), running.accuracy())));
            }
        };
    }

    /** The language {@code property} names (the Maven JVM passes the build's), English when none or unknown. */
    static Language language(String property) {
        return Language.parse(property).orElse(Language.ENGLISH);
    }

    /** The fork's log: protocol lines on standard output, worded in the build's language. */
    private record ProtocolLog(PrintStream out, Language language) implements BuildLog {
        @Override
        public void info(String message) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.INFO, message));
        }

        @Override
        public void warn(String message) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.WARN, message));
        }

        @Override
        public void debug(String message) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.DEBUG, message));
        }
    }
}
