package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.testing.IdxFixtures;
import dev.fashionmnist.testing.LocalHttpServer;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFetcherTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    @TempDir
    Path tmp;

    private LocalHttpServer server;
    private final Map<DatasetFile, byte[]> raw = IdxFixtures.dataset();
    private final Map<DatasetFile, String> sha = IdxFixtures.sha256(raw);
    private final RecordingLog log = new RecordingLog();

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

    private DatasetSpec pinned(URI... official) {
        return new DatasetSpec("tiny", false, CLASSES, List.of(official), sha, Map.of(), List.of());
    }

    /** Timeouts that only bound a wait for a local server that works, never decide a test's outcome. */
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private FetchSettings settings(boolean offline, URI... mirrors) {
        return FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(mirrors)).offline(offline)
                .connectTimeout(GENEROUS).readTimeout(GENEROUS).retries(2).retryBackoff(Duration.ofMillis(10)).build();
    }

    private DatasetFiles fetch(DatasetSpec spec, FetchSettings settings) {
        return new DatasetFetcher(settings, log).fetch(spec);
    }

    private void assertComplete(DatasetFiles files) throws IOException {
        for (DatasetFile f : DatasetFile.values()) {
            assertArrayEquals(raw.get(f), Files.readAllBytes(files.path(f)), f + " is stored decoded");
            assertEquals(sha.get(f), files.sha256().get(f));
        }
        try (Stream<Path> list = Files.list(files.directory())) {
            List<String> names = list.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), "no temporary files left: " + names);
            assertEquals(9, names.size(), "four files, four checksums and the lock: " + names);
        }
    }

    @Test
    void fetchesVerifiesAndStoresFromAMirror() throws IOException {
        URI mirror = serve("m");
        DatasetFiles files = fetch(pinned(), settings(false, mirror));
        assertComplete(files);
        assertEquals(List.of(), log.infos.stream().filter(i -> i.contains("ubyte")).toList(),
                "no line per file at INFO");
        String summary = "tiny: 4 files verified from mirror " + java.util.regex.Pattern.quote(mirror.toString())
                + " in \\d+\\.\\d s";
        assertEquals(1, log.infos.stream().filter(i -> i.matches(summary)).count(), log.infos.toString());
        assertTrue(log.debugs.contains(DatasetFile.TRAIN_IMAGES.fileName() + ": verified from mirror " + mirror),
                log.debugs.toString());
        assertTrue(log.warnings.isEmpty(), log.warnings.toString());
    }

    @Test
    void verifiedSummaryIsOneLinePerDataset() {
        Map<Message, Integer> one = new java.util.LinkedHashMap<>();
        one.put(Messages.of("data.origin.cache"), 4);
        assertEquals("fashion-mnist: 4 files verified from the cache in 0.5 s",
                DatasetFetcher.verifiedSummary("fashion-mnist", one, 0.46).toString());
        Map<Message, Integer> two = new java.util.LinkedHashMap<>();
        two.put(Messages.of("data.origin.cache"), 3);
        Message mirror = new DataSource(DataSource.Kind.MIRROR, URI.create("http://m/")).description();
        two.put(Messages.of("data.origin.source", mirror), 1);
        assertEquals("mnist: 4 files verified (3 from the cache, 1 from mirror http://m/) in 12.0 s",
                DatasetFetcher.verifiedSummary("mnist", two, 12).toString());
        assertEquals("mnist: 4 Dateien (3 aus dem Cache, 1 von Spiegelserver http://m/) in 12,0 s geprüft",
                DatasetFetcher.verifiedSummary("mnist", two, 12).in(Language.GERMAN));
        Map<Message, Integer> single = Map.of(Messages.of("data.origin.earlier"), 1);
        assertEquals("mnist: 1 file verified earlier in this build in 0.1 s",
                DatasetFetcher.verifiedSummary("mnist", single, 0.1).toString());
        assertEquals("mnist: 1 Datei bereits in diesem Build in 0,1 s geprüft",
                DatasetFetcher.verifiedSummary("mnist", single, 0.1).in(Language.GERMAN));
    }

    @Test
    void secondFetchIsAVerifiedCacheHitWithoutNetwork() throws IOException {
        URI mirror = serve("m");
        fetch(pinned(), settings(false, mirror));
        int before = server.totalRequests();
        DatasetFiles again = fetch(pinned(), settings(false, mirror));
        assertEquals(before, server.totalRequests(), "no request on a cache hit");
        assertComplete(again);
    }

    @Test
    void notFoundMovesOnToTheNextSource() throws IOException {
        URI empty = server.base("empty");
        URI good = serve("good");
        DatasetFiles files = fetch(pinned(), settings(false, empty, good));
        assertComplete(files);
        assertEquals(1, server.requests("empty/train-images-idx3-ubyte.gz"), "a 404 is not retried");
        assertEquals(1, server.requests("empty/train-images-idx3-ubyte"), "the raw name is tried after .gz");
        assertTrue(log.warnings.isEmpty(), "a 404 is no warning: " + log.warnings);
    }

    @Test
    void serverErrorIsRetriedUntilItSucceeds() throws IOException {
        URI mirror = serve("m");
        server.behave("m/train-images-idx3-ubyte.gz", (ex, body, n) ->
                LocalHttpServer.send(ex, n == 1 ? 500 : 200, n == 1 ? "boom".getBytes() : body));
        DatasetFiles files = fetch(pinned(), settings(false, mirror));
        assertComplete(files);
        assertEquals(2, server.requests("m/train-images-idx3-ubyte.gz"));
        assertTrue(log.infos.stream().anyMatch(i -> i.contains("HTTP 500") && i.contains("retrying")),
                log.infos.toString());
    }

    @Test
    void truncatedBodyIsRetriedThenTheNextSourceIsUsed() throws IOException {
        URI broken = serve("broken");
        URI good = serve("good");
        server.behave("broken/train-images-idx3-ubyte.gz", (ex, body, n) -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            ex.getHttpContext().getServer(); // leave the rest unsent: the connection closes short
            throw new IOException("closing early on purpose");
        });
        DatasetFiles files = fetch(pinned(), settings(false, broken, good));
        assertComplete(files);
        assertEquals(3, server.requests("broken/train-images-idx3-ubyte.gz"), "tried 1 + 2 retries");
        assertTrue(log.warned("mirror " + broken), log.warnings.toString());
        assertTrue(log.infos.stream().anyMatch(i -> i.contains("from mirror " + good)), log.infos.toString());
    }

    @Test
    void wrongChecksumIsReportedAndTheNextSourceIsUsed() throws IOException {
        URI bad = serve("bad");
        URI good = serve("good");
        server.file("bad/t10k-labels-idx1-ubyte.gz",
                IdxFixtures.gzip(IdxFixtures.labels(IdxFixtures.TEST, IdxFixtures.CLASSES, 99)));
        DatasetFiles files = fetch(pinned(), settings(false, bad, good));
        assertComplete(files);
        assertTrue(log.warned("checksum mismatch"), log.warnings.toString());
        assertTrue(log.warned(sha.get(DatasetFile.TEST_LABELS)), "the warning shows the expected checksum");
    }

    @Test
    void serverThatNeverAnswersTimesOutAndTheNextSourceIsUsed() throws IOException {
        // only the silent request meets the short read timeout: the silent mirror has no other file (404), and the
        // good source is a folder
        URI silent = server.base("silent");
        server.behave("silent/train-labels-idx1-ubyte.gz", new LocalHttpServer.Gate()); // never opened
        Path folder = tmp.resolve("good");
        IdxFixtures.write(folder, raw, true);
        URI good = folder.toUri();
        FetchSettings quick = FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(silent, good))
                .connectTimeout(GENEROUS).readTimeout(Duration.ofSeconds(2)).retries(1)
                .retryBackoff(Duration.ofMillis(10)).build();
        DatasetFiles files = fetch(pinned(), quick);
        assertComplete(files);
        assertEquals(2, server.requests("silent/train-labels-idx1-ubyte.gz"), "a timeout is retried");
        assertTrue(log.warned("no answer within the timeout (connectTimeout 60 s, readTimeout 2 s)"),
                log.warnings.toString());
    }

    @Test
    void concurrentFetchesIntoOneCacheDownloadEachFileOnce() throws Exception {
        URI mirror = serve("m");
        LocalHttpServer.Gate gate = new LocalHttpServer.Gate();
        server.behave("m/train-images-idx3-ubyte.gz", gate);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            RecordingLog secondLog = new RecordingLog();
            Future<DatasetFiles> first = pool.submit(() -> fetch(pinned(), settings(false, mirror)));
            server.awaitRequests("m/train-images-idx3-ubyte.gz", 1); // the first fetch holds the cache
            Future<DatasetFiles> second = pool.submit(() -> new DatasetFetcher(settings(false, mirror), secondLog)
                    .fetch(pinned()));
            secondLog.awaitInfo("Waiting for another goal of this build");
            gate.open();
            assertComplete(first.get(LocalHttpServer.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertComplete(second.get(LocalHttpServer.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertTrue(secondLog.infos.stream().anyMatch(i -> i.contains("4 files verified from the cache")),
                    "the second fetch finds all four files in the cache: " + secondLog.infos);
        } finally {
            pool.shutdownNow();
        }
        for (DatasetFile f : DatasetFile.values()) {
            assertEquals(1, server.requests("m/" + f.gzipName()), f + " downloaded once");
        }
    }

    @Test
    void concurrentProcessesShareOneCache() throws Exception {
        URI mirror = serve("m");
        LocalHttpServer.Gate gate = new LocalHttpServer.Gate();
        server.behave("m/train-images-idx3-ubyte.gz", gate);
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                FetchInOtherProcess.class.getName(), tmp.resolve("cache").toString(), mirror.toString()));
        raw.keySet().forEach(f -> command.add(f.fileName() + "=" + sha.get(f)));
        Process other = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("other.log").toFile()).start();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            server.awaitRequests("m/train-images-idx3-ubyte.gz", 1); // the other process holds the cache
            Future<DatasetFiles> here = pool.submit(() -> fetch(pinned(), settings(false, mirror)));
            log.awaitInfo("Waiting for another build (pid");
            gate.open();
            assertComplete(here.get(LocalHttpServer.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertTrue(other.waitFor(LocalHttpServer.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the other process ends");
            assertEquals(0, other.exitValue(), Files.readString(tmp.resolve("other.log")));
        } finally {
            pool.shutdownNow();
            other.destroyForcibly();
        }
        for (DatasetFile f : DatasetFile.values()) {
            assertEquals(1, server.requests("m/" + f.gzipName()), f + " downloaded once across two processes");
        }
    }

    @Test
    void whenEverySourceFailsTheErrorListsEachSourceAndWhy() {
        URI empty = server.base("empty");
        URI official = server.base("official");
        server.behave("official/train-images-idx3-ubyte.gz", (ex, body, n) ->
                LocalHttpServer.send(ex, 503, "busy".getBytes()));
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetch(pinned(official), settings(false, empty)));
        String m = e.getMessage();
        assertTrue(m.contains("Could not get train-images-idx3-ubyte of dataset 'tiny'"), m);
        assertTrue(m.contains("mirror " + empty + ": not found"), m);
        assertTrue(m.contains("official " + official + ": train-images-idx3-ubyte.gz: HTTP 503"), m);
        assertTrue(m.contains("gave up after 3 attempts"), m);
        assertFalse(Files.exists(tmp.resolve("cache/tiny/train-images-idx3-ubyte")), "nothing half-written");
    }

    @Test
    void offlineUsesOnlyFileSources() throws IOException {
        URI online = serve("m");
        Path folder = tmp.resolve("copy");
        IdxFixtures.write(folder, raw, true);
        DatasetFiles files = fetch(pinned(online), settings(true, online, folder.toUri()));
        assertComplete(files);
        assertEquals(0, server.totalRequests(), "no network in offline mode");
    }

    @Test
    void offlineWithAnEmptyCacheSaysHowToFillIt() {
        URI online = serve("m");
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetch(pinned(online), settings(true, online)));
        String m = e.getMessage();
        assertTrue(m.contains("skipped, Maven is offline (-o)"), m);
        assertTrue(m.contains("mvn fashionmnist:download-data") && m.contains("file:///"), m);
        assertEquals(0, server.totalRequests());
    }

    /**
     * Offline, with the system copy switched off: the hint names the copy that is there and how to use it, not the
     * package to install (which is installed); with no copy there, the plain offline hint. Switched on, a missing copy
     * gets the package to install.
     */
    @Test
    void offlineHintFitsTheSystemCopySetting() throws IOException {
        Path copy = tmp.resolve("usr-share-datasets");
        IdxFixtures.write(copy, raw, true);
        DatasetSpec withCopy = new DatasetSpec("tiny", false, CLASSES, List.of(), sha, Map.of(), List.of(copy));
        FetchSettings off = settings(true, tmp.resolve("no-mirror").toUri()).toBuilder().useSystemCopies(false)
                .build();
        String m = assertThrows(DatasetException.class, () -> fetch(withCopy, off)).getMessage();
        assertTrue(m.contains("A system copy of the dataset is in " + copy + ", but systemCopies is false")
                && m.contains("-Dfashionmnist.systemCopies=true"), m);
        assertFalse(m.contains("apt-get"), m);
        assertTrue(Messages.of(assertThrows(DatasetException.class, () -> fetch(withCopy, off)), Language.GERMAN)
                .contains("aber systemCopies ist ausgeschaltet"));

        DatasetSpec absent = new DatasetSpec("tiny", false, CLASSES, List.of(), sha, Map.of(),
                List.of(tmp.resolve("not-installed")));
        m = assertThrows(DatasetException.class, () -> fetch(absent, off)).getMessage();
        assertFalse(m.contains("apt-get") || m.contains("systemCopies"), m);
        assertTrue(m.contains("run 'mvn fashionmnist:download-data' once online"), m);

        FetchSettings on = off.toBuilder().useSystemCopies(true).build();
        m = assertThrows(DatasetException.class, () -> fetch(absent, on)).getMessage();
        assertTrue(m.contains("apt-get install dataset-fashion-mnist"), m);
    }

    @Test
    void theErrorListsTheSourcesInTheReadersLanguage() {
        URI online = serve("m");
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetch(pinned(online), settings(true, online)));
        Path cache = tmp.resolve("cache").resolve("tiny").toAbsolutePath().normalize();
        assertEquals("Could not get train-images-idx3-ubyte of dataset 'tiny': the cache " + cache + " holds no "
                + "verified copy. Sources tried:\n  - mirror " + online + ": skipped, Maven is offline (-o)\n"
                + "  - official " + online + ": skipped, Maven is offline (-o)\nMaven is offline (-o). To fill the "
                + "cache: run 'mvn fashionmnist:download-data' once online, or point -Dfashionmnist.mirrors at a "
                + "file:///folder/ holding the four files.", e.getMessage());
        assertEquals("Konnte train-images-idx3-ubyte des Datensatzes 'tiny' nicht holen: der Cache " + cache
                + " enthält keine geprüfte Kopie. Versuchte Quellen:\n  - Spiegelserver " + online
                + ": übersprungen, Maven ist offline (-o)\n  - Originalquelle " + online
                + ": übersprungen, Maven ist offline (-o)\n"
                + "Maven ist offline (-o). So füllst Du den Cache: führe 'mvn fashionmnist:download-data' einmal "
                + "online aus, oder richte -Dfashionmnist.mirrors auf einen Ordner file:///folder/ mit den vier "
                + "Dateien.", Messages.of(e, Language.GERMAN));
    }

    @Test
    void aSourceWithoutTheFileIsLoggedInGerman() throws IOException {
        URI empty = server.base("empty");
        URI good = serve("good");
        RecordingLog german = new RecordingLog(Language.GERMAN);
        assertComplete(new DatasetFetcher(settings(false, empty, good), german).fetch(pinned()));
        assertTrue(german.infos.contains("Spiegelserver " + empty + ": nicht gefunden: train-images-idx3-ubyte.gz "
                + "(HTTP 404 Not Found), train-images-idx3-ubyte (HTTP 404 Not Found); die nächste Quelle wird "
                + "versucht"), german.infos.toString());
    }

    @Test
    void customSetWithoutChecksumsIsRefusedOverHttpUnlessAllowed() throws IOException {
        URI mirror = serve("m");
        DatasetSpec unpinned = DatasetCatalog.resolve("tiny", CLASSES, Map.of());
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(unpinned, settings(false, mirror)));
        assertTrue(e.getMessage().contains("'checksums'") && e.getMessage().contains("allowUnverified"),
                e.getMessage());
        assertEquals(0, server.totalRequests());

        FetchSettings allow = FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(mirror))
                .allowUnverified(true).connectTimeout(GENEROUS).readTimeout(GENEROUS).retries(0)
                .retryBackoff(Duration.ofMillis(10)).build();
        assertComplete(fetch(unpinned, allow));
        int before = server.totalRequests();
        assertComplete(fetch(unpinned, allow));
        assertEquals(before, server.totalRequests(), "the recorded checksum makes the cache verifiable");
    }

    @Test
    void customSetWithoutChecksumsIsAcceptedFromAFileMirrorWithRawFiles() throws IOException {
        Path folder = tmp.resolve("raw copy");
        IdxFixtures.write(folder, raw, false);
        DatasetSpec unpinned = DatasetCatalog.resolve("tiny", CLASSES, Map.of());
        assertComplete(fetch(unpinned, settings(false, folder.toUri())));
    }

    @Test
    void archiveMd5AloneVerifiesTheOfficialArchiveAndRejectsARecompressedCopy() throws IOException {
        Map<DatasetFile, String> md5 = new java.util.EnumMap<>(DatasetFile.class);
        raw.forEach((f, bytes) -> md5.put(f, IdxFixtures.md5(IdxFixtures.gzip(bytes))));
        DatasetSpec md5Only = new DatasetSpec("digits", true, CLASSES, List.of(serve("official")), Map.of(), md5,
                List.of());
        URI recompressed = server.base("recompressed");
        raw.forEach((f, bytes) -> server.file("recompressed/" + f.gzipName(), IdxFixtures.gzip(bytes, 1)));
        DatasetFiles files = fetch(md5Only, settings(false, recompressed));
        assertComplete(files);
        assertTrue(log.warned("archive MD5"), log.warnings.toString());
        assertTrue(log.infos.stream().anyMatch(i -> i.contains("1 from official")), log.infos.toString());
    }

    @Test
    void decodedChecksumAcceptsARecompressedCopy() throws IOException {
        URI recompressed = server.base("recompressed");
        raw.forEach((f, bytes) -> server.file("recompressed/" + f.gzipName(), IdxFixtures.gzip(bytes, 1)));
        Map<DatasetFile, String> otherMd5 = new java.util.EnumMap<>(DatasetFile.class);
        raw.forEach((f, bytes) -> otherMd5.put(f, IdxFixtures.md5(IdxFixtures.gzip(bytes, 9))));
        DatasetSpec spec = new DatasetSpec("tiny", false, CLASSES, List.of(), sha, otherMd5, List.of());
        assertComplete(fetch(spec, settings(false, recompressed)));
        assertTrue(log.warnings.isEmpty(), log.warnings.toString());
    }

    @Test
    void corruptedCacheFileIsDetectedAndFetchedAgain() throws IOException {
        URI mirror = serve("m");
        DatasetFiles first = fetch(pinned(), settings(false, mirror));
        Path cached = first.path(DatasetFile.TEST_IMAGES);
        byte[] bytes = Files.readAllBytes(cached);
        bytes[100] ^= 1;
        Files.write(cached, bytes);
        assertComplete(fetch(pinned(), settings(false, mirror)));
        assertTrue(log.warned("fails verification"), log.warnings.toString());
        assertEquals(2, server.requests("m/t10k-images-idx3-ubyte.gz"));
        assertEquals(1, server.requests("m/train-images-idx3-ubyte.gz"));
    }

    @Test
    void malformedIdxFromAnUnverifiedSourceIsRejected() throws IOException {
        Path folder = tmp.resolve("broken");
        IdxFixtures.write(folder, raw, true);
        Files.write(folder.resolve(DatasetFile.TRAIN_LABELS.gzipName()),
                IdxFixtures.gzip(IdxFixtures.labels(IdxFixtures.TRAIN, 10, 5)));
        DatasetSpec unpinned = DatasetCatalog.resolve("tiny", CLASSES, Map.of());
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetch(unpinned, settings(false, folder.toUri())));
        assertTrue(e.getMessage().contains("not a valid IDX file") && e.getMessage().contains("3 classes"),
                e.getMessage());
    }

    @Test
    void aCacheFolderThatCannotBeCreatedNamesTheParameter() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        FetchSettings s = FetchSettings.builder().dataDirectory(file.resolve("cache")).mirrors(List.of(serve("m")))
                .connectTimeout(GENEROUS).readTimeout(GENEROUS).retries(0).retryBackoff(Duration.ofMillis(10)).build();
        DatasetException e = assertThrows(DatasetException.class, () -> new DatasetFetcher(s, log).fetch(pinned()));
        assertTrue(e.getMessage().contains("'dataDirectory'"), e.getMessage());
    }

    @Test
    void customSetWithoutAnySourceSaysToSetMirrors() {
        DatasetSpec unpinned = DatasetCatalog.resolve("tiny", CLASSES, Map.of());
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(unpinned, settings(false)));
        assertTrue(e.getMessage().contains("set 'mirrors'"), e.getMessage());
    }

    @Test
    void systemCopiesComeAfterMirrorsAndBeforeOfficialUrlsAndCanBeSwitchedOff() throws IOException {
        Path system = tmp.resolve("system");
        Files.createDirectories(system);
        URI mirror = server.base("m");
        URI official = server.base("o");
        DatasetSpec spec = new DatasetSpec("tiny", true, CLASSES, List.of(official), sha, Map.of(), List.of(system,
                tmp.resolve("absent")));
        List<DataSource> sources = new DatasetFetcher(settings(false, mirror), log).sources(spec);
        assertEquals(List.of(new DataSource(DataSource.Kind.MIRROR, mirror), DataSource.systemCopy(system),
                new DataSource(DataSource.Kind.OFFICIAL, official)), sources);
        FetchSettings noSystem = FetchSettings.builder().dataDirectory(tmp).mirrors(List.of(mirror))
                .useSystemCopies(false).connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1))
                .retries(0).retryBackoff(Duration.ofMillis(1)).build();
        assertEquals(2, new DatasetFetcher(noSystem, log).sources(spec).size());
    }

    // Within one build (one VerifiedFiles), each dataset file is hashed and logged once, not once per goal.

    /** One goal of {@code build}: fetches the dataset with the build's verified files and its own log. */
    private RecordingLog goal(URI mirror, VerifiedFiles build) {
        RecordingLog log = new RecordingLog();
        FetchSettings settings = FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(mirror))
                .useSystemCopies(false).connectTimeout(GENEROUS).readTimeout(GENEROUS).retries(0)
                .retryBackoff(Duration.ofMillis(10)).build();
        new DatasetFetcher(settings, log, build).fetch(pinned());
        return log;
    }

    private static long verifiedLines(RecordingLog log) {
        return log.infos.stream().filter(i -> i.contains(" verified ")).count();
    }

    @Test
    void laterGoalsOfTheBuildNeitherHashNorLogTheFilesAgain() throws IOException {
        URI mirror = serve("m");
        VerifiedFiles build = new VerifiedFiles();
        RecordingLog download = goal(mirror, build);
        assertEquals(1, verifiedLines(download), "the first goal fetches the four files, logs one line: "
                + download.infos);
        // a damage that leaves size, time and inode as they were: only hashing can find it
        Path images = tmp.resolve("cache/tiny").resolve(DatasetFile.TEST_IMAGES.fileName());
        FileTime time = Files.getLastModifiedTime(images);
        byte[] bytes = Files.readAllBytes(images);
        bytes[100] ^= 1;
        Files.write(images, bytes);
        Files.setLastModifiedTime(images, time);
        RecordingLog train = goal(mirror, build);
        assertTrue(train.warnings.isEmpty(), "the file was not hashed again: " + train.warnings);
        assertEquals(0, verifiedLines(train), "no second verification line: " + train.infos);
        assertEquals(4, train.debugs.stream().filter(d -> d.endsWith("ubyte: verified earlier in this build")).count(),
                train.debugs.toString());
        RecordingLog nextBuild = goal(mirror, new VerifiedFiles());
        assertTrue(nextBuild.warned("fails verification"), "a new build hashes again: " + nextBuild.warnings);
        assertEquals(2, server.requests("m/" + DatasetFile.TEST_IMAGES.gzipName()));
    }

    @Test
    void aFileChangedSinceItsVerificationIsHashedAgain() throws IOException {
        URI mirror = serve("m");
        VerifiedFiles build = new VerifiedFiles();
        goal(mirror, build);
        Path images = tmp.resolve("cache/tiny").resolve(DatasetFile.TEST_IMAGES.fileName());
        FileTime before = Files.getLastModifiedTime(images);
        byte[] bytes = Files.readAllBytes(images);
        bytes[100] ^= 1;
        Files.write(images, bytes);
        // the same size; the write's time as a file system with a coarse clock would show a later write
        Files.setLastModifiedTime(images, FileTime.fromMillis(before.toMillis() + 2000));
        RecordingLog evaluate = goal(mirror, build);
        assertTrue(evaluate.warned("fails verification"), evaluate.warnings.toString());
        assertEquals(2, server.requests("m/" + DatasetFile.TEST_IMAGES.gzipName()), "fetched again");
        assertFalse(evaluate.infos.stream().anyMatch(i -> i.startsWith(DatasetFile.TRAIN_IMAGES.fileName())),
                "the unchanged files are not logged again: " + evaluate.infos);
    }
}
