package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Within one build (one {@link VerifiedFiles}), each dataset file is hashed and logged once, not once per goal. */
class VerifiedFilesTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private LocalHttpServer server;
    private final Map<DatasetFile, byte[]> raw = IdxFixtures.dataset();
    private final DatasetSpec spec = new DatasetSpec("tiny", false, List.of("a", "b", "c"), List.of(),
            IdxFixtures.sha256(raw), Map.of(), List.of());
    private final VerifiedFiles build = new VerifiedFiles();

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One goal of {@code build}: fetches the dataset with the build's verified files and its own log. */
    private RecordingLog goal(URI mirror, VerifiedFiles build) {
        RecordingLog log = new RecordingLog();
        FetchSettings settings = new FetchSettings(tmp.resolve("cache"), List.of(mirror), false, false, false,
                GENEROUS, GENEROUS, 0, Duration.ofMillis(10));
        new DatasetFetcher(settings, log, build).fetch(spec);
        return log;
    }

    private static long verifiedLines(RecordingLog log) {
        return log.infos.stream().filter(i -> i.contains(": verified, from")).count();
    }

    @Test
    void laterGoalsOfTheBuildNeitherHashNorLogTheFilesAgain() throws IOException {
        URI mirror = server.serveGzipped("m", raw);
        RecordingLog download = goal(mirror, build);
        assertEquals(4, verifiedLines(download), "the first goal fetches and logs the four files: " + download.infos);
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
        assertEquals(4, train.debugs.stream().filter(d -> d.contains("verified earlier in this build")).count(),
                train.debugs.toString());
        RecordingLog nextBuild = goal(mirror, new VerifiedFiles());
        assertTrue(nextBuild.warned("fails verification"), "a new build hashes again: " + nextBuild.warnings);
        assertEquals(2, server.requests("m/" + DatasetFile.TEST_IMAGES.gzipName()));
    }

    @Test
    void aFileChangedSinceItsVerificationIsHashedAgain() throws IOException {
        URI mirror = server.serveGzipped("m", raw);
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
