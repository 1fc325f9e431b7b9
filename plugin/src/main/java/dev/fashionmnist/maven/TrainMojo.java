package dev.fashionmnist.maven;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.TrainParameters;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.engine.EngineChoice;
import dev.fashionmnist.evaluate.EvaluationOutputs;
import dev.fashionmnist.fork.ForkMain;
import dev.fashionmnist.io.FileWriteException;
import dev.fashionmnist.model.ModelArchive;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.train.Fingerprint;
import dev.fashionmnist.train.ModelCache;
import dev.fashionmnist.train.TrainJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.inject.Inject;
import org.apache.maven.archiver.MavenArchiver;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Trains one of the notebook's networks on the configured dataset in a forked JVM, writes metrics.csv, checkpoints
 * and the model directory (parameters + model.json) and attaches the model with classifier {@code model}, zipped and as
 * a jar for an application's class path.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class TrainMojo extends AbstractEngineMojo {

    /** mlp, net, amelie-cnn or resnet. */
    @Parameter(property = "fashionmnist.architecture", defaultValue = "amelie-cnn")
    String architecture;

    /** mlp: neurons of the single hidden layer (the notebook's hidden_size). */
    @Parameter(property = "fashionmnist.hiddenSize", defaultValue = "128")
    int hiddenSize;

    /** mlp: several hidden layers, comma-separated (e.g. 256,128); wins over hiddenSize. */
    @Parameter(property = "fashionmnist.hiddenLayers")
    String hiddenLayers;

    /** resnet: residual blocks per stage at 64, 128, 256 channels. */
    @Parameter(property = "fashionmnist.resnetBlocks", defaultValue = "2,2,2")
    String resnetBlocks;

    /**
     * Epochs to train (with resume: epochs on top of the last checkpoint of a finished run; an interrupted run is
     * finished as it was planned).
     */
    @Parameter(property = "fashionmnist.epochs", defaultValue = "5")
    int epochs;

    /** Images per training batch. */
    @Parameter(property = "fashionmnist.batchSize", defaultValue = "64")
    int batchSize;

    /** sgd, adam or adamw. */
    @Parameter(property = "fashionmnist.optimizer", defaultValue = "adam")
    String optimizer;

    /** The (initial, with onecycle the peak, with wsd the stable) learning rate. */
    @Parameter(property = "fashionmnist.learningRate", defaultValue = "0.003")
    double learningRate;

    /** sgd: momentum (0 = plain SGD, as in the notebook). */
    @Parameter(property = "fashionmnist.momentum", defaultValue = "0")
    double momentum;

    /** sgd: Nesterov momentum. */
    @Parameter(property = "fashionmnist.nesterov", defaultValue = "false")
    boolean nesterov;

    /** L2 weight decay (decoupled for adamw). */
    @Parameter(property = "fashionmnist.weightDecay", defaultValue = "0")
    double weightDecay;

    /**
     * constant, cosine or step (per epoch), or per batch: onecycle (warm-up over 30% of the run, then cosine annealing)
     * or wsd (warmup-stable-decay: a short warm-up of at most 200 batches, the constant rate, then a 1-sqrt decay
     * towards 0 over the last 20% of the run).
     */
    @Parameter(property = "fashionmnist.lrSchedule", defaultValue = "wsd")
    String lrSchedule;

    /** Label smoothing ε of the training loss, from 0 (plain cross entropy) to below 1, e.g. 0.1. */
    @Parameter(property = "fashionmnist.labelSmoothing", defaultValue = "0.1")
    double labelSmoothing;

    /**
     * Weight averaging: keeps an exponential moving average of the network's weights (BatchNorm's running statistics
     * included), updated after every optimizer step, and evaluates it beside the trained weights at every test check.
     * Each row of metrics.csv reports the better of the two by test accuracy (column {@code weights}: average or
     * trained), and the model written is that row's: an ordinary model either way. The average usually gains a
     * few tenths of a percent of test accuracy and smooths the last epochs' noise, for a second test pass per check
     * and about one more copy of the parameters in memory. Default: true. Switch it off to compare with plain
     * training, or where a check's second test pass costs too much (many checks per epoch on a slow device).
     */
    @Parameter(property = "fashionmnist.weightAverage", defaultValue = "true")
    boolean weightAverage;

    /** Training images to use; 0 = all. */
    @Parameter(property = "fashionmnist.trainSize", defaultValue = "0")
    int trainSize;

    /** How trainSize picks images: stratified (seeded, the class balance of the full set) or first. */
    @Parameter(property = "fashionmnist.trainSubset", defaultValue = "stratified")
    String trainSubset;

    /** Test images to evaluate on after each epoch (the first N); 0 = the whole test set. */
    @Parameter(property = "fashionmnist.testSize", defaultValue = "0")
    int testSize;

    /** Seed for initialisation, shuffling and the subset. */
    @Parameter(property = "fashionmnist.seed", defaultValue = "42")
    long seed;


    /** PyTorch intra-op threads; 0 = PyTorch's default. Results are reproducible for the same value. */
    @Parameter(property = "fashionmnist.threads", defaultValue = "0")
    int threads;

    /**
     * Continue from the last checkpoint, appending to metrics.csv. If the run that wrote it was interrupted (killed,
     * cancelled, a failed machine) before its last epoch, the resume finishes that run's plan (its epochs, whatever
     * {@code epochs} says now): metrics.csv and the parameters are those of the uninterrupted run, for every
     * lrSchedule. If that run had finished (its last epoch, or early stopping or the accuracy target ended it), the
     * resume trains {@code epochs} more epochs, and a schedule other than constant is planned anew up to the new last
     * epoch.
     */
    @Parameter(property = "fashionmnist.resume", defaultValue = "false")
    boolean resume;

    /** Stop when the test loss has not improved for this many epochs, keeping the best epoch's model; 0 = off. */
    @Parameter(property = "fashionmnist.earlyStoppingPatience", defaultValue = "0")
    int earlyStoppingPatience;

    /** Augment training images: random crops with padding, horizontal flips for Fashion-MNIST only. */
    @Parameter(property = "fashionmnist.augment", defaultValue = "false")
    boolean augment;

    /**
     * Stop after the first evaluation whose test accuracy reaches this (0.90 or 90%) and keep that model; epochs stay
     * the upper bound. Empty: no target.
     */
    @Parameter(property = "fashionmnist.targetAccuracy")
    String targetAccuracy;

    /**
     * Test evaluations per epoch at evenly spaced batches, the last at the epoch's end; each adds a metrics row. A
     * whole number, or auto (the default): 4 with a targetAccuracy, so that a target reached within an epoch stops
     * there (the checks within an epoch evaluate a 2,000-image sample of the test set; the whole set decides whether
     * the target is reached), else 1.
     */
    @Parameter(property = "fashionmnist.evaluationsPerEpoch", defaultValue = "auto")
    String evaluationsPerEpoch;

    /** Train even when model.json's fingerprint says the model is up to date. */
    @Parameter(property = "fashionmnist.force", defaultValue = "false")
    boolean force;

    /** Keep trained models in the model cache across clean builds; restore one there instead of training again. */
    @Parameter(property = "fashionmnist.modelCache", defaultValue = "true")
    boolean modelCache;

    /** The model cache folder; default: {@code models} in dataDirectory. */
    @Parameter(property = "fashionmnist.modelCacheDirectory")
    File modelCacheDirectory;

    /** How many models the model cache keeps; the ones stored or restored longest ago are evicted. */
    @Parameter(property = "fashionmnist.modelCacheSize", defaultValue = "20")
    int modelCacheSize;

    /**
     * Attach the model to the project with classifier 'model', as a zip and as a jar (the model's files under
     * META-INF/fashionmnist/model/, a dependency of an application), so install/deploy archive both.
     */
    @Parameter(property = "fashionmnist.attach", defaultValue = "true")
    boolean attach;

    /**
     * The time of the entries of the model zip and jar for a reproducible build: ISO-8601
     * ({@code 2024-01-01T00:00:00Z}) or
     * seconds since 1970, as for maven-jar-plugin; default: {@code project.build.outputTimestamp}. Unset: each entry
     * carries its file's modification time.
     */
    @Parameter(property = "fashionmnist.outputTimestamp", defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    @Inject
    MavenProjectHelper projectHelper;

    @Override
    void run(BuildLog log) throws MojoExecutionException {
        int classes = datasetSpec().classCount();
        settings(28, 28, classes); // every parameter is checked before any work starts
        Instant zipTime = zipTimestamp();
        List<Path> junitCopies = List.of();
        if (session != null && mojoExecution != null) {
            PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session,
                    mojoExecution);
            EvaluateGatesPreview.check(project, plugin, evaluator);
            junitCopies = EvaluateGatesPreview.junitCopies(project, plugin, evaluator);
        }
        ModelCache cache = modelCache(log);
        EngineChoice engine = engineChoice();
        Path out = outputDirectory.toPath();
        checkWritable(out);

        DatasetFiles files = fetchDataset(log);
        LoadedDataset data = files.load();
        TrainSettings settings = settings(data.trainImages().rows(), data.trainImages().columns(), classes);
        settings.imagesUsed(data.trainImages().count(), classes);
        if (testSize < 0 || testSize > data.testImages().count()) {
            throw new ModelException(Messages.of("maven.train.testSize", testSize, data.testImages().count()));
        }
        String fingerprint = fingerprint(settings, files, engine);
        Path modelDir = out.resolve("model");
        ModelCard existing = readCard(modelDir);
        String chainStart = exactChainStart(settings, existing, s -> fingerprint(s, files, engine));
        if (!force && !resume && (ModelCard.upToDate(modelDir, fingerprint)
                || chainStart != null && ModelCard.upToDate(modelDir, chainStart))) {
            log.info(existing.resumed() && !fingerprint.equals(existing.fingerprint())
                    ? Messages.of("maven.train.upToDateResumed", modelDir, fingerprint.substring(0, 12),
                    existing.epochsTrained())
                    : Messages.of("maven.train.upToDate", modelDir, fingerprint.substring(0, 12)));
        } else {
            if (!resume && existing != null && existing.resumed()) {
                log.warn(Messages.of("maven.train.replacing", modelDir, existing.epochsTrained(), force
                        ? Messages.of("maven.train.replacing.force") : Messages.of("maven.train.replacing.differs")));
            }
            forgetEvaluation(out, junitCopies);
            if (cache != null && !force && !resume && cache.restore(fingerprint, out) != null) {
                refreshReport(log, out, "maven.train.page");
            } else {
                log.info(engine.line());
                ProgressOutput progress = progressOutput(log);
                TrainJob job = TrainJob.builder().settings(settings).datasetName(files.spec().name())
                        .classNames(files.spec().classNames()).dataFiles(files.paths()).dataSha256(files.sha256())
                        .testSize(testSize).outputDirectory(out.toAbsolutePath()).gpuIndex(engine.gpuIndex())
                        .fingerprint(fingerprint).pluginVersion(plugin.getVersion()).interactive(progress.drawsBar())
                        .auto(engine.auto()).build();
                fork(log, engine, ForkMain.TRAIN, job, out.resolve(".train-job.json"), progress);
                if (cache != null && !resume) {
                    cache.store(fingerprint, out);
                }
            }
        }
        if (attach) {
            attachModel(log, modelDir, out, zipTime);
        }
    }

    /**
     * The model in {@code out} is about to be replaced (trained or restored): the evaluation of the one there now, its
     * gates' JUnit XML (also the {@code junitCopies} that evaluate writes elsewhere) and its recorded result must not
     * pass for the new model's.
     */
    private static void forgetEvaluation(Path out, List<Path> junitCopies) {
        try {
            EvaluationOutputs.forget(out, junitCopies);
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.evaluate.cannotClean", out, e));
        }
    }

    /** The {@link #outputTimestamp} as an instant; {@code null} when it is not set (or disabled by one character). */
    Instant zipTimestamp() throws MojoExecutionException {
        try {
            return MavenArchiver.parseBuildOutputTimestamp(outputTimestamp).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(Messages.text(language(), "maven.train.outputTimestamp",
                    outputTimestamp));
        }
    }

    /** The model cache as configured; {@code null} when it is switched off. */
    ModelCache modelCache(BuildLog log) {
        if (!modelCache) {
            return null;
        }
        File root = modelCacheDirectory != null ? modelCacheDirectory : new File(dataDirectory, "models");
        return new ModelCache(root.toPath(), modelCacheSize, log);
    }

    TrainSettings settings(int rows, int columns, int classes) {
        return parameters().settings(rows, columns, classes, device, threads, resume);
    }

    /** The training parameters as configured, by name (what a sweep varies). */
    TrainParameters parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("architecture", architecture);
        p.put("hiddenSize", String.valueOf(hiddenSize));
        p.put("hiddenLayers", hiddenLayers == null ? "" : hiddenLayers);
        p.put("resnetBlocks", resnetBlocks);
        p.put("epochs", String.valueOf(epochs));
        p.put("batchSize", String.valueOf(batchSize));
        p.put("optimizer", optimizer);
        p.put("learningRate", String.valueOf(learningRate));
        p.put("momentum", String.valueOf(momentum));
        p.put("nesterov", String.valueOf(nesterov));
        p.put("weightDecay", String.valueOf(weightDecay));
        p.put("lrSchedule", lrSchedule);
        p.put("trainSize", String.valueOf(trainSize));
        p.put("trainSubset", trainSubset);
        p.put("seed", String.valueOf(seed));
        p.put("earlyStoppingPatience", String.valueOf(earlyStoppingPatience));
        p.put("augment", String.valueOf(augment));
        p.put("targetAccuracy", targetAccuracy == null ? "" : targetAccuracy);
        p.put("evaluationsPerEpoch", evaluationsPerEpoch);
        p.put("labelSmoothing", String.valueOf(labelSmoothing));
        p.put("weightAverage", String.valueOf(weightAverage));
        return new TrainParameters(p);
    }

    static void checkWritable(Path out) {
        try {
            Files.createDirectories(out);
            Files.delete(Files.createTempFile(out, ".write-test", ".tmp"));
        } catch (IOException e) {
            throw new ModelException(Messages.of("maven.train.notWritable", out, e));
        }
    }

    /** What decides whether a model trained with {@code settings} on {@code files} is up to date. */
    String fingerprint(TrainSettings settings, DatasetFiles files, EngineChoice engine) {
        return Fingerprint.of(settings, files.spec().name(), files.sha256(), testSize, engine.gpu() ? "gpu" : "cpu",
                plugin.getVersion());
    }

    /**
     * The fingerprint of the run from scratch that began the resumed chain of {@code card}'s model, when that chain
     * is exactly the configured run: the same settings but for the epochs, which add up to the configured ones, with a
     * constant schedule (then resume is exact; step and cosine depend on the run's length). {@code null} otherwise.
     */
    static String exactChainStart(TrainSettings configured, ModelCard card,
                                  Function<TrainSettings, String> fingerprint) {
        if (card == null || !card.resumed() || card.startFingerprint() == null
                || configured.lrSchedule() != LrSchedule.CONSTANT || configured.epochs() != card.epochsTrained()) {
            return null;
        }
        String start = fingerprint.apply(configured.fromScratch(card.resumedAfter().get(0)));
        return start.equals(card.startFingerprint()) ? start : null;
    }

    /** The model card, or {@code null} when there is none or it cannot be read (then the model is retrained). */
    private static ModelCard readCard(Path modelDir) {
        try {
            return ModelCard.readIfPresent(modelDir);
        } catch (IOException e) {
            return null;
        }
    }

    private void attachModel(BuildLog log, Path modelDir, Path out, Instant zipTime) throws MojoExecutionException {
        if (!Files.isDirectory(modelDir)) {
            return;
        }
        String base = project.getArtifactId() + "-" + project.getVersion() + "-model";
        Path zip = out.resolve(base + ".zip");
        Path jar = out.resolve(base + ".jar");
        Path writing = zip;
        try {
            ModelArchive.zip(modelDir, zip, zipTime);
            writing = jar;
            ModelArchive.jar(modelDir, jar, zipTime, new ModelArchive.Coordinates(project.getGroupId(),
                    project.getArtifactId(), project.getVersion()), plugin.getVersion());
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.text(log.language(), "maven.train.cannotAttach",
                    FileWriteException.of(writing, e)));
        }
        projectHelper.attachArtifact(project, "zip", "model", zip.toFile());
        projectHelper.attachArtifact(project, "jar", "model", jar.toFile());
        log.info(Messages.of("maven.train.attached", modelDir, zip.getFileName(), jar.getFileName(),
                ModelArchive.JAR_FOLDER));
    }
}
