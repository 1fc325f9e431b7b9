package dev.fashionmnist.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dataset files verified so far in one build, shared by its goals, so that download-data, train, evaluate and
 * report hash each file once, not once per goal. A file counts as verified while it is the same file as when its
 * SHA-256 was computed: the same size, modification time and, where the file system has one, identity (the inode).
 * Replacing the file (as every fetch does, by a rename) or writing to it in a later clock tick changes one of these,
 * and the file is hashed again. Safe for the threads of a parallel build.
 */
public final class VerifiedFiles {
    private final Map<Path, Verified> verified = new ConcurrentHashMap<>();

    /** What identifies one version of a file without reading it. */
    public record State(long size, FileTime modified, Object identity) {
    }

    private record Verified(State state, String sha256) {
    }

    /**
     * The state of {@code file} now. Taken before hashing and passed to {@link #remember}, so that a write during the
     * hash leaves the file in a state that no longer matches.
     */
    public static State stateOf(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new State(a.size(), a.lastModifiedTime(), a.fileKey());
    }

    /** Records that {@code file}, as it was in {@code state}, has the SHA-256 {@code sha256}. */
    public void remember(Path file, State state, String sha256) {
        verified.put(key(file), new Verified(state, sha256));
    }

    /** Whether {@code file} was verified earlier to have the SHA-256 {@code sha256} and is unchanged since. */
    public boolean verifiedBefore(Path file, String sha256) throws IOException {
        Verified v = verified.get(key(file));
        return v != null && v.sha256().equals(sha256) && Objects.equals(v.state(), stateOf(file));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
