package dev.fashionmnist.runtime.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the CUDA natives whatever CUDA runtime the system has or lacks. DJL 0.29 decides the natives' flavour by
 * loading the <em>system's</em> {@code libcudart} through JNA ({@code CudaUtils}, in {@code Platform.fromSystem}): in a
 * container with only the NVIDIA driver there is none, the system counts as "cpu", the cu121 jar on the class path
 * "doesn't match system: cpu", and the CPU natives are loaded; with an older system runtime (11.8) the same happens.
 * Yet the cu121 natives bring their own CUDA 12.1 runtime ({@code libcudart-<hash>.so.12}) and need only the driver.
 *
 * <p>So the decision is taken away from the system's runtime. The natives are unpacked here, into the very folder DJL
 * would unpack them to ({@code <engine cache>/pytorch/<version>-<flavor>-<classifier>}, from the jar's
 * {@code native/lib/pytorch.properties}; a folder holding {@code libtorch.so} counts as unpacked, as for DJL), and DJL
 * is pointed at them with the settings it reads as environment variables or system properties
 * ({@link Unpacked#settings}): {@code PYTORCH_LIBRARY_PATH} (DJL's {@code LibUtils} then loads every library in that
 * folder and skips the platform match), {@code PYTORCH_FLAVOR} (else it would ask {@code CudaUtils} again, for the
 * folder of the JNI library and which JNI library to take: {@code jnilib/linux-x86_64/cu121}) and
 * {@code PYTORCH_VERSION} (else the version of the class path's natives jar or of the engine). With the jar's full
 * version ({@code 2.3.1-20240621}) the JNI library lands in the same folder, as DJL puts it there itself.
 *
 * <p>DJL's other questions to {@code CudaUtils} ({@code Engine.getGpuCount()}, memory listeners) would still find no
 * runtime. So JNA gets the natives' own: a folder beside them holding {@code libcudart.so}, a symbolic link to the
 * bundled {@code libcudart-<hash>.so.12}, goes first on {@code jna.library.path}. Being the same file, the dynamic
 * loader loads it once when PyTorch loads its copy by path.
 */
public final class CudaNatives {
    /** Where a natives jar describes itself. */
    public static final String PROPERTIES = "native/lib/pytorch.properties";
    private static final Pattern CUDART = Pattern.compile("libcudart(-[0-9a-f]+)?\\.so(\\.\\d+)*");

    private CudaNatives() {
    }

    /** The entries of a natives jar, from the jar itself or from the class path. */
    public interface Source {
        /** The entry {@code name}, or null when there is none. */
        InputStream open(String name) throws IOException;
    }

    /** The natives unpacked, and the settings that make DJL load them. */
    public record Unpacked(Path folder, String version, String flavor, Optional<Path> cudartFolder) {
        /**
         * The settings for the JVM that loads the natives, as system properties (DJL reads each as environment
         * variable or system property; as properties a JVM can still drop them before the engine loads).
         * {@code jnaLibraryPath} is that JVM's own {@code jna.library.path} (may be null), kept after the natives'.
         */
        public Map<String, String> settings(String jnaLibraryPath) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("PYTORCH_LIBRARY_PATH", folder.toString());
            settings.put("PYTORCH_FLAVOR", flavor);
            settings.put("PYTORCH_VERSION", version);
            cudartFolder.ifPresent(f -> settings.put("jna.library.path", jnaLibraryPath == null
                    || jnaLibraryPath.isEmpty() ? f.toString() : f + File.pathSeparator + jnaLibraryPath));
            return settings;
        }
    }

    /** The natives jar's description ({@code version}, {@code flavor}, {@code classifier}, {@code libraries}). */
    public static Properties properties(Source source) throws IOException {
        Properties p = new Properties();
        try (InputStream in = source.open(PROPERTIES)) {
            if (in == null) {
                throw new IOException("no " + PROPERTIES + ": not a PyTorch natives jar");
            }
            p.load(in);
        }
        for (String key : List.of("version", "flavor", "classifier", "libraries")) {
            if (p.getProperty(key, "").isBlank()) {
                throw new IOException(PROPERTIES + " names no " + key);
            }
        }
        return p;
    }

    /** The folder DJL unpacks these natives to, under {@code pytorchCache} ({@code <engine cache>/pytorch}). */
    public static Path folder(Properties p, Path pytorchCache) {
        return pytorchCache.resolve(p.getProperty("version") + "-" + flavor(p) + "-" + p.getProperty("classifier"));
    }

    /**
     * Unpacks the natives of {@code source} into DJL's folder under {@code pytorchCache}, unless they are there
     * already, and gives JNA their CUDA runtime. Another JVM unpacking at the same time is harmless: each writes a
     * folder of its own and moves it into place; the first one stays.
     */
    public static Unpacked unpack(Source source, Path pytorchCache) throws IOException {
        Properties p = properties(source);
        Path folder = folder(p, pytorchCache);
        if (!Files.isRegularFile(folder.resolve("libtorch.so"))) {
            Files.createDirectories(pytorchCache);
            Path temp = Files.createTempDirectory(pytorchCache, "tmp");
            try {
                String prefix = "pytorch/" + p.getProperty("flavor") + "/" + p.getProperty("classifier") + "/";
                for (String library : p.getProperty("libraries").split(",")) {
                    try (InputStream in = source.open(prefix + library.trim())) {
                        if (in == null) {
                            throw new IOException("the natives jar lacks " + prefix + library.trim());
                        }
                        Files.copy(in, temp.resolve(library.trim()));
                    }
                }
                moveIntoPlace(temp, folder);
            } finally {
                Folders.deleteTree(temp);
            }
        }
        return new Unpacked(folder, p.getProperty("version"), flavor(p), cudartFolder(folder));
    }

    /**
     * DJL's flavour of the natives: the jar's, with {@code -precxx11} for natives that bring their own
     * {@code libstdc++.so.6} (PyTorch 1.9 and older), as DJL names their folder.
     */
    private static String flavor(Properties p) {
        String flavor = p.getProperty("flavor");
        boolean libstdcxx = Arrays.stream(p.getProperty("libraries").split(",")).map(String::trim)
                .anyMatch("libstdc++.so.6"::equals);
        return libstdcxx && !flavor.endsWith("-precxx11") ? flavor + "-precxx11" : flavor;
    }

    /**
     * A folder {@code <natives folder>.jna} holding {@code libcudart.so}, a link to the natives' CUDA runtime, for JNA;
     * empty where the natives hold no CUDA runtime or the file system takes no link.
     */
    static Optional<Path> cudartFolder(Path folder) throws IOException {
        Optional<Path> cudart;
        try (Stream<Path> files = Files.list(folder)) {
            cudart = files.filter(f -> CUDART.matcher(f.getFileName().toString()).matches()).sorted().findFirst();
        }
        if (cudart.isEmpty()) {
            return Optional.empty();
        }
        Path linkFolder = folder.resolveSibling(folder.getFileName() + ".jna");
        Path target = cudart.get().toAbsolutePath();
        Path link = linkFolder.resolve("libcudart.so");
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target) || sameFile(link, target)) {
            return Optional.of(linkFolder);
        }
        Path temp = Files.createTempDirectory(folder.getParent(), "tmp");
        try {
            if (!link(temp.resolve("libcudart.so"), target)) {
                return Optional.empty(); // DJL then asks the system's runtime, if any
            }
            Folders.deleteTree(linkFolder);
            moveIntoPlace(temp, linkFolder);
            return Optional.of(linkFolder);
        } finally {
            Folders.deleteTree(temp);
        }
    }

    /** A symbolic link to {@code target}, else a hard link (the same file too); false where neither can be made. */
    private static boolean link(Path link, Path target) {
        return made(() -> Files.createSymbolicLink(link, target)) || made(() -> Files.createLink(link, target));
    }

    /** Whether {@code linking} made its link (false where the file system refuses that kind of link). */
    private static boolean made(LinkCall linking) {
        try {
            linking.make();
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /** A call of {@code Files} that makes a link. */
    private interface LinkCall {
        void make() throws IOException;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void moveIntoPlace(Path temp, Path folder) throws IOException {
        try {
            Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another JVM was first: its copy stays, ours is deleted
        }
    }
}
