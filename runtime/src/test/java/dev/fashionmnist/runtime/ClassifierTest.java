package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Classifier on the real PyTorch CPU engine and real Fashion-MNIST test images: loading from a directory and a
 * zip, its output against a direct DJL forward pass, batches against single images, and the checks of a damaged
 * model.
 */
class ClassifierTest {
    private static final ModelSpec NET = ModelSpec.of("net", 0, null, null, 28, 28, 10);

    @TempDir
    static Path models;
    private static Path net;
    private static List<float[]> images;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeModel() throws Exception {
        net = TestModels.write(models.resolve("net"), NET, 7);
        images = TestModels.testImages(40);
    }

    @Test
    void aDirectoryAndItsZipGiveWhatADirectForwardPassGives() throws Exception {
        float[][] expected = directSoftmax(net, NET, images);
        Path zip = TestModels.zip(net, dir.resolve("model.zip"));
        try (Classifier fromDir = Classifier.load(net); Classifier fromZip = Classifier.load(zip)) {
            assertEquals(TestModels.CLASSES, fromDir.classNames());
            assertEquals("net", fromDir.modelDescription().architecture());
            assertEquals(0.8125, fromDir.modelDescription().testAccuracy());
            for (int i = 0; i < images.size(); i++) {
                List<Prediction> all = fromDir.classify(images.get(i), 10);
                assertEquals(all, fromZip.classify(images.get(i), 10), "image " + i);
                assertEquals(10, all.size());
                double sum = 0;
                for (int k = 0; k < all.size(); k++) {
                    Prediction p = all.get(k);
                    assertEquals(expected[i][p.classIndex()], p.probability(), 1e-6, "image " + i + " class " + k);
                    assertEquals(TestModels.CLASSES.get(p.classIndex()), p.className());
                    if (k > 0) {
                        assertTrue(all.get(k - 1).probability() >= p.probability(), "sorted: " + all);
                    }
                    sum += p.probability();
                }
                assertEquals(1.0, sum, 1e-5);
                assertEquals(argMax(expected[i]), fromDir.classify(images.get(i), 1).get(0).classIndex());
            }
        }
        assertTrue(Files.isRegularFile(zip), "the zip is left as it was");
    }

    @Test
    void aBatchGivesWhatSingleImagesGive() {
        try (Classifier c = Classifier.load(net)) {
            List<List<Prediction>> batch = c.classifyBatch(images, 3);
            assertEquals(images.size(), batch.size());
            for (int i = 0; i < images.size(); i++) {
                List<Prediction> single = c.classify(images.get(i), 3);
                assertEquals(3, batch.get(i).size());
                for (int k = 0; k < 3; k++) {
                    assertEquals(single.get(k).classIndex(), batch.get(i).get(k).classIndex(), "image " + i);
                    assertEquals(single.get(k).probability(), batch.get(i).get(k).probability(), 1e-5);
                }
            }
            assertEquals(List.of(), c.classifyBatch(List.of(), 3));
        }
    }

    @Test
    void wrongArgumentsSayWhatIsExpected() {
        try (Classifier c = Classifier.load(net)) {
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> c.classify(new float[100], 3));
            assertTrue(size.getMessage().contains("100 pixels, the model takes 28x28 = 784"), size.getMessage());
            IllegalArgumentException top = assertThrows(IllegalArgumentException.class,
                    () -> c.classify(images.get(0), 0));
            assertTrue(top.getMessage().contains("at least 1"), top.getMessage());
            c.close();
            assertThrows(IllegalStateException.class, () -> c.classify(images.get(0), 1));
        }
    }

    @Test
    void aDamagedParametersFileIsRefusedBySha256() throws Exception {
        Path copy = copyModel(net, dir.resolve("damaged"));
        Path params = copy.resolve("fashionmnist-0000.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 10] ^= 0x01;
        Files.write(params, bytes);
        ClassifierException e = assertThrows(ClassifierException.class, () -> Classifier.load(copy));
        assertTrue(e.getMessage().contains("is damaged or was replaced: its SHA-256 is"), e.getMessage());
    }

    @Test
    void parametersOfAnotherConfigurationAreRefusedByShape() throws Exception {
        Path other = TestModels.write(dir.resolve("mlp64"), ModelSpec.of("mlp", 64, null, null, 28, 28, 10), 3);
        // the mlp 64's parameters under a card that says mlp 32, its SHA-256 correct
        TestModels.writeCard(other, ModelSpec.of("mlp", 32, null, null, 28, 28, 10),
                TestModels.sha256(other.resolve("fashionmnist-0000.params")));
        ClassifierException e = assertThrows(ClassifierException.class, () -> Classifier.load(other));
        assertTrue(e.getMessage().contains("does not fit a mlp 784-32-10 network"), e.getMessage());
    }

    @Test
    void anEditedCardNamesTheField() throws Exception {
        Path copy = copyModel(net, dir.resolve("edited"));
        Path card = copy.resolve("model.json");
        Files.writeString(card, Files.readString(card).replace("\"Ankle boot\"", "\"Ankle boot\", \"Hat\""));
        ClassifierException e = assertThrows(ClassifierException.class, () -> Classifier.load(copy));
        assertTrue(e.getMessage().contains("field 'classNames' must name the model's 10 classes"), e.getMessage());
        Files.writeString(card, "{ not json");
        e = assertThrows(ClassifierException.class, () -> Classifier.load(copy));
        assertTrue(e.getMessage().contains("cannot be read as a model card"), e.getMessage());
    }

    @Test
    void aMissingPathAndAZipOfSomethingElseSayWhatToGive() throws Exception {
        ClassifierException missing = assertThrows(ClassifierException.class,
                () -> Classifier.load(dir.resolve("nothing")));
        assertTrue(missing.getMessage().contains("does not exist: give a model directory"), missing.getMessage());
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        ClassifierException notZip = assertThrows(ClassifierException.class, () -> Classifier.load(text));
        assertTrue(notZip.getMessage().contains("is not a usable model zip: it is not a zip file"),
                notZip.getMessage());
        ClassifierException empty = assertThrows(ClassifierException.class, () -> Classifier.load(dir));
        assertTrue(empty.getMessage().startsWith("No model in " + dir), empty.getMessage());
    }

    @Test
    void oldCardsWithJavaNamesStillLoad() throws Exception {
        Path copy = copyModel(net, dir.resolve("old"));
        Path card = copy.resolve("model.json");
        // plugin 0.1.0 wrote the spec's architecture as the Java constant
        Files.writeString(card, Files.readString(card).replaceFirst("(\"model\": \\{\\s*\"architecture\": )\"net\"",
                "$1\"NET\""));
        assertTrue(Files.readString(card).contains("\"NET\""), Files.readString(card));
        try (Classifier c = Classifier.load(copy)) {
            assertEquals("net", c.modelDescription().architecture());
            assertEquals("net", c.modelDescription().network());
        }
    }

    static Path copyModel(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : List.of("model.json", "fashionmnist-0000.params")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }

    /** The softmax of the network's outputs, computed here with DJL directly: (x - mean) / std, forward, softmax. */
    static float[][] directSoftmax(Path dir, ModelSpec spec, List<float[]> images) throws Exception {
        float[][] out = new float[images.size()][];
        try (Model model = Model.newInstance("fashionmnist", Device.cpu(), "PyTorch")) {
            model.setBlock(Networks.build(spec));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.inputShape(spec, 1));
            model.load(dir, "fashionmnist", Map.of("epoch", "0"));
            try (NDManager m = model.getNDManager().newSubManager()) {
                for (int i = 0; i < images.size(); i++) {
                    float[] x = images.get(i).clone();
                    for (int p = 0; p < x.length; p++) {
                        x[p] = (float) ((x[p] - 0.2860) / 0.3530);
                    }
                    NDArray input = m.create(x, new Shape(1, 1, 28, 28));
                    NDArray logits = model.getBlock().forward(new ParameterStore(m, false), new NDList(input), false)
                            .singletonOrThrow();
                    out[i] = logits.softmax(1).toFloatArray();
                }
            }
        }
        return out;
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static List<List<Prediction>> classifyEach(Classifier c, List<float[]> images, int top) {
        List<List<Prediction>> out = new ArrayList<>();
        for (float[] image : images) {
            out.add(c.classify(image, top));
        }
        return out;
    }
}
