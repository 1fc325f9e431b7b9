package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application without the PyTorch natives on its class path: a JVM of its own (PyTorch, once loaded, stays loaded)
 * with this test's class path minus some jars gets the one message naming the dependencies to add. The runtime brings
 * the JNI jar (runtime scope), so an application's class path lacks at most the natives jar; a class path put
 * together by hand may lack both.
 */
class MissingNativesTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheNativesJarTheMessageNamesThatDependencyAlone() throws Exception {
        String output = loadWithout(List.of("pytorch-native-cpu"));
        assertTrue(output.contains("No PyTorch natives for the classifier: the PyTorch natives jar is not on the class "
                + "path. Add the dependency ai.djl.pytorch:pytorch-native-cpu:2.3.1 with <classifier>"), output);
        assertFalse(output.contains("pytorch-jni"), "the runtime brings the JNI jar: " + output);
    }

    @Test
    void withoutBothJarsTheMessageNamesBothDependencies() throws Exception {
        String output = loadWithout(List.of("pytorch-native-cpu", "pytorch-jni"));
        assertTrue(output.contains("No PyTorch natives for the classifier: the PyTorch natives jar and the PyTorch "
                + "JNI jar are not on the class path"), output);
        assertTrue(output.contains("ai.djl.pytorch:pytorch-native-cpu:2.3.1 with <classifier>"), output);
        assertTrue(output.contains("ai.djl.pytorch:pytorch-jni:2.3.1-0.29.0"), output);
    }

    /**
     * Loads a model and classifies in a JVM with this test's class path minus the jars whose names contain one of
     * {@code left}; its output, after checking that it failed with one message and no stack trace.
     */
    private String loadWithout(List<String> left) throws Exception {
        Path model = TestModels.write(dir.resolve("mlp"), ModelSpec.of("mlp", 8, null, null, 28, 28, 10), 1);
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        List<String> kept = Arrays.stream(entries).filter(e -> left.stream().noneMatch(e::contains)).toList();
        assertEquals(entries.length - left.size(), kept.size(),
                "the test class path holds each of " + left + " once: " + Arrays.toString(entries));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", String.join(File.pathSeparator, kept), LoadAndClassify.class.getName(),
                model.toString())
                .redirectErrorStream(true);
        // an installed PyTorch named by the environment would stand in for the jars: the application has none
        builder.environment().keySet().removeIf(name -> name.startsWith("PYTORCH_"));
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(2, p.exitValue(), output);
        assertFalse(output.contains("Exception"), "one message, no stack trace: " + output);
        return output;
    }

    /** Loads the model directory in args[0] and classifies a black image: exit 0, or 2 with the message. */
    public static final class LoadAndClassify {
        public static void main(String[] args) {
            try (Classifier c = Classifier.load(Path.of(args[0]))) {
                System.out.println(c.classify(new float[784], 1).stream().map(Prediction::className)
                        .collect(Collectors.joining()));
            } catch (ClassifierException e) {
                System.out.println(e.getMessage());
                System.exit(2);
            }
        }
    }
}
