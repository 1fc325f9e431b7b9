package dev.fashionmnist.model;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.runtime.Classifier;
import dev.fashionmnist.runtime.internal.ModelZip;
import dev.fashionmnist.runtime.internal.ModelZip.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The model directory as one zip, and as a jar for an application's class path: the artifacts that {@code mvn install}
 * and {@code deploy} archive.
 */
public final class ModelArchive {
    private static final String MODEL = ModelZip.MODEL;
    /** The resource folder of the model jar that holds the model directory's files; the runtime reads it there. */
    public static final String JAR_FOLDER = Classifier.RESOURCE_FOLDER;
    /** The file in {@link #JAR_FOLDER} with the coordinates (groupId, artifactId, version) of the training project. */
    public static final String ARTIFACT_PROPERTIES = Classifier.ARTIFACT_PROPERTIES;

    private ModelArchive() {
    }

    /**
     * Zips the files of {@code modelDirectory} with their own modification times; see
     * {@link #zip(Path, Path, Instant)}.
     */
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
        List<Member> members = new ArrayList<>();
        for (Path f : modelFiles(modelDirectory)) {
            members.add(Member.file(MODEL + f.getFileName(), f));
        }
        write(zip, members, outputTimestamp);
    }

    /**
     * Writes the model as a jar, the dependency an application puts on its class path: the files of
     * {@code modelDirectory} (those {@link #zip} archives) under {@value #JAR_FOLDER}, beside them
     * {@value #ARTIFACT_PROPERTIES} with the coordinates of the project that trained the model, and a
     * {@code META-INF/MANIFEST.MF}. Atomically, in a fixed entry order, with the entry times of {@link #zip}; the
     * entries that are no file of the model (manifest, properties, folders) carry {@code outputTimestamp} or else the
     * newest time of the model's files, so that the same model gives the same bytes.
     */
    public static void jar(Path modelDirectory, Path jar, Instant outputTimestamp, Coordinates trainedBy,
                           String pluginVersion) throws IOException {
        List<Path> files = modelFiles(modelDirectory);
        FileTime newest = null;
        for (Path f : files) {
            FileTime t = Files.getLastModifiedTime(f);
            newest = newest == null || t.compareTo(newest) > 0 ? t : newest;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Created-By"), "fashionmnist-maven-plugin "
                + pluginVersion);
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        manifest.write(manifestBytes);

        Map<String, Member> inFolder = new TreeMap<>();
        for (Path f : files) {
            inFolder.put(f.getFileName().toString(), Member.file(JAR_FOLDER + f.getFileName(), f));
        }
        inFolder.put(ARTIFACT_PROPERTIES, new Member(JAR_FOLDER + ARTIFACT_PROPERTIES, null,
                trainedBy.properties().getBytes(StandardCharsets.ISO_8859_1), newest));
        List<Member> members = new ArrayList<>();
        members.add(Member.folder("META-INF/", newest));
        members.add(new Member(JarFile.MANIFEST_NAME, null, manifestBytes.toByteArray(), newest));
        members.add(Member.folder("META-INF/fashionmnist/", newest));
        members.add(Member.folder(JAR_FOLDER, newest));
        members.addAll(inFolder.values());
        write(jar, members, outputTimestamp);
    }

    /** The coordinates of the project that trained a model, as the model jar's {@value #ARTIFACT_PROPERTIES} says. */
    public record Coordinates(String groupId, String artifactId, String version) {
        /**
         * The properties file: a fixed comment, then groupId, artifactId and version in this order, escaped as
         * {@link Properties#load(InputStream)} reads them (ISO-8859-1); unlike {@link Properties#store} without the
         * date comment, so that its bytes depend on the coordinates only.
         */
        String properties() {
            return "# The project that trained this model (written by fashionmnist-maven-plugin)\n"
                    + "groupId=" + escape(groupId) + "\n"
                    + "artifactId=" + escape(artifactId) + "\n"
                    + "version=" + escape(version) + "\n";
        }

        private static String escape(String value) {
            StringBuilder b = new StringBuilder();
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '\\', '=', ':', '#', '!', ' ' -> b.append('\\').append(c);
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\f' -> b.append("\\f");
                    default -> {
                        if (c < 0x20 || c > 0x7e) {
                            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.toString();
        }
    }

    /** The regular files of a model directory, sorted: what an archive of the model holds. */
    private static List<Path> modelFiles(Path modelDirectory) throws IOException {
        try (Stream<Path> s = Files.list(modelDirectory)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** One entry of an archive: a folder (name ends with /), a file of the model, or generated bytes. */
    private record Member(String name, Path file, byte[] bytes, FileTime time) {
        static Member file(String name, Path file) throws IOException {
            return new Member(name, file, null, Files.getLastModifiedTime(file));
        }

        static Member folder(String name, FileTime time) {
            return new Member(name, null, null, time);
        }
    }

    /**
     * Writes {@code members} in their order into the zip {@code target}, atomically; each entry carries
     * {@code outputTimestamp} as a DOS time in UTC when it is given, otherwise its member's time.
     */
    private static void write(Path target, List<Member> members, Instant outputTimestamp) throws IOException {
        AtomicFiles.write(target, out -> {
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (Member m : members) {
                    ZipEntry e = new ZipEntry(m.name());
                    if (outputTimestamp != null) {
                        e.setTimeLocal(LocalDateTime.ofInstant(outputTimestamp, ZoneOffset.UTC));
                    } else if (m.time() != null) {
                        e.setLastModifiedTime(m.time());
                    }
                    z.putNextEntry(e);
                    if (m.file() != null) {
                        Files.copy(m.file(), z);
                    } else if (m.bytes() != null) {
                        z.write(m.bytes());
                    }
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
