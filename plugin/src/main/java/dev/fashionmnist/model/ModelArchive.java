package dev.fashionmnist.model;

import dev.fashionmnist.data.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The model directory as one zip, and as a jar for an application's class path: the artifacts that {@code mvn install}
 * and {@code deploy} archive.
 */
public final class ModelArchive {
    private static final String MODEL = "model/";
    /** The resource folder of the model jar that holds the model directory's files; the runtime reads it there. */
    public static final String JAR_FOLDER = "META-INF/fashionmnist/model/";
    /** The file in {@link #JAR_FOLDER} with the coordinates (groupId, artifactId, version) of the training project. */
    public static final String ARTIFACT_PROPERTIES = "artifact.properties";

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
