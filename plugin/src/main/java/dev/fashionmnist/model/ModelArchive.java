package dev.fashionmnist.model;

import dev.fashionmnist.data.AtomicFiles;
import dev.fashionmnist.runtime.ModelZip.Limits;
import dev.fashionmnist.runtime.ModelZip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The model directory as one zip, the artifact that {@code mvn install} and {@code deploy} archive. */
public final class ModelArchive {
    private static final String MODEL = ModelZip.MODEL;

    private ModelArchive() {
    }

    /** Zips the files of {@code modelDirectory} with their own modification times; see {@link #zip(Path, Path, Instant)}. */
    public static void zip(Path modelDirectory, Path zip) throws IOException {
        zip(modelDirectory, zip, null);
    }

    /**
     * Zips the files of {@code modelDirectory} (flat, sorted) into {@code zip}, atomically. Each entry carries
     * {@code outputTimestamp} when it is given (a reproducible build: {@code project.build.outputTimestamp}, written as
     * the zip's DOS date and time in UTC as {@code jar --date} does, so that the bytes do not depend on the time zone),
     * otherwise the file's own modification time. A model restored from the model cache keeps its files' times, so its
     * zip is the same byte for byte.
     */
    public static void zip(Path modelDirectory, Path zip, Instant outputTimestamp) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(modelDirectory)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        AtomicFiles.write(zip, out -> {
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path f : files) {
                    ZipEntry e = new ZipEntry(MODEL + f.getFileName());
                    if (outputTimestamp == null) {
                        e.setLastModifiedTime(Files.getLastModifiedTime(f));
                    } else {
                        e.setTimeLocal(LocalDateTime.ofInstant(outputTimestamp, ZoneOffset.UTC));
                    }
                    z.putNextEntry(e);
                    Files.copy(f, z);
                    z.closeEntry();
                }
            }
        });
    }

    /**
     * Unpacks a model zip made by {@link #zip} into {@code target} and returns the model folder inside it, with the
     * {@link Limits#DEFAULT default limits}.
     */
    public static Path unzip(Path zip, Path target) throws IOException {
        return unzip(zip, target, Limits.DEFAULT);
    }

    /**
     * Unpacks a model zip into {@code target} and returns the model folder inside it, with the checks of
     * {@link ModelZip#extract}. Everything is unpacked into a temporary folder beside {@code target} that replaces it
     * only when all checks pass: a refused archive leaves {@code target} as it was and nothing of its own behind.
     */
    public static Path unzip(Path zip, Path target, Limits limits) throws IOException {
        Path temp = AtomicFiles.tempDirectoryFor(target);
        try {
            ModelZip.extract(zip, temp, limits);
            AtomicFiles.replaceDirectory(temp, target);
            return target.resolve("model");
        } finally {
            AtomicFiles.deleteTree(temp);
        }
    }
}
