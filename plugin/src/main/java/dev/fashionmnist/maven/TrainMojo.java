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
 * Trains one of the notebook's four networks on the dataset and writes the model with its metrics.
 * <p>
 * Bound by default to the {@code compile} phase. The dataset is fetched and verified as {@code download-data} does;
 * the training runs with PyTorch in a JVM of its own (see {@code device} and {@code jvmArgs}). Every parameter is
 * checked before any work starts: a wrong one stops the goal with one message that names it, the value and what is
 * allowed. The goal writes into {@code outputDirectory} ({@code target/fashionmnist}):
 * <ul>
 * <li>{@code metrics.csv}: a row per epoch (per test check with {@code evaluationsPerEpoch} above 1) with train and
 * test loss and accuracy, learning rate, seconds and images per second;</li>
 * <li>{@code model/}: the trained parameters ({@code fashionmnist-0000.params}) and the model card
 * {@code model.json} (network, every parameter, data checksums, metrics, versions);</li>
 * <li>{@code checkpoints/}: after every epoch, the newest three kept, for {@code resume};</li>
 * <li>{@code run.json}, the learning curves {@code accuracy.png} and {@code loss.png}, and {@code report.html}, a
 * page that reloads itself while the training runs;</li>
 * <li>{@code <artifactId>-<version>-model.zip} and {@code -model.jar}, attached to the project with classifier
 * {@code model} (see {@code attach}).</li>
 * </ul>
 * <p>
 * A model whose {@code model.json} records the same inputs (parameters, data, test images, CPU or GPU, plugin
 * version) is up to date and not trained again; one stored in the model cache is restored instead of trained (see
 * {@code force} and {@code modelCache}).
 * <p>
 * Example: {@code mvn fashionmnist:train -Dfashionmnist.architecture=mlp -Dfashionmnist.epochs=3}
 *
 * @since 0.1.0
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class TrainMojo extends AbstractEngineMojo {

    /**
     * The network to train: {@code mlp}, {@code net}, {@code amelie-cnn} or {@code resnet}.
     * <ul>
     * <li>{@code mlp}: a multi-layer perceptron, the image's 784 pixels, hidden layers with ReLU ({@code hiddenSize}
     * or {@code hiddenLayers}), one output per class;</li>
     * <li>{@code net}: the PyTorch MNIST example, two 3x3 convolutions, max pooling, two fully connected layers;</li>
     * <li>{@code amelie-cnn}: three blocks of 3x3 convolution, BatchNorm, ReLU and max pooling at 32, 64 and 128
     * channels, then one fully connected layer;</li>
     * <li>{@code resnet}: a small ResNet, three stages of residual blocks at 64, 128 and 256 channels
     * ({@code resnetBlocks}), global average pooling, one fully connected layer.</li>
     * </ul>
     * <p>
     * Case does not matter; any other value stops the goal with the allowed ones. Default: {@code amelie-cnn}.
     * Example: {@code -Dfashionmnist.architecture=mlp}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.architecture", defaultValue = "amelie-cnn")
    String architecture;

    /**
     * For {@code mlp}: the neurons of its single hidden layer (the notebook's {@code hidden_size}).
     * <p>
     * A whole number from 1; a smaller one stops the goal. The other architectures ignore it, and so does mlp when
     * {@code hiddenLayers} is set. Default: {@code 128}. Example: {@code -Dfashionmnist.hiddenSize=2}, where the
     * notebook starts.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.hiddenSize", defaultValue = "128")
    int hiddenSize;

    /**
     * For {@code mlp}: several hidden layers, their sizes comma-separated from the input on.
     * <p>
     * Each a whole number from 1 to 65536; anything else stops the goal. When set, it wins over {@code hiddenSize}.
     * The other architectures ignore it. Default: none, one hidden layer of {@code hiddenSize}. Example:
     * {@code -Dfashionmnist.hiddenLayers=256,128}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.hiddenLayers")
    String hiddenLayers;

    /**
     * For {@code resnet}: the residual blocks in each of its three stages, comma-separated.
     * <p>
     * Exactly three whole numbers from 1 to 65536, for the stages at 64, 128 and 256 channels; anything else stops
     * the goal, and empty means {@code 2,2,2}. The other architectures ignore it. Default: {@code 2,2,2}. Example:
     * {@code -Dfashionmnist.resnetBlocks=1,1,1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.resnetBlocks", defaultValue = "2,2,2")
    String resnetBlocks;

    /**
     * How many epochs to train, each a pass over the training images.
     * <p>
     * A whole number from 1. With {@code targetAccuracy} or {@code earlyStoppingPatience} it is the upper bound. With
     * {@code resume} after a finished run, the epochs to train on top of its last checkpoint; an interrupted run is
     * finished as it was planned, whatever this says now. Default: {@code 5}. Example:
     * {@code -Dfashionmnist.epochs=10}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.epochs", defaultValue = "5")
    int epochs;

    /**
     * Images per training batch: each batch is one step of the optimizer.
     * <p>
     * A whole number from 1 up to the training images used ({@code trainSize}, or the whole set); anything else stops
     * the goal. The last batch of an epoch may be smaller. Default: {@code 64}, the notebook's. Example:
     * {@code -Dfashionmnist.batchSize=128}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.batchSize", defaultValue = "64")
    int batchSize;

    /**
     * The optimizer: {@code sgd}, {@code adam} or {@code adamw}.
     * <p>
     * {@code sgd} is stochastic gradient descent, optionally with {@code momentum} and {@code nesterov}; {@code adam}
     * is Adam (betas 0.9 and 0.999), {@code adamw} Adam with decoupled {@code weightDecay}. Case does not matter; any
     * other value stops the goal. The notebook itself trains with plain SGD at learning rate 0.001, a constant rate and
     * the plain cross entropy: {@code -Dfashionmnist.optimizer=sgd -Dfashionmnist.learningRate=0.001
     * -Dfashionmnist.lrSchedule=constant -Dfashionmnist.labelSmoothing=0 -Dfashionmnist.weightAverage=false}.
     * Default: {@code adam}. Example: {@code -Dfashionmnist.optimizer=adamw}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.optimizer", defaultValue = "adam")
    String optimizer;

    /**
     * The learning rate: how far each optimizer step moves the weights.
     * <p>
     * A number above 0, e.g. {@code 0.003} or {@code 3e-3}; 0, a negative number or infinity stops the goal. With
     * {@code lrSchedule} {@code constant} it is the rate of every step, {@code cosine} and {@code step} start from it,
     * {@code onecycle} peaks at it, and {@code wsd} holds it between its warm-up and its decay. The default suits
     * {@code adam} with batches of 64; plain {@code sgd} needs a larger one (the notebook's 0.001 learns slowly, and
     * the plugin's diagnosis then suggests 0.01). Default: {@code 0.003}. Example:
     * {@code -Dfashionmnist.learningRate=0.001}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.learningRate", defaultValue = "0.003")
    double learningRate;

    /**
     * For {@code sgd}: the momentum, from 0 (plain SGD, as in the notebook) to below 1.
     * <p>
     * A value outside that range stops the goal; {@code adam} and {@code adamw} ignore it. Default: {@code 0}.
     * Example: {@code -Dfashionmnist.momentum=0.9}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.momentum", defaultValue = "0")
    double momentum;

    /**
     * For {@code sgd}: uses Nesterov momentum instead of the classic one, {@code true} or {@code false}.
     * <p>
     * {@code true} needs {@code optimizer} {@code sgd} and a {@code momentum} above 0; otherwise it stops the goal.
     * Default: {@code false}. Example: {@code -Dfashionmnist.nesterov=true -Dfashionmnist.momentum=0.9}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.nesterov", defaultValue = "false")
    boolean nesterov;

    /**
     * The weight decay: an L2 penalty on the weights, decoupled from the gradient for {@code adamw}.
     * <p>
     * A number from 0 (none); a negative or infinite one stops the goal. It applies to every optimizer. Default:
     * {@code 0}. Example: {@code -Dfashionmnist.weightDecay=0.0005}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.weightDecay", defaultValue = "0")
    double weightDecay;

    /**
     * How the learning rate changes during a run: {@code constant}, {@code cosine}, {@code step}, {@code onecycle}
     * or {@code wsd}.
     * <p>
     * Per epoch:
     * <ul>
     * <li>{@code constant}: {@code learningRate} in every epoch;</li>
     * <li>{@code cosine}: cosine annealing from {@code learningRate} towards 0 over the run's epochs;</li>
     * <li>{@code step}: {@code learningRate} divided by 10 after each third of the run's epochs.</li>
     * </ul>
     * <p>
     * Per batch:
     * <ul>
     * <li>{@code onecycle}: a linear warm-up from {@code learningRate}/25 over the first 30% of all batches, then
     * cosine annealing down to {@code learningRate}/10000 at the last batch;</li>
     * <li>{@code wsd} (warmup-stable-decay): a linear warm-up from {@code learningRate}/25 over 200 batches (at most a
     * quarter of the first epoch's), then {@code learningRate} itself, then a 1-sqrt decay towards 0 over the last
     * 20% of all batches. Only the decay depends on the run's length: a run that stops at {@code targetAccuracy}
     * before the decay has trained at the plain rate, as with {@code constant}.</li>
     * </ul>
     * <p>
     * Case does not matter; any other value stops the goal. A schedule other than {@code constant} depends on the
     * run's planned epochs; after a finished run, {@code resume} plans it anew up to the new last epoch. Default:
     * {@code wsd}. Example: {@code -Dfashionmnist.lrSchedule=constant}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.lrSchedule", defaultValue = "wsd")
    String lrSchedule;

    /**
     * The label smoothing ε of the training loss, from 0 (plain cross entropy) to below 1.
     * <p>
     * The loss trained on becomes (1 - ε) times the cross entropy plus ε times the mean over the
     * classes of -log softmax: the model is pushed less towards certainty. {@code metrics.csv} reports this loss as
     * {@code train_objective}; {@code train_loss}, {@code test_loss} and the {@code maxLoss} gate stay the plain cross
     * entropy, so they compare. A value outside [0, 1) stops the goal. Default: {@code 0.1}. Example:
     * {@code -Dfashionmnist.labelSmoothing=0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.labelSmoothing", defaultValue = "0.1")
    double labelSmoothing;

    /**
     * Keeps an average of the weights beside the trained weights and writes the better one: {@code true} or
     * {@code false}.
     * <p>
     * The average is an exponential moving average of the network's weights (BatchNorm's running statistics
     * included), updated after every optimizer step (decay 0.998, with a warm-up so that short runs average their
     * recent steps: after t updates the decay is min(0.998, (1 + t) / (10 + t))), and tested beside the trained
     * weights at every test check. Each row of {@code metrics.csv} reports the better of the two by test accuracy
     * (column {@code weights}: {@code average} or {@code trained}), and the model written is that row's: an ordinary
     * model either way. The average usually gains a few tenths of a
     * percent of test accuracy and smooths the last epochs' noise, for a second test pass per check and about one
     * more copy of the parameters in memory. Switch it off to compare with plain training, or where a check's second
     * test pass costs too much (many checks per epoch on a slow device). Default: {@code true}. Example:
     * {@code -Dfashionmnist.weightAverage=false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.weightAverage", defaultValue = "true")
    boolean weightAverage;

    /**
     * How many training images to use: {@code 0} for all of them, else that many.
     * <p>
     * {@code trainSubset} says which: a seeded sample that keeps each class's share, or the first ones. A negative
     * number, more than the training set holds (60,000 for Fashion-MNIST and MNIST), or fewer than the classes for a
     * stratified sample stops the goal; {@code batchSize} must not be larger. Useful for quick runs and for the
     * question how much data quality needs (in a {@code sweep}). Default: {@code 0}. Example:
     * {@code -Dfashionmnist.trainSize=6000}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.trainSize", defaultValue = "0")
    int trainSize;

    /**
     * How {@code trainSize} picks its images: {@code stratified} or {@code first}.
     * <p>
     * {@code stratified}: a sample drawn with {@code seed} that keeps the class balance of the full set (at least one
     * image per class); {@code first}: the first {@code trainSize} images of the file. Case does not matter; any other
     * value stops the goal. Without {@code trainSize} it has no effect. Default: {@code stratified}. Example:
     * {@code -Dfashionmnist.trainSubset=first}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.trainSubset", defaultValue = "stratified")
    String trainSubset;

    /**
     * How many test images the training tests on: {@code 0} for the whole test set, else the first that many.
     * <p>
     * It covers the test columns of {@code metrics.csv} and what {@code targetAccuracy} and
     * {@code earlyStoppingPatience} judge; the {@code evaluate} goal always uses the whole test set. From 0 up to the
     * test set's size (10,000 for Fashion-MNIST and MNIST); anything else stops the goal. Default: {@code 0}.
     * Example: {@code -Dfashionmnist.testSize=1000}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.testSize", defaultValue = "0")
    int testSize;

    /**
     * The random seed: initial weights, the order of the images in each epoch, the stratified subset, augmentation.
     * <p>
     * The same seed, data, parameters and {@code threads} give the same metrics and the same model on the same
     * machine. A whole number from -2147483648 to 2147483647; a larger one stops the goal. Default: {@code 42}.
     * Example: {@code -Dfashionmnist.seed=7}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.seed", defaultValue = "42")
    long seed;


    /**
     * PyTorch's intra-op threads: how many CPU threads one operation of training or testing uses.
     * <p>
     * {@code 0} leaves PyTorch's own default, which depends on the machine's cores; a negative number stops the goal.
     * Results are reproducible for the same value: PyTorch's sums depend on the thread count in their last bits. In
     * a {@code sweep} with {@code parallelTrials} above 1 the cores are split between the trials unless this is set.
     * Default: {@code 0}. Example: {@code -Dfashionmnist.threads=2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.threads", defaultValue = "0")
    int threads;

    /**
     * Continues from the last checkpoint in {@code outputDirectory}, appending to {@code metrics.csv}: {@code true}
     * or {@code false}.
     * <p>
     * If the run that wrote it was interrupted (killed, cancelled, a failed machine) before its last epoch, the resume
     * finishes that run's plan (its epochs, whatever {@code epochs} says now): {@code metrics.csv} and the parameters
     * are those of the uninterrupted run, for every {@code lrSchedule}. If that run had finished (its last epoch, or
     * early stopping or the accuracy target ended it), the resume trains {@code epochs} more epochs, and a schedule
     * other than {@code constant} is planned anew up to the new last epoch. Without a checkpoint it trains from
     * scratch (and says so); a checkpoint of another architecture or optimizer stops the goal. A resumed run neither
     * restores from the model cache nor stores into it. Default: {@code false}. Example:
     * {@code mvn fashionmnist:train -Dfashionmnist.resume -Dfashionmnist.epochs=2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.resume", defaultValue = "false")
    boolean resume;

    /**
     * Stops when the test loss has not improved for this many epochs, keeping the best epoch's model; {@code 0} is off.
     * <p>
     * Only whole epochs count (not the checks within an epoch); the model written is the epoch with the lowest test
     * loss, recorded as {@code bestEpoch} in {@code model.json}. A whole number from 0; a negative one stops the goal.
     * Default: {@code 0}. Example: {@code -Dfashionmnist.earlyStoppingPatience=3}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.earlyStoppingPatience", defaultValue = "0")
    int earlyStoppingPatience;

    /**
     * Augments the training images: {@code true} or {@code false}.
     * <p>
     * Each training image is shifted at random by up to 2 pixels (a random crop of the image padded by 2 black
     * pixels on every side) and, for Fashion-MNIST only, flipped horizontally with probability 1/2 (digits must not
     * be flipped). Test images are never augmented. Default: {@code false}. Example:
     * {@code -Dfashionmnist.augment=true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.augment", defaultValue = "false")
    boolean augment;

    /**
     * Stops at the first test check whose test accuracy reaches this, and keeps that model.
     * <p>
     * A fraction above 0 and at most 1 ({@code 0.90}) or a percentage ({@code 90%}); anything else stops the goal.
     * {@code epochs} stays the upper bound. Checks within an epoch (see {@code evaluationsPerEpoch}, 4 per epoch with
     * a target) look at a sample of 2,000 test images; only the whole test set decides that the target is reached.
     * Not reached, the build goes on (the {@code evaluate} goal's gates decide) and the log names the best accuracy.
     * Default: none, no target. Example: {@code -Dfashionmnist.targetAccuracy=90%}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.targetAccuracy")
    String targetAccuracy;

    /**
     * Test checks per epoch, at evenly spaced batches, the last at the epoch's end: a whole number, or {@code auto}.
     * <p>
     * Each check adds a row to {@code metrics.csv} with a fractional epoch (with 4: 0.25, 0.5, 0.75, 1, ...). The
     * checks within an epoch test a fixed sample of 2,000 test images (where at least 4,000 are used, else all of
     * them); the check at an epoch's end tests all of them. {@code auto} means 4 with a
     * {@code targetAccuracy}, so that a target reached within an epoch stops there (at most one per batch of a small
     * {@code trainSize}), else 1. A number below 1, or above the batches per epoch, stops the goal. Default:
     * {@code auto}. Example: {@code -Dfashionmnist.evaluationsPerEpoch=2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.evaluationsPerEpoch", defaultValue = "auto")
    String evaluationsPerEpoch;

    /**
     * Trains even when the model is up to date or the model cache holds it: {@code true} or {@code false}.
     * <p>
     * A model is up to date when its {@code model.json} records the same inputs: every training parameter
     * ({@code device} and {@code threads} included), the dataset and its checksums, {@code testSize}, whether it runs
     * on the CPU or a GPU, and the plugin version. Forced training does not restore from the model cache either.
     * The property is the {@code evaluate} goal's {@code force} as well, so {@code -Dfashionmnist.force=true} also
     * makes it evaluate again. Default: {@code false}. Example: {@code -Dfashionmnist.force=true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.force", defaultValue = "false")
    boolean force;

    /**
     * Keeps trained models in the model cache across clean builds, and restores one instead of training it again.
     * <p>
     * {@code true} or {@code false}. A model is found by the fingerprint of its inputs (as for {@code force}); a
     * restored one comes with its {@code metrics.csv} and plots, and is checked before use. {@code false} neither
     * stores nor restores. Default: {@code true}. Example: {@code -Dfashionmnist.modelCache=false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.modelCache", defaultValue = "true")
    boolean modelCache;

    /**
     * The model cache's folder.
     * <p>
     * Default: none set, which means {@code models} in {@code dataDirectory}, usually
     * {@code ~/.m2/repository/.cache/fashionmnist/models}, so that a CI job that caches {@code ~/.m2/repository}
     * caches the models too. Example: {@code -Dfashionmnist.modelCacheDirectory=/srv/cache/fashionmnist-models}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.modelCacheDirectory")
    File modelCacheDirectory;

    /**
     * How many models the model cache keeps; the ones stored or restored longest ago are evicted.
     * <p>
     * A whole number from 1; a smaller one stops the goal (switch the cache off with {@code modelCache} instead).
     * Each eviction is logged. Default: {@code 20}. Example: {@code -Dfashionmnist.modelCacheSize=5}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.modelCacheSize", defaultValue = "20")
    int modelCacheSize;

    /**
     * Attaches the model to the project with classifier {@code model}, as a zip and as a jar: {@code true} or
     * {@code false}.
     * <p>
     * The zip (type {@code zip}) holds the model directory; the jar (type {@code jar}) holds the same files under
     * {@code META-INF/fashionmnist/model/}, so that an application can depend on it and load it with the runtime's
     * {@code Classifier.fromClasspath()}. Attached, {@code mvn install} and {@code mvn deploy} archive both like any
     * other artifact. Default: {@code true}. Example: {@code -Dfashionmnist.attach=false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fashionmnist.attach", defaultValue = "true")
    boolean attach;

    /**
     * The time of the entries of the model zip and jar, for a reproducible build.
     * <p>
     * ISO-8601 with an offset ({@code 2024-01-01T00:00:00Z}) or seconds since 1970, as for maven-jar-plugin; a value
     * that is neither stops the goal. Unset, or a single non-digit character (which switches off an inherited value,
     * as for maven-jar-plugin), each entry carries its file's modification time. Default:
     * {@code ${project.build.outputTimestamp}}, so that a project that sets that property gets the same bytes on every
     * build. Example: {@code -Dfashionmnist.outputTimestamp=2026-01-01T00:00:00Z}.
     *
     * @since 0.1.0
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
