package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.testing.IdxFixtures;
import dev.fashionmnist.testing.LocalHttpServer;
import dev.fashionmnist.testing.RecordingLog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files reach the cache only when all four fit together, and writing them fails with the file's name. */
class CacheCommitTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    @TempDir
    Path tmp;

    private LocalHttpServer server;
    private final Map<DatasetFile, byte[]> raw = IdxFixtures.dataset();
    private final RecordingLog log = new RecordingLog();
    /** A custom set without checksums: only the cross-checks can find that its files do not fit together. */
    private final DatasetSpec unpinned = DatasetCatalog.resolve("tiny", CLASSES, Map.of());
    private final byte[] oneLabelShort = IdxFixtures.labels(IdxFixtures.TRAIN - 1, IdxFixtures.CLASSES, 2);

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves the tiny dataset as .gz files under {@code /folder/}. */
    private URI serve(String folder) {
        return server.serveGzipped(folder, raw);
    }

    private DatasetFiles fetch(URI mirror) {
        FetchSettings settings = FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(mirror))
                .useSystemCopies(false).allowUnverified(true).connectTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(60)).retries(0).retryBackoff(Duration.ofMillis(10)).build();
        return new DatasetFetcher(settings, log).fetch(unpinned);
    }

    private List<String> cacheContent() throws IOException {
        try (Stream<Path> list = Files.list(tmp.resolve("cache/tiny"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertComplete(DatasetFiles files) throws IOException {
        for (DatasetFile f : DatasetFile.values()) {
            assertArrayEquals(raw.get(f), Files.readAllBytes(files.path(f)), f.fileName());
        }
        assertEquals(9, cacheContent().size(), "four files, four checksums and the lock: " + cacheContent());
        files.load();
    }

    @Test
    void inconsistentFilesAreNotCommittedAndTheFixedSourceWorksWithoutTouchingTheCache() throws IOException {
        URI mirror = serve("m");
        server.file("m/" + DatasetFile.TRAIN_LABELS.gzipName(), IdxFixtures.gzip(oneLabelShort));

        DatasetException e = assertThrows(DatasetException.class, () -> fetch(mirror));
        String m = e.getMessage();
        assertTrue(m.contains(mirror + "train-labels-idx1-ubyte.gz: holds 39 labels but " + mirror
                + "train-images-idx3-ubyte.gz holds 40 images; each image needs exactly one label"), m);
        assertTrue(m.contains("Nothing new was stored in the cache. Fix the source and run again."), m);
        assertEquals(List.of(".lock"), cacheContent(), "nothing committed, nothing left over");

        server.file("m/" + DatasetFile.TRAIN_LABELS.gzipName(), IdxFixtures.gzip(raw.get(DatasetFile.TRAIN_LABELS)));
        assertComplete(fetch(mirror));
    }

    @Test
    void inconsistentFilesAlreadyInTheCacheAreRemovedSoTheNextRunFetchesThemAgain() throws IOException {
        URI mirror = serve("m");
        Path cache = tmp.resolve("cache/tiny");
        Files.createDirectories(cache);
        for (DatasetFile f : DatasetFile.values()) { // as an older version left them: each with its checksum
            byte[] bytes = f == DatasetFile.TRAIN_LABELS ? oneLabelShort : raw.get(f);
            Files.write(cache.resolve(f.fileName()), bytes);
            Files.writeString(cache.resolve(f.fileName() + ".sha256"),
                    IdxFixtures.sha256(bytes) + "  " + f.fileName() + "\n");
        }

        DatasetException e = assertThrows(DatasetException.class, () -> fetch(mirror));
        String m = e.getMessage();
        assertTrue(m.contains("holds 39 labels but") && m.contains("the next run fetches them again: "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte"), m);
        assertEquals(0, server.totalRequests(), "every file was a cache hit");
        assertFalse(Files.exists(cache.resolve(DatasetFile.TRAIN_LABELS.fileName())), cacheContent().toString());

        assertComplete(fetch(mirror));
        assertEquals(1, server.requests("m/" + DatasetFile.TRAIN_LABELS.gzipName()));
    }

    @Test
    void differentImageSizesAreNotCommitted() throws IOException {
        URI mirror = serve("m");
        server.file("m/" + DatasetFile.TEST_IMAGES.gzipName(),
                IdxFixtures.gzip(IdxFixtures.images(IdxFixtures.TEST, 14, 14, 3)));
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(mirror));
        assertTrue(e.getMessage().contains("test images are 14x14 pixels but training images"), e.getMessage());
        assertEquals(List.of(".lock"), cacheContent());
    }

    @Test
    void filesWithPublishedChecksumsAreKeptWhenALaterFileCannotBeFetched() throws IOException {
        URI mirror = serve("m");
        byte[] testImages = IdxFixtures.gzip(raw.get(DatasetFile.TEST_IMAGES));
        server.remove("m/" + DatasetFile.TEST_IMAGES.gzipName());
        DatasetSpec pinned = new DatasetSpec("tiny", false, CLASSES, List.of(), IdxFixtures.sha256(raw), Map.of(),
                List.of());
        FetchSettings settings = FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(mirror))
                .useSystemCopies(false).connectTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(60))
                .retries(0).retryBackoff(Duration.ofMillis(10)).build();
        assertThrows(DatasetException.class, () -> new DatasetFetcher(settings, log).fetch(pinned));
        assertEquals(List.of(".lock", "train-images-idx3-ubyte", "train-images-idx3-ubyte.sha256",
                "train-labels-idx1-ubyte", "train-labels-idx1-ubyte.sha256"), cacheContent());

        server.file("m/" + DatasetFile.TEST_IMAGES.gzipName(), testImages);
        assertComplete(new DatasetFetcher(settings, log).fetch(pinned));
        assertEquals(1, server.requests("m/" + DatasetFile.TRAIN_IMAGES.gzipName()), "not downloaded twice");
    }

    @Test
    void filesWithoutPublishedChecksumsAreNotKeptWhenALaterFileCannotBeFetched() throws IOException {
        URI mirror = serve("m");
        server.remove("m/" + DatasetFile.TEST_IMAGES.gzipName());
        assertThrows(DatasetException.class, () -> fetch(mirror));
        assertEquals(List.of(".lock"), cacheContent());
    }

    @Test
    void aFailedWriteIntoTheCacheNamesTheFileAndTheReason() throws IOException {
        URI mirror = serve("m");
        Path inTheWay = tmp.resolve("cache/tiny/" + DatasetFile.TRAIN_IMAGES.fileName());
        Files.createDirectories(inTheWay.resolve("something"));
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(mirror));
        String m = e.getMessage();
        assertTrue(m.startsWith("Parameter 'dataDirectory': cannot write " + inTheWay + ": "), m);
        assertTrue(m.contains("choose another cache folder with -Dfashionmnist.dataDirectory="), m);
        assertFalse(m.contains(".part"), "the temporary file is no business of the user: " + m);
        assertFalse(m.contains("Exception"), "no Java class names: " + m);
        try (Stream<Path> files = Files.list(inTheWay.getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files left");
        }
    }
}
