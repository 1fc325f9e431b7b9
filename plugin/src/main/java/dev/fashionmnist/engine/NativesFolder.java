package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where DJL unpacks a PyTorch natives jar on first use, as DJL 0.29's {@code LibUtils} names it:
 * {@code <cache>/pytorch/<version>-<flavor>-<classifier>} ({@code version} with its build date, from the jar's
 * {@code native/lib/pytorch.properties}); the cache is {@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, else
 * {@code ~/.djl.ai}. Nothing is unpacked when {@code PYTORCH_LIBRARY_PATH} points at an installed PyTorch.
 */
public final class NativesFolder {
    private static final String PROPERTIES = "native/lib/pytorch.properties";

    private NativesFolder() {
    }

    /**
     * The line to log before the fork unpacks {@code jar}, when its folder is not there yet: one line, since the first
     * run otherwise spends a while unpacking ~470 MB without a word. {@code setting} reads an environment variable or
     * system property of the fork by name ({@code null} when unset).
     */
    public static Optional<Message> firstUseNotice(Path jar, UnaryOperator<String> setting, Path userHome) {
        if (present(setting.apply("PYTORCH_LIBRARY_PATH"))) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(PROPERTIES);
            if (entry == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                p.load(in);
            }
            Path folder = cache(setting, userHome).resolve("pytorch").resolve(p.getProperty("version") + "-"
                    + p.getProperty("flavor") + "-" + p.getProperty("classifier"));
            if (Files.isDirectory(folder)) {
                return Optional.empty();
            }
            return Optional.of(Messages.of("engine.natives.firstUse", unpackedBytes(zip) / 1_000_000, jar.getFileName(),
                    folder));
        } catch (IOException e) {
            return Optional.empty(); // an unreadable jar fails clearly when the fork loads it
        }
    }

    /** DJL's engine cache as the engine JVM sees it: ENGINE_CACHE_DIR, else DJL_CACHE_DIR, else ~/.djl.ai. */
    static Path cache(UnaryOperator<String> setting, Path userHome) {
        for (String name : new String[] {"ENGINE_CACHE_DIR", "DJL_CACHE_DIR"}) {
            String dir = setting.apply(name);
            if (present(dir)) {
                return Path.of(dir);
            }
        }
        return userHome.resolve(".djl.ai");
    }

    /** The bytes of the libraries in the jar, unpacked. */
    private static long unpackedBytes(ZipFile zip) {
        long total = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().startsWith("pytorch/") && !entry.isDirectory() && entry.getSize() > 0) {
                total += entry.getSize();
            }
        }
        return total;
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
