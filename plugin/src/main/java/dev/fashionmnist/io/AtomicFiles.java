package dev.fashionmnist.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes files so that readers see either the old complete file or the new complete file, never a part: the
 * content goes to a temporary file beside the target, which is then renamed over it.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * A new, empty temporary file beside {@code target} (same folder, so the final rename is atomic), named after
     * it, with the permissions an ordinary new file gets. A failure is a {@link FileWriteException} naming
     * {@code target}.
     */
    public static Path tempFileFor(Path target) throws FileWriteException {
        try {
            return Files.createFile(tempPathFor(target));
        } catch (IOException e) {
            throw FileWriteException.of(target, e);
        }
    }

    /** A new, empty temporary folder beside {@code target}, named after it. */
    public static Path tempDirectoryFor(Path target) throws FileWriteException {
        try {
            return Files.createDirectory(tempPathFor(target));
        } catch (IOException e) {
            throw FileWriteException.of(target, e);
        }
    }

    /**
     * Opens {@code file} for writing (created or emptied); every failure to write, flush or close it is a
     * {@link FileWriteException} naming {@code shownAs}, the file the user knows (the target of a temporary file).
     */
    public static OutputStream newOutputStream(Path file, Path shownAs) throws FileWriteException {
        OutputStream out;
        try {
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw FileWriteException.of(shownAs, e);
        }
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw FileWriteException.of(shownAs, e);
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw FileWriteException.of(shownAs, e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    throw FileWriteException.of(shownAs, e);
                }
            }
        };
    }

    private static Path tempPathFor(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
    }

    /**
     * Writes {@code target} atomically. Any failure, of the file system or of {@code content}, is a
     * {@link FileWriteException} naming {@code target} and the reason; the target keeps its old content.
     */
    public static void write(Path target, Content content) throws FileWriteException {
        Path temp = tempFileFor(target);
        try {
            try (OutputStream out = newOutputStream(temp, target)) {
                content.writeTo(out);
            }
            move(temp, target);
        } catch (IOException e) {
            throw FileWriteException.of(target, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the temporary file stays; the write itself already succeeded or reports its own failure
            }
        }
    }

    public static void writeString(Path target, String text) throws FileWriteException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Renames {@code source} to {@code target}, atomically where the file system allows, replacing it. A failure is a
     * {@link FileWriteException} naming {@code target}.
     */
    public static void move(Path source, Path target) throws FileWriteException {
        try {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw FileWriteException.of(target, e);
        }
    }

    /**
     * Puts the complete folder {@code complete} in the place of {@code target} (a folder or nothing): the old one is
     * first renamed aside, then {@code complete} renamed into place, then the old one deleted, so that at no moment
     * does {@code target} hold a mixture of both.
     */
    public static void replaceDirectory(Path complete, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            old = tempPathFor(target);
            Files.move(target, old);
        }
        move(complete, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
