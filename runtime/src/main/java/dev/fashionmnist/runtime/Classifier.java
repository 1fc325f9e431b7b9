package dev.fashionmnist.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fashionmnist.runtime.internal.CheckedModelCard;
import dev.fashionmnist.runtime.internal.Folders;
import dev.fashionmnist.runtime.internal.ImagePreparation;
import dev.fashionmnist.runtime.internal.LoadedModel;
import dev.fashionmnist.runtime.internal.ModelZip;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * A model trained by fashionmnist-maven-plugin, ready to classify images:
 * <pre>{@code
 * try (Classifier c = Classifier.fromClasspath()) { // or Classifier.load(Path.of("target/fashionmnist/model"))
 *     List<Prediction> top = c.classify(ImageIO.read(file), 3);
 *     System.out.println(top.get(0).className() + " " + top.get(0).probability());
 * }
 * }</pre>
 * Loading checks the model: its {@code model.json}, the SHA-256 of its parameters, the parameters' shapes against the
 * network. Every problem (no model, several models, a damaged one, missing PyTorch natives) is a
 * {@link ClassifierException} with one message that says what to do. Older model cards that spell the network as a
 * Java name ({@code AMELIE_CNN} for {@code amelie-cnn}) load as well.
 *
 * <p><b>Threads.</b> One classifier may be shared by any number of threads. Its forward passes take turns: a lock is
 * held while the network runs, so calls from several threads give the same results as from one, and cost no more
 * memory than one model. PyTorch already spreads one forward pass over the machine's cores, so the lock costs little
 * throughput on a small machine; to use many cores for single images, call {@link #classifyBatch} with many images at
 * once, or open one classifier per thread (each holds its own copy of the parameters: about 0.4 MB for an mlp 128 or
 * amelie-cnn, 11 MB for a resnet). Image preparation and ranking run outside the lock.
 *
 * <p><b>Natives.</b> The application needs the PyTorch natives of its platform on the class path:
 * {@code ai.djl.pytorch:pytorch-native-cpu} with the platform's classifier (e.g. {@code linux-x86_64}); the runtime
 * brings {@code ai.djl.pytorch:pytorch-jni} itself, and {@code dev.fashionmnist:fashionmnist-bom} gives the natives'
 * version. DJL then runs offline. Without the natives loading fails with a message naming the dependency to add.
 * For a GPU ({@link #load(Path, Device)} with {@code Device.gpu(n)}, linux-x86_64) it needs
 * {@code ai.djl.pytorch:pytorch-native-cu121:2.3.1:linux-x86_64} instead and the NVIDIA driver, no CUDA toolkit:
 * the driver is asked first, and a GPU that cannot run these natives (driver older than CUDA 12, no such GPU, a
 * compute capability without kernels) is a {@link ClassifierException} with the reason; the natives are then unpacked
 * into DJL's cache and loaded whatever CUDA runtime the system has.
 *
 * @since 0.1.0
 */
public final class Classifier implements AutoCloseable {
    /** The resource folder of a model jar (classifier {@code model}) that holds the model's files. */
    public static final String RESOURCE_FOLDER = "META-INF/fashionmnist/model/";
    /** Beside the model's files in a model jar: groupId, artifactId and version of the trained project. */
    public static final String ARTIFACT_PROPERTIES = "artifact.properties";
    private static final String MODEL_CLASSIFIER = "<classifier>model</classifier>";

    private final LoadedModel model;
    private final CheckedModelCard card;
    private final ModelDescription description;
    private final int rows;
    private final int columns;
    private final float scale;
    private final float shift;
    private final ReentrantLock forward = new ReentrantLock();
    private boolean closed;

    private Classifier(LoadedModel model) {
        this.model = model;
        this.card = model.card();
        this.description = card.description();
        this.rows = card.spec().imageRows();
        this.columns = card.spec().imageColumns();
        this.scale = (float) (1.0 / card.normalization().std());
        this.shift = card.normalization().shift();
    }

    /**
     * Loads a model directory (holding {@code model.json} and {@code fashionmnist-0000.params}, as the train goal
     * writes {@code target/fashionmnist/model}) or a model zip (the {@code -model.zip} artifact), onto the CPU.
     * <p>
     * A zip is unpacked into a temporary folder, which is deleted once the model is loaded. Only the model's two files
     * are taken from it, within size limits ({@code model.json} at most 1 MiB, the parameters at most 512 MiB); a zip
     * with other files, or a file beyond its limit, is a {@link ClassifierException}.
     *
     * @param dirOrZip the model directory or the model zip
     * @return the classifier, ready to classify; close it to free the model's native memory
     * @throws ClassifierException when there is no model at {@code dirOrZip}, the model is damaged or does not fit
     *                             its network, or the PyTorch natives are missing
     */
    public static Classifier load(Path dirOrZip) {
        return load(dirOrZip, Device.cpu());
    }

    /**
     * As {@link #load(Path)}, onto {@code device} (e.g. {@code Device.gpu(0)} with the CUDA natives); a GPU is checked
     * with its driver first (see Natives above).
     *
     * @param dirOrZip the model directory or the model zip
     * @param device   where the network runs: {@code Device.cpu()} or {@code Device.gpu(n)}
     * @return the classifier, ready to classify; close it to free the model's native memory
     * @throws ClassifierException as {@link #load(Path)}, and when the GPU cannot run the CUDA natives
     */
    public static Classifier load(Path dirOrZip, Device device) {
        if (Files.isDirectory(dirOrZip)) {
            return new Classifier(LoadedModel.open(dirOrZip, device));
        }
        if (!Files.isRegularFile(dirOrZip)) {
            throw new ClassifierException(Message.runtime("runtime.classifier.notFound", dirOrZip,
                    CheckedModelCard.FILE));
        }
        Path temp = tempFolder();
        try {
            Path dir;
            try {
                dir = ModelZip.extract(dirOrZip, temp, ModelZip.Limits.DEFAULT);
            } catch (IOException e) {
                throw new ClassifierException(Message.runtime("runtime.zip.unusable", dirOrZip,
                        e));
            }
            return new Classifier(LoadedModel.open(dir, device));
        } finally {
            deleteTree(temp);
        }
    }

    /**
     * Loads the one model on the class path: the model jar (classifier {@code model}) of a project that the plugin
     * trained. None, or several, is a {@link ClassifierException}; with several, use {@link #fromClasspath(String)}.
     * <p>
     * The model's files under {@code META-INF/fashionmnist/model/} are looked up through the thread's context class
     * loader, or the runtime's own class loader where the thread has none.
     *
     * @return the classifier on the CPU, ready to classify; close it to free the model's native memory
     * @throws ClassifierException when the class path holds no model jar or several, the model is damaged, or the
     *                             PyTorch natives are missing
     */
    public static Classifier fromClasspath() {
        List<ClasspathModel> models = classpathModels();
        if (models.isEmpty()) {
            throw new ClassifierException(Message.runtime("runtime.classpath.none",
                    RESOURCE_FOLDER + CheckedModelCard.FILE, "<dependency><groupId>com.example</groupId>"
                    + "<artifactId>my-classifier</artifactId><version>1.0</version>" + MODEL_CLASSIFIER
                    + "</dependency>"));
        }
        if (models.size() > 1) {
            throw new ClassifierException(Message.runtime("runtime.classpath.several", list(models)));
        }
        return models.get(0).load();
    }

    /**
     * Loads the model on the class path whose project is {@code name}: its artifactId or groupId:artifactId (from the
     * model jar's {@code artifact.properties}).
     *
     * @param name the artifactId ({@code my-classifier}) or groupId:artifactId ({@code com.example:my-classifier}) of
     *             the project that trained the model
     * @return the classifier on the CPU, ready to classify; close it to free the model's native memory
     * @throws ClassifierException when no model on the class path, or more than one, has that name (the message lists
     *                             those there are), the model is damaged, or the PyTorch natives are missing
     */
    public static Classifier fromClasspath(String name) {
        List<ClasspathModel> models = classpathModels();
        List<ClasspathModel> matching = models.stream().filter(m -> m.matches(name)).toList();
        if (matching.size() == 1) {
            return matching.get(0).load();
        }
        if (matching.isEmpty()) {
            throw new ClassifierException(models.isEmpty()
                    ? Message.runtime("runtime.classpath.noneNamed", name, MODEL_CLASSIFIER)
                    : Message.runtime("runtime.classpath.otherNamed", name, list(models)));
        }
        throw new ClassifierException(Message.runtime("runtime.classpath.ambiguous", name, list(matching)));
    }

    /**
     * Classifies an image as the {@code predict} goal does: grey values, fitted into the model's image size keeping
     * the aspect ratio, inverted when its border is light (a dark garment on white paper becomes a light one on
     * black, as in the dataset).
     *
     * @param image the image, of any size and colour model that Java 2D reads (e.g. from {@code ImageIO.read})
     * @param top   how many classes to return, at least 1 (more than the model has give all)
     * @return the {@code top} most probable classes, most probable first
     * @throws IllegalArgumentException when {@code top} is below 1
     * @throws IllegalStateException    when the classifier is closed
     */
    public List<Prediction> classify(BufferedImage image, int top) {
        return classify(ImagePreparation.prepare(image, rows, columns, ImagePreparation.Invert.AUTO).pixels(), top);
    }

    /**
     * Classifies one image given as the dataset's IDX file holds it: {@code rows x columns} grey values (784 for
     * 28x28), row after row, each byte read unsigned from 0 (black) to 255 (white), a light garment on a black
     * background. Nothing is fitted or inverted. The {@code predict} goal classifies its prepared images this way.
     *
     * @param pixels the image's grey values, {@code rows x columns} bytes
     * @param top    how many classes to return, at least 1 (more than the model has give all)
     * @return the {@code top} most probable classes, most probable first
     * @throws IllegalArgumentException when {@code pixels} does not have the model's image size or {@code top} is
     *                                  below 1
     * @throws IllegalStateException    when the classifier is closed
     */
    public List<Prediction> classify(byte[] pixels, int top) {
        requireSize(pixels.length, "the image");
        float[] x = card.normalization().apply(pixels, pixels.length, new int[] {0});
        return forward(x, 1, top).get(0);
    }

    /**
     * Classifies one image given as the dataset holds it: {@code rows x columns} values (784 for 28x28), row after
     * row, each between 0 (black) and 1 (white), a light garment on a black background (divide the IDX bytes by
     * 255). Nothing is fitted or inverted.
     *
     * @param pixels the image's grey values, {@code rows x columns} floats from 0 to 1
     * @param top    how many classes to return, at least 1 (more than the model has give all)
     * @return the {@code top} most probable classes, most probable first
     * @throws IllegalArgumentException when {@code pixels} does not have the model's image size or {@code top} is
     *                                  below 1
     * @throws IllegalStateException    when the classifier is closed
     */
    public List<Prediction> classify(float[] pixels, int top) {
        return classifyBatch(List.of(pixels), top).get(0);
    }

    /**
     * Classifies several images, given as in {@link #classify(float[], int)}, in one forward pass: much faster per
     * image than one call each (e.g. batches of 64).
     *
     * @param images the images, each as {@link #classify(float[], int)} takes it
     * @param top    how many classes to return per image, at least 1 (more than the model has give all)
     * @return for each image, in the order given, its {@code top} most probable classes, most probable first; an
     *         empty list for no images
     * @throws IllegalArgumentException when an image does not have the model's image size or {@code top} is below 1
     * @throws IllegalStateException    when the classifier is closed
     */
    public List<List<Prediction>> classifyBatch(List<float[]> images, int top) {
        int size = rows * columns;
        float[] x = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.get(i);
            requireSize(image.length, "image " + i);
            for (int p = 0; p < size; p++) {
                x[i * size + p] = image[p] * scale - shift;
            }
        }
        return images.isEmpty() ? List.of() : forward(x, images.size(), top);
    }

    /**
     * The class of each output, in output order.
     *
     * @return the class names, as the model card names them; index i is the class of {@link Prediction#classIndex()} i
     */
    public List<String> classNames() {
        return description.classNames();
    }

    /**
     * What the model is: architecture, network, dataset, classes, image size, test accuracy when known.
     *
     * @return the description from the model card
     */
    public ModelDescription modelDescription() {
        return description;
    }

    /** Frees the model's native memory; the classifier cannot be used afterwards. */
    @Override
    public void close() {
        forward.lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            forward.unlock();
        }
    }

    /** Runs the network over {@code count} normalised images and ranks each one's classes. */
    private List<List<Prediction>> forward(float[] x, int count, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top is " + top + ": ask for at least 1 class");
        }
        int classes = description.classNames().size();
        float[] probabilities;
        forward.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the classifier is closed");
            }
            try (NDManager manager = model.model().getNDManager().newSubManager(model.device())) {
                NDArray input = manager.create(x, new Shape(count, 1, rows, columns));
                NDArray logits = model.block().forward(new ParameterStore(manager, false), new NDList(input), false)
                        .singletonOrThrow();
                logits.attach(manager);
                probabilities = logits.softmax(1).toFloatArray();
            }
        } finally {
            forward.unlock();
        }
        List<List<Prediction>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int base = i * classes;
            out.add(IntStream.range(0, classes).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> -probabilities[base + c]).thenComparing(c -> c))
                    .limit(Math.min(top, classes))
                    .map(c -> new Prediction(description.classNames().get(c), c, probabilities[base + c]))
                    .toList());
        }
        return out;
    }

    private void requireSize(int length, String what) {
        if (length != rows * columns) {
            throw new IllegalArgumentException(what + " has " + length + " pixels, the model takes " + rows + "x"
                    + columns + " = " + rows * columns);
        }
    }

    /** The model jars on the class path, each once. */
    private static List<ClasspathModel> classpathModels() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Classifier.class.getClassLoader();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<ClasspathModel> models = new ArrayList<>();
        try {
            Enumeration<URL> cards = loader.getResources(RESOURCE_FOLDER + CheckedModelCard.FILE);
            while (cards.hasMoreElements()) {
                URL card = cards.nextElement();
                if (seen.add(card.toString())) {
                    models.add(ClasspathModel.at(card));
                }
            }
        } catch (IOException e) {
            throw new ClassifierException(Message.runtime("runtime.classpath.unsearchable", e.getMessage()));
        }
        return models;
    }

    /** The models' coordinates, comma-separated, in the reader's language. */
    private static Message list(List<ClasspathModel> models) {
        return Message.joined(", ", models.stream().map(ClasspathModel::coordinates).toList());
    }

    /** A model jar's model on the class path: where its card is, and the project that trained it. */
    private record ClasspathModel(URL card, String groupId, String artifactId, String version) {
        static ClasspathModel at(URL card) {
            Properties p = new Properties();
            try (InputStream in = new URL(card, ARTIFACT_PROPERTIES).openStream()) {
                p.load(in);
            } catch (IOException e) {
                // a model without artifact.properties is still listed, by where it is
            }
            return new ClasspathModel(card, p.getProperty("groupId"), p.getProperty("artifactId"),
                    p.getProperty("version"));
        }

        /** groupId:artifactId:version, or where the model is when it has no artifact.properties. */
        Object coordinates() {
            return artifactId == null ? Message.runtime("runtime.classpath.anonymous", ARTIFACT_PROPERTIES, card)
                    : groupId + ":" + artifactId + ":" + version;
        }

        boolean matches(String name) {
            return name != null && artifactId != null
                    && (name.trim().equals(artifactId) || name.trim().equals(groupId + ":" + artifactId));
        }

        /** Copies the model's files out of the jar (within the model zip's limits) and loads them. */
        Classifier load() {
            Path temp = tempFolder();
            try {
                for (Map.Entry<String, Long> file : ModelZip.Limits.DEFAULT.byFile().entrySet()) {
                    URL url = new URL(card, file.getKey());
                    try (InputStream in = url.openStream()) {
                        ModelZip.copy(in, temp.resolve(file.getKey()), url.toString(), file.getValue());
                    } catch (FileNotFoundException e) {
                        throw new ClassifierException(Message.runtime("runtime.classpath.incomplete", coordinates(),
                                RESOURCE_FOLDER + file.getKey()));
                    }
                }
                try {
                    return new Classifier(LoadedModel.open(temp, Device.cpu()));
                } catch (ClassifierException e) {
                    throw new ClassifierException(Message.runtime("runtime.classpath.unusable", coordinates(),
                            e.message()), e);
                }
            } catch (IOException e) {
                throw new ClassifierException(Message.runtime("runtime.classpath.unreadable", coordinates(),
                        e));
            } finally {
                deleteTree(temp);
            }
        }
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("fashionmnist-model");
        } catch (IOException e) {
            throw new ClassifierException(Message.runtime("runtime.temp", e.getMessage()));
        }
    }

    private static void deleteTree(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder that cannot be deleted stays in java.io.tmpdir
        }
    }
}
