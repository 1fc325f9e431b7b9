package dev.fashionmnist.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.train.Training;
import dev.fashionmnist.train.TrainingTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluates a model trained here (mlp, 1000 images, one epoch) on the whole real Fashion-MNIST test set with the
 * real PyTorch CPU engine; then damaged or inconsistent copies of its model directory, each a clear error.
 */
class ModelEvaluatorTest {
    @TempDir
    static Path trained;
    private static Path model;
    private static ModelCard card;

    @TempDir
    Path work;

    @BeforeAll
    static void train() throws Exception {
        card = new Training(TrainingTest.job(trained, "mlp", null, 1000, 0, 1, false, 5), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        model = trained.resolve("model");
    }

    private static EvaluationResult evaluate(Path dir) {
        return ModelEvaluator.evaluate(dir, RealData.load(), -1, BuildLog.console());
    }

    /** A fresh copy of the trained model directory. */
    private Path copy() throws IOException {
        Path target = Files.createTempDirectory(work, "model");
        try (Stream<Path> files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static Path params(Path dir) {
        return ModelParameters.file(dir, ModelCard.PARAMETERS_NAME);
    }

    private static void editCard(Path dir, Consumer<JsonObject> edit) throws IOException {
        Path file = dir.resolve(ModelCard.FILE);
        JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        edit.accept(json);
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    }

    private static String assertFails(Path dir, String... parts) {
        ClassifierException e = assertThrows(ClassifierException.class, () -> evaluate(dir));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
        return e.getMessage();
    }

    @Test
    void evaluatesTheWholeTestSetLikeTraining() {
        EvaluationResult r = evaluate(model);
        ConfusionMatrix m = r.confusion();
        assertEquals(10_000, m.total());
        assertEquals(10, m.classCount());
        assertEquals(card.classNames(), m.classNames());
        for (int c = 0; c < 10; c++) {
            assertEquals(1000, m.support(c), "Fashion-MNIST's test set has 1000 images of class " + c);
            assertEquals(1000, Arrays.stream(m.counts()[c]).sum());
        }
        assertEquals(10_000, card.testImages());
        assertTrue(r.accuracy() > 0.5, "one epoch on 1000 images should clearly beat chance: " + r.accuracy());
        assertEquals(card.finalMetrics().testAccuracy(), r.accuracy(), 1e-9);
        assertEquals(card.finalMetrics().testLoss(), r.loss(), 1e-4);
    }

    @Test
    void evaluatingTwiceGivesTheSameResult() {
        EvaluationResult a = evaluate(model);
        EvaluationResult b = evaluate(model);
        assertEquals(a.accuracy(), b.accuracy(), 0.0);
        assertEquals(a.loss(), b.loss(), 0.0);
        assertTrue(Arrays.deepEquals(a.confusion().counts(), b.confusion().counts()));
    }

    @Test
    void truncatedParametersAreDamaged() throws Exception {
        Path dir = copy();
        byte[] bytes = Files.readAllBytes(params(dir));
        Files.write(params(dir), Arrays.copyOf(bytes, bytes.length / 2));
        assertFails(dir, params(dir).toString(), "damaged", card.parametersSha256());
    }

    @Test
    void flippedByteIsDamaged() throws Exception {
        Path dir = copy();
        byte[] bytes = Files.readAllBytes(params(dir));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(params(dir), bytes);
        assertFails(dir, params(dir).toString(), "damaged", "SHA-256");
    }

    @Test
    void missingParametersFile() throws Exception {
        Path dir = copy();
        Files.delete(params(dir));
        assertFails(dir, params(dir).toString(), "does not exist");
    }

    @Test
    void aDirectoryInThePlaceOfTheParametersFileIsNotCalledMissing() throws Exception {
        Path dir = copy();
        Files.delete(params(dir));
        Files.createDirectory(params(dir));
        String m = assertFails(dir, params(dir).toString(), "is a directory, expected the parameters file "
                + params(dir).getFileName());
        assertFalse(m.contains("does not exist"), m);
    }

    @Test
    void aDirectoryInThePlaceOfTheCardOrAFileInThePlaceOfTheModelDirectory() throws Exception {
        Path dir = copy();
        Files.delete(dir.resolve(ModelCard.FILE));
        Files.createDirectory(dir.resolve(ModelCard.FILE));
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "is a directory, expected the model card file");
        Path file = Files.writeString(work.resolve("not-a-directory"), "x");
        assertFails(file, file.toString(), "is a file, expected a model directory");
    }

    @Test
    void parametersOfAnotherArchitectureWithAMatchingChecksum() throws Exception {
        Path dir = copy();
        Path cnn = Files.createTempDirectory(work, "cnn");
        ModelSpec spec = ModelSpec.of("amelie-cnn", 0, null, null, 28, 28, 10);
        try (Model m = Model.newInstance(ModelCard.PARAMETERS_NAME, Device.cpu(), "PyTorch")) {
            m.setBlock(Networks.build(spec));
            m.getBlock().initialize(m.getNDManager(), DataType.FLOAT32, Networks.inputShape(spec, 1));
            m.setProperty("Epoch", "0");
            m.save(cnn, ModelCard.PARAMETERS_NAME);
        }
        Files.copy(params(cnn), params(dir), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String sha = Digests.sha256(params(dir));
        editCard(dir, j -> j.addProperty("parametersSha256", sha));
        String m = assertFails(dir, params(dir).toString(), "mlp 784-128-10");
        assertTrue(m.contains("does not fit") || m.contains("cannot be loaded"), m);
    }

    @Test
    void cardWithoutNormalization() throws Exception {
        Path dir = copy();
        editCard(dir, j -> assertTrue(j.remove("normalization") != null, "model.json should have normalization"));
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "field 'normalization'");
    }

    @Test
    void cardArchitectureDisagreesWithTheSpec() throws Exception {
        Path dir = copy();
        editCard(dir, j -> {
            assertEquals("mlp", j.get("architecture").getAsString());
            j.addProperty("architecture", "resnet");
        });
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "field 'architecture'", "'resnet'", "mlp");
    }

    @Test
    void cardWithWrongChecksumFormat() throws Exception {
        Path dir = copy();
        editCard(dir, j -> j.addProperty("parametersSha256", "not-a-sha"));
        assertFails(dir, "field 'parametersSha256'");
    }

    @Test
    void cardThatIsNotJson() throws Exception {
        Path dir = copy();
        Files.writeString(dir.resolve(ModelCard.FILE), "{broken", StandardCharsets.UTF_8);
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "not valid JSON");
    }

    @Test
    void cardWithoutHiddenLayers() throws Exception {
        Path dir = copy();
        editCard(dir, j -> assertTrue(j.getAsJsonObject("model").remove("hiddenLayers") != null));
        // the ModelSpec constructor refuses a null list while Gson reads the file: that must still be a clear error
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "not valid JSON", "ModelSpec");
    }

    @Test
    void cardWithANullHiddenLayer() throws Exception {
        Path dir = copy();
        editCard(dir, j -> j.getAsJsonObject("model").getAsJsonArray("hiddenLayers").add((Number) null));
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "not valid JSON", "ModelSpec");
    }

    @Test
    void cardWithANegativeHiddenLayer() throws Exception {
        Path dir = copy();
        editCard(dir, j -> j.getAsJsonObject("model").getAsJsonArray("hiddenLayers").set(0,
                new com.google.gson.JsonPrimitive(-128)));
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "field 'model.hiddenLayers'");
    }

    @Test
    void cardWithoutClassNames() throws Exception {
        Path dir = copy();
        editCard(dir, j -> assertTrue(j.remove("classNames") != null));
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "field 'classNames'");
    }

    @Test
    void cardWithoutModel() throws Exception {
        Path dir = copy();
        editCard(dir, j -> assertTrue(j.remove("model") != null));
        assertFails(dir, dir.resolve(ModelCard.FILE).toString(), "field 'model'");
    }

    @Test
    void emptyDirectory() throws Exception {
        Path dir = Files.createTempDirectory(work, "empty");
        assertFails(dir, "No trained model", dir.toString(), "mvn fashionmnist:train");
    }

    @Test
    void missingDirectory() {
        Path dir = work.resolve("absent");
        assertFails(dir, "No trained model", "mvn fashionmnist:train");
    }
}
