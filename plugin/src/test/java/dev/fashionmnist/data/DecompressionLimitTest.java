package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that decodes to more than its IDX header promises never fills the disk: decoding stops right there. */
class DecompressionLimitTest {
    private static final int IMAGES = 10;
    /** What the bomb's header promises: 16 header bytes and 10 images of 28x28 pixels. */
    private static final long PROMISED = 16 + IMAGES * 28 * 28;
    private static final long ZEROS = 300L << 20;
    private static byte[] bomb;

    @TempDir
    Path tmp;

    private LocalHttpServer server;
    private final Map<DatasetFile, byte[]> raw = IdxFixtures.dataset();
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void makeBomb() {
        bomb = IdxFixtures.gzipBomb(IdxFixtures.imagesHeader(IMAGES, 28, 28), ZEROS);
        assertTrue(bomb.length < 1 << 20, "a small file: " + bomb.length + " bytes inflating to 300 MB");
    }

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DatasetFiles fetch(URI mirror) {
        DatasetSpec spec = new DatasetSpec("tiny", false, List.of("a", "b", "c"), List.of(),
                IdxFixtures.sha256(raw), Map.of(), List.of());
        FetchSettings settings = FetchSettings.builder().dataDirectory(tmp.resolve("cache")).mirrors(List.of(mirror))
                .useSystemCopies(false).connectTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(60))
                .retries(2).retryBackoff(Duration.ofMillis(10)).build();
        return new DatasetFetcher(settings, log).fetch(spec);
    }

    private Path cacheFolder() {
        return tmp.resolve("cache/tiny");
    }

    private void assertNothingLargerThan(long bytes) throws IOException {
        try (Stream<Path> files = Files.walk(cacheFolder())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertTrue(Files.size(f) <= bytes, f + " holds " + Files.size(f) + " bytes");
                assertTrue(!f.getFileName().toString().endsWith(".part"), "temporary file left: " + f);
            }
        }
    }

    @Test
    void gzipBombFromAnHttpMirrorIsStoppedAtThePromisedSize() throws IOException {
        raw.forEach((f, bytes) -> server.file("m/" + f.gzipName(), IdxFixtures.gzip(bytes)));
        server.file("m/" + DatasetFile.TRAIN_IMAGES.gzipName(), bomb);
        URI mirror = server.base("m");
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(mirror));
        String m = e.getMessage();
        assertTrue(m.contains(mirror + "train-images-idx3-ubyte.gz inflates past the " + PROMISED
                + " bytes its IDX header (10x28x28) promises"), m);
        assertTrue(m.contains("exactly its header plus one byte per element"), m);
        assertEquals(1, server.requests("m/train-images-idx3-ubyte.gz"), "a bomb is not retried");
        assertNothingLargerThan(PROMISED);
    }

    @Test
    void gzipBombFromAFileMirrorIsStoppedAtThePromisedSize() throws IOException {
        Path folder = tmp.resolve("copy");
        IdxFixtures.write(folder, raw, true);
        Path bombFile = folder.resolve(DatasetFile.TRAIN_IMAGES.gzipName());
        Files.write(bombFile, bomb);
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(folder.toUri()));
        String m = e.getMessage();
        assertTrue(m.contains(bombFile + " inflates past the " + PROMISED
                + " bytes its IDX header (10x28x28) promises"), m);
        assertNothingLargerThan(PROMISED);
    }

    @Test
    void headerThatPromisesMoreThanTheCapIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path folder = tmp.resolve("copy");
        IdxFixtures.write(folder, raw, true);
        byte[] absurd = IdxFixtures.imagesHeader(65536, 256, 256); // 2^32 pixels
        Files.write(folder.resolve(DatasetFile.TRAIN_IMAGES.gzipName()), IdxFixtures.gzipBomb(absurd, 1 << 20));
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(folder.toUri()));
        String m = e.getMessage();
        assertTrue(m.contains("header dimensions 65536x256x256 promise more than " + IdxDecoder.MAX_DATA_BYTES
                + " bytes of data"), m);
        assertTrue(m.contains(folder.resolve(DatasetFile.TRAIN_IMAGES.gzipName()).toString()), m);
        assertNothingLargerThan(0);
    }

    @Test
    void anAnswerAnnouncingMoreThanAnyIdxFileIsRefusedBeforeDownloading() throws IOException {
        raw.forEach((f, bytes) -> server.file("m/" + f.gzipName(), IdxFixtures.gzip(bytes)));
        server.behave("m/" + DatasetFile.TRAIN_IMAGES.gzipName(), (ex, body, n) -> {
            ex.sendResponseHeaders(200, 3L << 30); // announces 3 GiB, sends nothing
            ex.getResponseBody().flush();
        });
        DatasetException e = assertThrows(DatasetException.class, () -> fetch(server.base("m")));
        assertTrue(e.getMessage().contains("the answer announces " + (3L << 30) + " bytes, more than the "
                + HttpDownloader.MAX_BODY_BYTES + " bytes any IDX file (or its .gz) can have"), e.getMessage());
        assertNothingLargerThan(0);
    }
}
