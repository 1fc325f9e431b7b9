package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Classifier#fromClasspath()} with model jars built here in the model jar's layout, on a class loader of their
 * own set as the thread's context class loader: none, one, several, one chosen by name.
 */
class ClasspathModelTest {
    @TempDir
    static Path dir;
    private static Path shirts;
    private static Path shoes;
    private static Path incomplete;

    @BeforeAll
    static void buildJars() throws Exception {
        Path a = TestModels.write(dir.resolve("a"), ModelSpec.of("mlp", 32, null, null, 28, 28, 10), 1);
        Path b = TestModels.write(dir.resolve("b"), ModelSpec.of("mlp", 16, null, null, 28, 28, 10), 2);
        shirts = TestModels.jar(a, dir.resolve("shirts-1.0-model.jar"), "com.example", "shirts", "1.0");
        shoes = TestModels.jar(b, dir.resolve("shoes-2.0-model.jar"), "org.example", "shoes", "2.0");
        Path c = ClassifierTest.copyModel(a, dir.resolve("c"));
        Files.delete(c.resolve("fashionmnist-0000.params"));
        incomplete = TestModels.jar(c, dir.resolve("broken-model.jar"), "com.example", "broken", "0.1");
    }

    @Test
    void noModelSaysWhichDependencyToAdd() throws Exception {
        ClassifierException e = assertThrows(ClassifierException.class, () -> on(List.of(), Classifier::fromClasspath));
        assertTrue(e.getMessage().startsWith("No model on the class path"), e.getMessage());
        assertTrue(e.getMessage().contains("<classifier>model</classifier>"), e.getMessage());
    }

    @Test
    void theOneModelLoads() throws Exception {
        String network = on(List.of(shirts), () -> {
            try (Classifier c = Classifier.fromClasspath()) {
                assertEquals(TestModels.CLASSES, c.classNames());
                assertEquals(3, c.classify(new float[784], 3).size());
                return c.modelDescription().network();
            }
        });
        assertEquals("mlp 784-32-10", network);
    }

    @Test
    void severalModelsAreListedAndOneIsChosenByName() throws Exception {
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> on(List.of(shirts, shoes), Classifier::fromClasspath));
        assertTrue(e.getMessage().contains("com.example:shirts:1.0")
                && e.getMessage().contains("org.example:shoes:2.0"), e.getMessage());
        assertTrue(e.getMessage().contains("fromClasspath(\"artifactId\")"), e.getMessage());
        for (String name : List.of("shoes", "org.example:shoes")) {
            String network = on(List.of(shirts, shoes), () -> {
                try (Classifier c = Classifier.fromClasspath(name)) {
                    return c.modelDescription().network();
                }
            });
            assertEquals("mlp 784-16-10", network, name);
        }
        ClassifierException unknown = assertThrows(ClassifierException.class,
                () -> on(List.of(shirts, shoes), () -> Classifier.fromClasspath("com.example:shoes")));
        assertTrue(unknown.getMessage().startsWith("No model 'com.example:shoes' on the class path: there are "
                + "com.example:shirts:1.0, org.example:shoes:2.0"), unknown.getMessage());
    }

    @Test
    void aModelJarWithoutItsParametersSaysSo() throws Exception {
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> on(List.of(incomplete), Classifier::fromClasspath));
        assertTrue(e.getMessage().contains("com.example:broken:0.1 on the class path is incomplete: it holds no "
                + "META-INF/fashionmnist/model/fashionmnist-0000.params"), e.getMessage());
    }

    /** Runs {@code action} with a class loader of {@code jars} (no parent's resources) as the context loader. */
    private static <T> T on(List<Path> jars, Supplier<T> action) throws Exception {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            return action.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
