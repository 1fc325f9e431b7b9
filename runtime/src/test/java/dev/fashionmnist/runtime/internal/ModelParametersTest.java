package dev.fashionmnist.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading saved parameters into a network, and the clear failures when they do not fit, on the real PyTorch engine. */
class ModelParametersTest {
    private static final String NAME = "fashionmnist";

    @TempDir
    Path dir;

    private static ModelSpec mlp(int hidden) {
        return ModelSpec.of("mlp", hidden, null, null, 28, 28, 10);
    }

    private static Model newModel(ModelSpec spec) {
        Model model = Model.newInstance(NAME, Device.cpu(), "PyTorch");
        model.setBlock(Networks.build(spec));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.inputShape(spec, 1));
        return model;
    }

    /** Saves a freshly initialized network of {@code spec} into {@code target}; returns its parameter values. */
    private static List<float[]> save(ModelSpec spec, Path target) throws Exception {
        try (Model model = newModel(spec)) {
            model.setProperty("Epoch", "0");
            model.save(target, NAME);
            return values(model);
        }
    }

    private static List<float[]> values(Model model) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private static String assertLoadFails(ModelSpec spec, Path from, String... parts) {
        try (Model model = newModel(spec)) {
            ClassifierException e = assertThrows(ClassifierException.class,
                    () -> ModelParameters.load(model, spec, from, NAME));
            for (String part : parts) {
                assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
            }
            return e.getMessage();
        }
    }

    @Test
    void sameSpecLoads() throws Exception {
        List<float[]> saved = save(mlp(128), dir);
        assertTrue(Files.isRegularFile(ModelParameters.file(dir, NAME)));
        assertEquals(dir.resolve("fashionmnist-0000.params"), ModelParameters.file(dir, NAME));
        try (Model model = newModel(mlp(128))) {
            List<float[]> before = values(model);
            ModelParameters.load(model, mlp(128), dir, NAME);
            List<float[]> loaded = values(model);
            assertEquals(saved.size(), loaded.size());
            for (int i = 0; i < saved.size(); i++) {
                assertTrue(Arrays.equals(saved.get(i), loaded.get(i)), "parameter " + i + " should be the saved one");
            }
            assertTrue(!Arrays.equals(before.get(0), loaded.get(0)), "the fresh model's weights should be replaced");
        }
    }

    @Test
    void otherWidthDoesNotFit() throws Exception {
        save(mlp(128), dir);
        String m = assertLoadFails(mlp(64), dir, ModelParameters.file(dir, NAME).toString(), "does not fit",
                "mlp 784-64-10", "parameter ", "has shape (128, 784)", "needs (64, 784)");
        assertTrue(m.contains("another configuration"), m);
    }

    @Test
    void otherArchitectureIsRejected() throws Exception {
        save(ModelSpec.of("amelie-cnn", 0, null, null, 28, 28, 10), dir);
        assertLoadFails(mlp(128), dir, ModelParameters.file(dir, NAME).toString(), "mlp 784-128-10");
    }

    @Test
    void truncatedFileIsRejected() throws Exception {
        save(mlp(128), dir);
        Path file = ModelParameters.file(dir, NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertLoadFails(mlp(128), dir, file.toString(), "cannot be loaded", "damaged");
    }

    @Test
    void randomBytesAreNotAParametersFile() throws Exception {
        Path file = ModelParameters.file(dir, NAME);
        byte[] bytes = new byte[4096];
        new Random(5).nextBytes(bytes);
        bytes[0] = 'X';
        Files.write(file, bytes);
        assertLoadFails(mlp(128), dir, file.toString(), "not a DJL parameters file", "DJL@");
        Files.write(file, new byte[] {'D', 'J'});
        assertLoadFails(mlp(128), dir, file.toString(), "not a DJL parameters file");
    }

    @Test
    void aDirectoryInsteadOfTheFileIsNamedAsSuch() throws Exception {
        Path file = Files.createDirectory(ModelParameters.file(dir, NAME));
        assertLoadFails(mlp(128), dir, file.toString(), "is a directory, expected the parameters file "
                + file.getFileName());
    }

    @Test
    void missingFile() {
        assertLoadFails(mlp(128), dir, ModelParameters.file(dir, NAME).toString(), "does not exist",
                "fashionmnist:train");
    }
}
