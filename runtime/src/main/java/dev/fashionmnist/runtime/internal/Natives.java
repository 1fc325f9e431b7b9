package dev.fashionmnist.runtime.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.util.Utils;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    /** Whether this class loaded the engine already: from then on its natives are fixed for this JVM. */
    private static volatile boolean engineLoaded;

    private Natives() {
    }

    /**
     * Which of the two jars the class path lacks, and the dependencies that message names. The runtime's POM brings
     * {@code pytorch-jni}, so an application built with Maven or Gradle lacks at most the natives jar of its platform;
     * the JNI jar goes missing only where a build excludes it or a class path is put together by hand.
     */
    enum MissingJar {
        /** The natives jar ({@code pytorch-native-cpu} with the platform's classifier): the one an application adds. */
        NATIVES("runtime.natives.nativesJar", "runtime.natives.missing"),
        /** The JNI jar, which comes with the runtime unless excluded. */
        JNI("runtime.natives.jniJar", "runtime.natives.missingJni"),
        /** Both. */
        BOTH("runtime.natives.bothJars", "runtime.natives.missingBoth");

        /** The key of what is missing. */
        final String problem;
        /** The key of the message that names the dependencies to add. */
        final String advice;

        MissingJar(String problem, String advice) {
            this.problem = problem;
            this.advice = advice;
        }
    }

    /**
     * Loads the PyTorch engine for {@code device}. For a GPU on linux-x86_64 the driver is asked first
     * ({@link CudaProbe}, {@link GpuDecision}: a GPU that cannot run the CUDA natives is refused with the reason),
     * then DJL is pointed at the CUDA natives on the class path ({@link CudaNatives}), whatever CUDA runtime the system
     * has. Elsewhere, and with {@code PYTORCH_LIBRARY_PATH} set, DJL decides as it always does.
     */
    public static Engine requireEngine(Device device) {
        if (device.isGpu() && classifier().filter("linux-x86_64"::equals).isPresent()) {
            requireGpu(new CudaProbe(), device.getDeviceId());
        }
        Engine engine = requireEngine();
        if (device.isGpu() && !engine.hasCapability(StandardCapabilities.CUDA)) {
            throw new ClassifierException(Message.runtime("runtime.gpu.cpuEngine", device));
        }
        return engine;
    }

    /**
     * Refuses GPU {@code gpuIndex} where {@code probe} finds it unable to run the CUDA natives; else, before the engine
     * is loaded, unpacks the CUDA natives of the class path into DJL's cache and sets the system properties that make
     * DJL load them ({@link CudaNatives.Unpacked#settings}), unless the application set {@code PYTORCH_LIBRARY_PATH}.
     */
    static void requireGpu(CudaProbe probe, int gpuIndex) {
        String device = "gpu:" + gpuIndex;
        GpuDecision.Verdict verdict = GpuDecision.decide(probe.probe(), gpuIndex);
        if (!verdict.usable()) {
            throw new ClassifierException(Message.runtime("runtime.gpu.refused", device, verdict.found(),
                    verdict.remedy()));
        }
        if (engineLoaded || setting("PYTORCH_LIBRARY_PATH") != null) {
            return; // the natives are chosen already: requireEngine(Device) checks that they have CUDA
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Natives.class.getClassLoader();
        }
        URL cudaNatives = cudaNatives(loader);
        if (cudaNatives == null) {
            throw new ClassifierException(Message.runtime("runtime.gpu.noCudaNatives", device,
                    versions().getProperty("pytorch", "?")));
        }
        Path cache = Utils.getEngineCacheDir("pytorch");
        ClassLoader resources = loader;
        CudaNatives.Unpacked unpacked;
        try {
            // the jar's description by its own URL (a CPU natives jar may stand beside it), its libraries by name
            unpacked = CudaNatives.unpack(name -> name.equals(CudaNatives.PROPERTIES) ? cudaNatives.openStream()
                    : resources.getResourceAsStream(name), cache);
        } catch (IOException e) {
            throw new ClassifierException(Message.runtime("runtime.gpu.unpack", device, cache, e.getMessage()), e);
        }
        for (Map.Entry<String, String> s : unpacked.settings(System.getProperty("jna.library.path")).entrySet()) {
            System.setProperty(s.getKey(), s.getValue());
        }
    }

    /** The description of the CUDA natives jar on the class path ({@code flavor=cu...}), or null. */
    private static URL cudaNatives(ClassLoader loader) {
        try {
            Enumeration<URL> jars = loader.getResources(CudaNatives.PROPERTIES);
            while (jars.hasMoreElements()) {
                URL url = jars.nextElement();
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                if (p.getProperty("flavor", "").startsWith("cu")) {
                    return url;
                }
            }
        } catch (IOException e) {
            return null; // reported as natives that are not there
        }
        return null;
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
                MissingJar jars = natives ? MissingJar.JNI : jni ? MissingJar.NATIVES : MissingJar.BOTH;
                throw new ClassifierException(missing(Message.runtime(jars.problem), jars));
            }
        }
        try {
            Engine engine = Engine.getEngine(ENGINE);
            engineLoaded = true;
            return engine;
        } catch (RuntimeException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            // the jars are there (or PYTORCH_LIBRARY_PATH) but PyTorch does not start: the natives are the suspects
            throw new ClassifierException(missing(Message.runtime("runtime.natives.engine", e.getMessage()),
                    MissingJar.NATIVES), e);
        }
    }

    /**
     * The dependencies to add, after {@code problem}, what went wrong: the ones of {@code jars}; on a machine PyTorch
     * has no natives jar for, that it has none.
     */
    static Message missing(Message problem, MissingJar jars) {
        return missing(problem, jars, System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** As {@link #missing(Message, MissingJar)} on a machine with {@code osName} and {@code osArch}. */
    static Message missing(Message problem, MissingJar jars, String osName, String osArch) {
        Properties versions = versions();
        String pytorch = versions.getProperty("pytorch", "?");
        return classifier(osName, osArch)
                .map(platform -> Message.runtime(jars.advice, problem, pytorch, platform,
                        versions.getProperty("djl", "?")))
                .orElseGet(() -> Message.runtime("runtime.natives.unsupported", problem, pytorch, osName, osArch));
    }

    /**
     * The classifier of the PyTorch natives jar for this machine ({@code os.name}, {@code os.arch}); empty where
     * PyTorch has none. The runtime and the plugin ask here, so that both name the same jar.
     */
    public static Optional<String> classifier() {
        return classifier(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * The classifier of the PyTorch natives jar for an operating system and processor as Java names them:
     * {@code linux-x86_64}, {@code linux-aarch64}, {@code osx-aarch64} or {@code win-x86_64}; empty for any other
     * machine (PyTorch 2.3.1 has no natives for it, e.g. an Intel Mac).
     */
    public static Optional<String> classifier(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) {
            return Optional.of("linux-x86_64");
        }
        if (os.contains("linux") && arm64) {
            return Optional.of("linux-aarch64");
        }
        if (os.contains("mac") && arm64) {
            return Optional.of("osx-aarch64");
        }
        if (os.contains("windows") && x64) {
            return Optional.of("win-x86_64");
        }
        return Optional.empty();
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
