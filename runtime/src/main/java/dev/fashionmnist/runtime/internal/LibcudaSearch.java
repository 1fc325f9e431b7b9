package dev.fashionmnist.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Finds the NVIDIA driver's user-space library {@code libcuda.so.1} in the order the dynamic loader searches
 * ({@code LD_LIBRARY_PATH}, the loader's cache as {@code ldconfig -p} lists it, the loader's default folders), then in
 * folders where drivers put it without telling the loader (the Kubernetes device plugin's {@code /usr/local/nvidia},
 * WSL's {@code /usr/lib/wsl/lib}, CUDA's forward-compatibility folder). PyTorch's CUDA runtime opens the library by
 * its name, so a library found only in those last folders is found by PyTorch only when its folder is added to
 * {@code LD_LIBRARY_PATH} ({@link Found#loaderFinds()}).
 */
public final class LibcudaSearch {
    /** The library's name, as the CUDA runtime opens it. */
    public static final String LIBCUDA = "libcuda.so.1";
    /** The loader's default folders on 64-bit Linux (glibc's trusted directories, Debian's multiarch folders). */
    static final List<String> LOADER_FOLDERS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib");
    /** Where drivers put the library outside the loader's path, in the order tried. */
    static final List<String> OTHER_FOLDERS = List.of("/usr/local/nvidia/lib64", "/usr/lib/wsl/lib",
            "/usr/local/cuda/compat");

    private LibcudaSearch() {
    }

    /** The library found, and whether the dynamic loader finds it by name without a changed LD_LIBRARY_PATH. */
    public record Found(Path library, boolean loaderFinds) {
        /** The folder to add to LD_LIBRARY_PATH when the loader does not find the library by itself. */
        public Path folder() {
            return library.getParent();
        }
    }

    /**
     * The first {@code libcuda.so.1} in {@code ldLibraryPath} (colon-separated, may be null), the 64-bit entries of
     * {@code ldconfigOutput} (the text of {@code ldconfig -p}, may be empty), the loader's default folders and the
     * other folders drivers use; {@code exists} says whether a file is there.
     */
    public static Optional<Found> find(String ldLibraryPath, String ldconfigOutput, Predicate<Path> exists) {
        List<Path> loaderFinds = new ArrayList<>();
        if (ldLibraryPath != null) {
            for (String folder : ldLibraryPath.split(":")) {
                if (!folder.isBlank()) {
                    loaderFinds.add(Path.of(folder, LIBCUDA));
                }
            }
        }
        loaderFinds.addAll(fromLdconfig(ldconfigOutput));
        LOADER_FOLDERS.forEach(f -> loaderFinds.add(Path.of(f, LIBCUDA)));
        for (Path candidate : loaderFinds) {
            if (exists.test(candidate)) {
                return Optional.of(new Found(candidate, true));
            }
        }
        for (String folder : OTHER_FOLDERS) {
            Path candidate = Path.of(folder, LIBCUDA);
            if (exists.test(candidate)) {
                return Optional.of(new Found(candidate, false));
            }
        }
        return Optional.empty();
    }

    /**
     * The 64-bit {@code libcuda.so.1} entries of {@code ldconfig -p}'s text, in its order: lines such as
     * {@code libcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1}; a 32-bit entry
     * ({@code (libc6)}) cannot be loaded by a 64-bit JVM.
     */
    static List<Path> fromLdconfig(String output) {
        List<Path> found = new ArrayList<>();
        if (output == null) {
            return found;
        }
        for (String line : output.split("\n")) {
            String l = line.trim();
            int arrow = l.indexOf("=>");
            if (!l.startsWith(LIBCUDA + " (") || arrow < 0) {
                continue;
            }
            String flags = l.substring(LIBCUDA.length() + 2, Math.max(LIBCUDA.length() + 2, l.indexOf(')')));
            if (flags.contains("64")) {
                found.add(Path.of(l.substring(arrow + 2).trim()));
            }
        }
        return found;
    }

    /**
     * The text of {@code ldconfig -p} (the loader's cache), or "" where there is no ldconfig or it does not answer
     * within 10 seconds.
     */
    public static String ldconfigOutput() {
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "/sbin/ldconfig.real")) {
            if (!Files.isExecutable(Path.of(ldconfig))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                p.getOutputStream().close();
                byte[] out;
                try (InputStream in = p.getInputStream()) {
                    out = in.readAllBytes();
                }
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return new String(out, StandardCharsets.UTF_8);
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // the next ldconfig, or none: the default folders are still searched
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }
}
