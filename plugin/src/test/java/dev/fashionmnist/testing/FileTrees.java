package dev.fashionmnist.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Folders copied as a build would leave them, for tests that start from another run's output. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Copies everything below {@code from} into {@code to} (created as needed), keeping the relative paths. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
