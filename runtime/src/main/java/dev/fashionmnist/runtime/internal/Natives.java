package dev.fashionmnist.runtime.internal;

import ai.djl.engine.Engine;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The PyTorch natives an application needs, and one clear message when they are missing. DJL finds them in two jars
 * on the class path ({@code pytorch-native-cpu} with the platform's classifier and {@code pytorch-jni}) and then
 * needs no network; without them it would try to download them. The runtime refuses that: it checks for both jars
 * first (unless {@code PYTORCH_LIBRARY_PATH} points at an installed PyTorch) and says which dependency to add.
 */
public final class Natives {
    /** DJL's name of the engine. */
    public static final String ENGINE = "PyTorch";
    private static final String NATIVES = "native/lib/pytorch.properties";
    private static final String JNI = "jnilib/";

    private Natives() {
    }

    /** Loads the PyTorch engine, or says which dependency is missing. */
    public static Engine requireEngine() {
        String libraryPath = setting("PYTORCH_LIBRARY_PATH");
        if (libraryPath == null) {
            ClassLoader loader = Natives.class.getClassLoader();
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            boolean natives = loader.getResource(NATIVES) != null
                    || context != null && context.getResource(NATIVES) != null;
            boolean jni = loader.getResource(JNI) != null || context != null && context.getResource(JNI) != null;
            if (!natives || !jni) {
                Message problem = natives ? Message.runtime("runtime.natives.jniJar")
                        : jni ? Message.runtime("runtime.natives.nativesJar")
                        : Message.runtime("runtime.natives.bothJars");
                throw new ClassifierException(missing(problem));
            }
        }
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new ClassifierException(missing(Message.runtime("runtime.natives.engine", e.getMessage())), e);
        }
    }

    /** The dependencies to add, after {@code problem}, what went wrong. */
    static Message missing(Message problem) {
        Properties versions = versions();
        return Message.runtime("runtime.natives.missing", problem, versions.getProperty("pytorch", "?"), platform(),
                versions.getProperty("djl", "?"));
    }

    /** The classifier of the natives jar for this machine. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.startsWith("mac") || os.contains("darwin")) {
            return "osx-aarch64";
        }
        if (os.startsWith("windows")) {
            return "win-x86_64";
        }
        return arm ? "linux-aarch64" : "linux-x86_64";
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = Natives.class.getResourceAsStream("/dev/fashionmnist/runtime/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the message then says '?' for the versions
        }
        return p;
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            value = System.getenv(name);
        }
        return value == null || value.isEmpty() ? null : value;
    }
}
