package dev.fashionmnist.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model jar: the model directory's files under META-INF/fashionmnist/model/ with artifact.properties (the training
 * project's coordinates) and a manifest, on an application's class path; written reproducibly like the model zip.
 */
class ModelJarTest {
    private static final ModelArchive.Coordinates TRAINED_BY =
            new ModelArchive.Coordinates("com.example", "my-classifier", "1.0");
    private static final String FOLDER = "META-INF/fashionmnist/model/";

    @TempDir
    Path dir;
    private Path model;

    @BeforeEach
    void setUp() throws Exception {
        model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("model.json"), "{\"formatVersion\": 1, \"architecture\": \"mlp\"}");
        Files.write(model.resolve("fashionmnist-0000.params"), new byte[] {'D', 'J', 'L', '@', 1, 2, 3, 4});
        Files.setLastModifiedTime(model.resolve("model.json"), FileTime.from(Instant.parse("2023-03-04T05:06:08Z")));
        Files.setLastModifiedTime(model.resolve("fashionmnist-0000.params"),
                FileTime.from(Instant.parse("2023-03-04T05:06:02Z")));
    }

    private Path jar(String name, Instant outputTimestamp) throws Exception {
        Path jar = dir.resolve(name);
        ModelArchive.jar(model, jar, outputTimestamp, TRAINED_BY, "9.8.7");
        return jar;
    }

    private static byte[] read(ZipFile z, String name) throws Exception {
        ZipEntry e = z.getEntry(name);
        assertNotNull(e, name + " in " + z.getName());
        try (InputStream in = z.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theJarHoldsTheZipsFilesUnderTheResourceFolderBesideArtifactPropertiesAndAManifest() throws Exception {
        Path jar = jar("m.jar", null);
        Path zip = dir.resolve("m.zip");
        ModelArchive.zip(model, zip);
        try (ZipFile j = new ZipFile(jar.toFile()); ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(List.of("META-INF/", JarFile.MANIFEST_NAME, "META-INF/fashionmnist/", FOLDER,
                    FOLDER + "artifact.properties", FOLDER + "fashionmnist-0000.params", FOLDER + "model.json"),
                    Collections.list(j.entries()).stream().map(ZipEntry::getName).toList());
            List<String> zipped = Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("model/fashionmnist-0000.params", "model/model.json"), zipped);
            for (String name : zipped) {
                String file = name.substring("model/".length());
                assertArrayEquals(read(z, name), read(j, FOLDER + file), file + ": the same bytes as in the zip");
            }
        }
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = in.getManifest();
            assertNotNull(manifest, "the manifest comes first, where JarInputStream looks for it");
            assertEquals("1.0", manifest.getMainAttributes().getValue("Manifest-Version"));
            assertEquals("fashionmnist-maven-plugin 9.8.7", manifest.getMainAttributes().getValue("Created-By"));
        }
    }

    @Test
    void onAClassPathTheModelAndItsCoordinatesAreResources() throws Exception {
        Path jar = jar("m.jar", null);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<URL> found = Collections.list(loader.getResources(FOLDER + "artifact.properties"));
            assertEquals(1, found.size());
            Properties p = new Properties();
            try (InputStream in = found.get(0).openStream()) {
                p.load(in);
            }
            assertEquals("com.example", p.getProperty("groupId"));
            assertEquals("my-classifier", p.getProperty("artifactId"));
            assertEquals("1.0", p.getProperty("version"));
            assertEquals(3, p.size(), "exactly groupId, artifactId and version: " + p);
            try (InputStream in = loader.getResourceAsStream(FOLDER + "model.json")) {
                assertArrayEquals(Files.readAllBytes(model.resolve("model.json")), in.readAllBytes());
            }
            assertNotNull(loader.getResource(FOLDER), "the folder itself is an entry");
        }
    }

    @Test
    void artifactPropertiesCarryNoDateAndKeepOddCharactersReadable() throws Exception {
        try (ZipFile j = new ZipFile(jar("m.jar", null).toFile())) {
            String text = new String(read(j, FOLDER + "artifact.properties"), StandardCharsets.ISO_8859_1);
            assertEquals("# The project that trained this model (written by fashionmnist-maven-plugin)\n"
                    + "groupId=com.example\nartifactId=my-classifier\nversion=1.0\n", text);
        }
        ModelArchive.Coordinates odd = new ModelArchive.Coordinates("g:x", " a=b#c!", "1.0 \\ é\t€\n");
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(odd.properties().getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(odd.groupId(), p.getProperty("groupId"));
        assertEquals(odd.artifactId(), p.getProperty("artifactId"));
        assertEquals(odd.version(), p.getProperty("version"));
        assertEquals(4, odd.properties().lines().count(), "one line per key, the comment first: " + odd.properties());
    }

    @Test
    void withoutOutputTimestampFilesKeepTheirTimesAndTheOtherEntriesTheNewestOfThem() throws Exception {
        try (ZipFile j = new ZipFile(jar("m.jar", null).toFile())) {
            for (ZipEntry e : Collections.list(j.entries())) {
                Instant expected = e.getName().endsWith(".params") ? Instant.parse("2023-03-04T05:06:02Z")
                        : Instant.parse("2023-03-04T05:06:08Z");
                assertEquals(expected, e.getLastModifiedTime().toInstant(), e.getName());
            }
        }
        assertArrayEquals(Files.readAllBytes(jar("m.jar", null)), Files.readAllBytes(jar("again.jar", null)),
                "the same model (restored from the model cache, say) gives the same jar");
    }

    @Test
    void withOutputTimestampTwoWritesAreByteIdenticalInAnyTimeZone() throws Exception {
        Instant timestamp = Instant.parse("2024-05-06T07:08:10Z");
        TimeZone zone = TimeZone.getDefault();
        Path first;
        Path second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            first = jar("first.jar", timestamp);
            for (String f : List.of("model.json", "fashionmnist-0000.params")) {
                Files.setLastModifiedTime(model.resolve(f), FileTime.from(Instant.parse("2031-01-02T03:04:06Z")));
            }
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            second = jar("second.jar", timestamp);
        } finally {
            TimeZone.setDefault(zone);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (ZipFile j = new ZipFile(first.toFile())) {
            for (ZipEntry e : Collections.list(j.entries())) {
                assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 10), e.getTimeLocal(), e.getName());
            }
        }
        assertFalse(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(jar("later.jar",
                Instant.parse("2024-05-06T07:08:12Z")))), "another timestamp, other bytes");
    }

    @Test
    void theJarIsWrittenAtomicallyOverAnEarlierOne() throws Exception {
        Path jar = jar("m.jar", null);
        Files.writeString(model.resolve("model.json"), "{\"formatVersion\": 1, \"architecture\": \"net\"}");
        ModelArchive.jar(model, jar, null, TRAINED_BY, "9.8.7");
        try (ZipFile j = new ZipFile(jar.toFile())) {
            assertArrayEquals(Files.readAllBytes(model.resolve("model.json")), read(j, FOLDER + "model.json"));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
        assertTrue(Files.isRegularFile(jar));
    }
}
