package dev.fashionmnist.model;

import dev.fashionmnist.data.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The model directory as one zip, the artifact that {@code mvn install} and {@code deploy} archive. */
public final class ModelArchive {
    private static final String MODEL = "model/";

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
     * Unpacks a model zip into {@code target} and returns the model folder inside it. Only what a model directory
     * holds is accepted: {@code model/}, {@code model/model.json} and {@code model/fashionmnist-0000.params}, each
     * once and within its size limit, counted while inflating (the sizes a zip declares can lie). Everything is
     * unpacked into a temporary folder beside {@code target} that replaces it only when all checks pass: a refused
     * archive leaves {@code target} as it was and nothing of its own behind.
     */
    public static Path unzip(Path zip, Path target, Limits limits) throws IOException {
        String card = MODEL + ModelCard.FILE;
        String parameters = MODEL + ModelParameters.file(Path.of(""), ModelCard.PARAMETERS_NAME);
        Map<String, Long> caps = new LinkedHashMap<>();
        caps.put(card, limits.maxCardBytes());
        caps.put(parameters, limits.maxParametersBytes());
        Path temp = AtomicFiles.tempDirectoryFor(target);
        try {
            Path model = Files.createDirectory(temp.resolve("model"));
            try (ZipFile z = open(zip)) {
                if (z.size() > caps.size() + 1) {
                    throw new IOException("it holds " + z.size() + " entries, a model archive at most " + (caps.size()
                            + 1) + " (" + MODEL + ", " + card + ", " + parameters + ")");
                }
                Set<String> seen = new HashSet<>();
                var entries = z.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String name = e.getName();
                    if (!seen.add(name)) {
                        throw new IOException("entry '" + name + "' is refused: it occurs twice");
                    }
                    if (e.isDirectory() && name.equals(MODEL)) {
                        continue;
                    }
                    Long cap = caps.get(name);
                    if (cap == null || e.isDirectory()) {
                        throw new IOException("entry '" + name + "' is refused: a model archive holds only " + card
                                + " and " + parameters);
                    }
                    try (InputStream in = z.getInputStream(e)) {
                        copy(in, model.resolve(name.substring(MODEL.length())), name, cap);
                    }
                }
                for (String needed : caps.keySet()) {
                    if (!seen.contains(needed)) {
                        throw new IOException("it holds no " + needed + ": it is not a model archive made by the "
                                + "train goal");
                    }
                }
            }
            AtomicFiles.replaceDirectory(temp, target);
            return target.resolve("model");
        } finally {
            AtomicFiles.deleteTree(temp);
        }
    }

    /** The most bytes each file of a model archive may inflate to. */
    public record Limits(long maxCardBytes, long maxParametersBytes) {
        /** model.json at most 1 MiB; the parameters at most 512 MiB (a resnet 2,2,2 has about 11 MB). */
        public static final Limits DEFAULT = new Limits(1L << 20, 512L << 20);
    }

    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new IOException("it is not a zip file (" + e.getMessage() + ")");
        }
    }

    /** Copies at most {@code cap} bytes, counting what is actually inflated. */
    private static void copy(InputStream in, Path file, String name, long cap) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > cap) {
                    throw new IOException("entry '" + name + "' is refused: it inflates to more than " + cap
                            + " bytes" + (cap % (1 << 20) == 0 ? " (" + (cap >> 20) + " MiB)" : "")
                            + ", the limit for this file");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
