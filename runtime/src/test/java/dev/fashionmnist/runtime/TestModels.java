package dev.fashionmnist.runtime;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Model directories, zips and model jars for the runtime's tests, written as the plugin writes them: a network of the
 * runtime's own, initialised from a seed (no training: the runtime cannot depend on the plugin), saved by DJL as
 * {@code fashionmnist-0000.params}, and a {@code model.json} with the fields a runtime reads.
 */
final class TestModels {
    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static final Path TEST_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    private TestModels() {
    }

    /** Writes a model of {@code spec} with parameters initialised from {@code seed} into {@code dir}. */
    static Path write(Path dir, ModelSpec spec, long seed) throws Exception {
        Files.createDirectories(dir);
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        try (Model model = Model.newInstance("fashionmnist", Device.cpu(), "PyTorch")) {
            model.setBlock(Networks.build(spec));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.inputShape(spec, 1));
            model.setProperty("Epoch", "0");
            model.save(dir, "fashionmnist");
        }
        writeCard(dir, spec, sha256(dir.resolve("fashionmnist-0000.params")));
        return dir;
    }

    /** model.json as the plugin writes it, the fields a runtime reads and a few it does not. */
    static void writeCard(Path dir, ModelSpec spec, String sha256) throws IOException {
        JsonObject m = new JsonObject();
        m.addProperty("architecture", spec.architecture().id());
        m.add("hiddenLayers", ints(spec.hiddenLayers()));
        m.add("resnetBlocks", ints(spec.resnetBlocks()));
        m.addProperty("imageRows", spec.imageRows());
        m.addProperty("imageColumns", spec.imageColumns());
        m.addProperty("classCount", spec.classCount());
        JsonObject card = new JsonObject();
        card.addProperty("formatVersion", 1);
        card.addProperty("architecture", spec.architecture().id());
        card.add("model", m);
        card.addProperty("dataset", "fashion-mnist");
        JsonArray names = new JsonArray();
        CLASSES.subList(0, spec.classCount()).forEach(names::add);
        card.add("classNames", names);
        JsonObject norm = new JsonObject();
        norm.addProperty("mean", 0.2860);
        norm.addProperty("std", 0.3530);
        card.add("normalization", norm);
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", 1);
        metrics.addProperty("testAccuracy", 0.8125);
        card.add("finalMetrics", metrics);
        card.addProperty("parametersFile", "fashionmnist-0000.params");
        card.addProperty("parametersSha256", sha256);
        Files.writeString(dir.resolve("model.json"), GSON.toJson(card), StandardCharsets.UTF_8);
    }

    /** The model directory as the train goal's {@code -model.zip}. */
    static Path zip(Path modelDir, Path zip) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("model/"));
            z.closeEntry();
            for (String f : List.of("model.json", "fashionmnist-0000.params")) {
                z.putNextEntry(new ZipEntry("model/" + f));
                Files.copy(modelDir.resolve(f), z);
                z.closeEntry();
            }
        }
        return zip;
    }

    /**
     * The model directory as a model jar (classifier {@code model}), with artifact.properties; a file missing from the
     * directory is missing from the jar.
     */
    static Path jar(Path modelDir, Path jar, String groupId, String artifactId, String version) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("META-INF/", "META-INF/fashionmnist/", Classifier.RESOURCE_FOLDER)) {
                z.putNextEntry(new ZipEntry(folder));
                z.closeEntry();
            }
            for (String f : List.of("model.json", "fashionmnist-0000.params")) {
                if (!Files.exists(modelDir.resolve(f))) {
                    continue;
                }
                z.putNextEntry(new ZipEntry(Classifier.RESOURCE_FOLDER + f));
                Files.copy(modelDir.resolve(f), z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(Classifier.RESOURCE_FOLDER + Classifier.ARTIFACT_PROPERTIES));
            z.write(("groupId=" + groupId + "\nartifactId=" + artifactId + "\nversion=" + version + "\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            z.closeEntry();
        }
        return jar;
    }

    /** The first {@code n} real Fashion-MNIST test images as the dataset holds them, 0..1 (white garment on black). */
    static List<float[]> testImages(int n) throws IOException {
        List<float[]> images = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TEST_IMAGES))) {
            byte[] header = in.readNBytes(16);
            if (header.length != 16 || header[3] != 3) {
                throw new IOException(TEST_IMAGES + " is not an IDX image file");
            }
            for (int i = 0; i < n; i++) {
                byte[] b = in.readNBytes(784);
                float[] f = new float[784];
                for (int p = 0; p < 784; p++) {
                    f[p] = (b[p] & 0xFF) / 255f;
                }
                images.add(f);
            }
        }
        return images;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(Files.readAllBytes(file));
        return HexFormat.of().formatHex(d.digest());
    }

    private static JsonArray ints(List<Integer> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
