package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.io.LocalHost;
import dev.fashionmnist.model.ModelArchive;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.testing.FileTrees;
import dev.fashionmnist.testing.ProcessOutput;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model cache with a real model (mlp, one epoch on 500 images of the real Fashion-MNIST, the real PyTorch CPU
 * natives): store, restore into a clean output folder, damaged and half entries, eviction, and two threads or two
 * JVMs storing the same fingerprint, synchronised by the cache's lock and their log lines, never by time.
 */
class ModelCacheTest {
    private static final long BOUND_SECONDS = 60;
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    /** The output folder of one real training with fingerprint {@link #A}. */
    @TempDir
    static Path trained;

    @TempDir
    Path tmp;

    private final RecordingLog log = new RecordingLog();
    private final List<Process> started = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void train() throws Exception {
        TrainJob j = TrainingTest.job(trained, "mlp", null, 500, 200, 1, false, 42);
        TrainJob job = j.toBuilder().outputDirectory(trained).fingerprint(A).interactive(false).build();
        new Training(job, BuildLog.console(), TrainingProgress.NONE).run(RealData.load());
    }

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
        threads.shutdownNow();
    }

    /** A copy of the trained output folder, as the run with {@code fingerprint} would leave it. */
    private Path output(String name, String fingerprint) throws IOException {
        Path out = tmp.resolve(name);
        FileTrees.copy(trained, out);
        Path card = out.resolve("model").resolve(ModelCard.FILE);
        Files.writeString(card, Files.readString(card).replace(A, fingerprint));
        return out;
    }

    private ModelCache cache(int size) {
        return new ModelCache(tmp.resolve("models"), size, log);
    }

    private static void assertSameFile(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual + " differs from "
                + expected);
    }

    @Test
    void aStoredRunIsRestoredAsItsTrainingLeftIt() throws Exception {
        ModelCache cache = cache(20);
        Path built = output("built", A);
        cache.store(A, built);
        Path entry = cache.entry(A);
        assertTrue(Files.isRegularFile(entry.resolve("model").resolve(ModelCard.FILE)), "stored: " + log.infos);
        ModelCache.Entry record = Json.readFile(entry.resolve(ModelCache.ENTRY), ModelCache.Entry.class);
        assertEquals(A, record.fingerprint());
        assertEquals(LocalHost.name(), record.host());

        // a clean build's output folder, or one with another run's model and checkpoints
        Path out = tmp.resolve("clean");
        Files.createDirectories(out.resolve("checkpoints/epoch-0007"));
        Files.createDirectories(out.resolve("model"));
        Files.writeString(out.resolve("model").resolve(ModelCard.FILE), "{\"fingerprint\": \"another run\"}");
        ModelCard card = cache.restore(A, out);
        assertNotNull(card, log.warnings.toString());
        assertEquals(A, card.fingerprint());
        for (String name : ModelCache.RUN_FILES) {
            assertSameFile(trained.resolve(name), out.resolve(name));
        }
        for (String name : List.of(ModelCard.FILE, ModelParameters.file(Path.of(""), ModelCard.PARAMETERS_NAME)
                .toString())) {
            assertSameFile(trained.resolve("model").resolve(name), out.resolve("model").resolve(name));
        }
        assertTrue(ModelCard.upToDate(out.resolve("model"), A));
        assertFalse(Files.exists(out.resolve("checkpoints")), "another run's checkpoints must not be resumed");
        // the zip a restoring build attaches is the one the storing build attached, entry times included
        ModelArchive.zip(built.resolve("model"), tmp.resolve("built.zip"));
        ModelArchive.zip(out.resolve("model"), tmp.resolve("restored.zip"));
        assertSameFile(tmp.resolve("built.zip"), tmp.resolve("restored.zip"));
        // and so is the jar, built from the restored model directory: the entry holds no archive (nor did the
        // entries of plugins that attached only the zip), so any entry restores as a jar too
        ModelArchive.Coordinates project = new ModelArchive.Coordinates("g", "a", "1");
        ModelArchive.jar(built.resolve("model"), tmp.resolve("built.jar"), null, project, "1.0");
        ModelArchive.jar(out.resolve("model"), tmp.resolve("restored.jar"), null, project, "1.0");
        assertSameFile(tmp.resolve("built.jar"), tmp.resolve("restored.jar"));

        String restored = log.infos.stream().filter(i -> i.startsWith("Model restored from the model cache"))
                .findFirst().orElseThrow(() -> new AssertionError(log.infos.toString()));
        assertTrue(restored.contains("fingerprint " + A.substring(0, 12)), restored);
        assertTrue(restored.contains("trained " + card.createdAt() + " on " + LocalHost.name()), restored);
        assertTrue(restored.matches(".*test accuracy \\d+\\.\\d\\d%.*"), restored);
        assertTrue(restored.contains(entry.toString()), restored);
        String german = ModelCache.describe(card, record).in(Language.GERMAN);
        assertTrue(german.matches("Fingerabdruck " + A.substring(0, 12) + ", trainiert "
                + Pattern.quote(card.createdAt()) + " auf " + Pattern.quote(LocalHost.name()) + " \\("
                + card.device() + ", (1 Epoche|\\d+ Epochen), \\d+,\\d s\\), Testgenauigkeit \\d+,\\d\\d %"), german);
    }

    /**
     * An entry stored by an older plugin (its record has no layout: metrics.csv's train loss was the smoothed
     * objective) is trained again, not shown as this plugin's cross entropy; the new run's store replaces it.
     */
    @Test
    void anEntryOfAnOlderLayoutIsTrainedAgainAndReplaced() throws Exception {
        ModelCache cache = cache(20);
        Path built = output("built", A);
        cache.store(A, built);
        Path record = cache.entry(A).resolve(ModelCache.ENTRY);
        Files.writeString(record, "{\"fingerprint\": \"" + A + "\", \"host\": \"old\", \"storedAt\": "
                + "\"2026-12-01T00:00:00Z\"}");
        Path out = tmp.resolve("out");
        assertNull(cache.restore(A, out));
        assertTrue(log.infos.contains("Model cache: the entry " + cache.entry(A) + " was stored by an older build of "
                + "the plugin, whose metrics.csv held the train loss differently; training again (the new run "
                + "replaces the entry)"), log.infos.toString());
        assertTrue(log.warnings.isEmpty(), log.warnings.toString());
        assertFalse(Files.exists(out.resolve("model")), "nothing restored");

        cache.store(A, built);
        assertEquals(ModelCache.LAYOUT, Json.readFile(record, ModelCache.Entry.class).layout());
        assertNotNull(cache.restore(A, out), log.warnings.toString());
    }

    @Test
    void noEntryRestoresNothing() throws Exception {
        Path out = tmp.resolve("out");
        assertNull(cache(20).restore(A, out));
        assertFalse(Files.exists(out), "nothing written");
        assertTrue(log.warnings.isEmpty(), log.warnings.toString());
    }

    @Test
    void aDamagedEntryIsRemovedAndNotRestored() throws Exception {
        ModelCache cache = cache(20);
        cache.store(A, output("built", A));
        Path params = ModelParameters.file(cache.entry(A).resolve("model"), ModelCard.PARAMETERS_NAME);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 1;
        Files.write(params, bytes);
        Path out = tmp.resolve("out");
        assertNull(cache.restore(A, out));
        assertTrue(log.warned("removed the entry " + cache.entry(A)), log.warnings.toString());
        assertTrue(log.warned("is damaged or was replaced: its SHA-256 is"), log.warnings.toString());
        assertFalse(Files.exists(cache.entry(A)));
        assertFalse(Files.exists(out.resolve("model")));
    }

    @Test
    void anEntryWithAFileMissingIsRemovedAndNotRestored() throws Exception {
        ModelCache cache = cache(20);
        cache.store(A, output("built", A));
        Files.delete(cache.entry(A).resolve("metrics.csv"));
        assertNull(cache.restore(A, tmp.resolve("out")));
        assertTrue(log.warned("metrics.csv is missing"), log.warnings.toString());
        assertFalse(Files.exists(cache.entry(A)));
    }

    @Test
    void aKilledStoreLeavesNothingThatIsRestoredAndItsLeftoverGoesLater() throws Exception {
        ModelCache cache = cache(20);
        Path built = output("built", A);
        cache.store(A, built);
        // what a store killed before its rename leaves: a complete staging folder beside the entries
        Path old = tmp.resolve("models").resolve("." + B + ".1.part");
        Path fresh = tmp.resolve("models").resolve("." + B + ".2.part");
        for (Path staged : List.of(old, fresh)) {
            FileTrees.copy(cache.entry(A), staged);
        }
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        assertNull(cache.restore(B, tmp.resolve("out")), "a staging folder is never an entry");
        assertEquals(List.of(cache.entry(A)), cache.entries());
        cache.store(A, built);
        assertFalse(Files.exists(old), "a leftover of a killed build is removed by the next store");
        assertTrue(Files.exists(fresh), "one that may be another build's store in progress stays");
    }

    @Test
    void theEntryUsedLongestAgoIsEvicted() throws Exception {
        ModelCache cache = cache(2);
        cache.store(A, output("a", A));
        cache.store(B, output("b", B));
        assertNotNull(cache.restore(A, tmp.resolve("out")), "a restore counts as a use");
        cache.store(C, output("c", C));
        assertEquals(List.of(cache.entry(C), cache.entry(A)), cache.entries());
        assertTrue(log.infos.stream().anyMatch(i -> i.startsWith("Model cache: evicted " + B.substring(0, 12))
                && i.contains("modelCacheSize")), log.infos.toString());
    }

    @Test
    void aRunThatIsNotCompleteIsNotStored() throws Exception {
        Path out = output("built", A);
        RunStatus run = Json.readFile(out.resolve(RunStatus.FILE), RunStatus.class);
        run.failed("diverged").write(out);
        cache(20).store(A, out);
        assertFalse(Files.exists(tmp.resolve("models").resolve(A)));
        cache(20).store(B, output("other", A));
        assertFalse(Files.exists(tmp.resolve("models").resolve(B)), "the model is another fingerprint's");
    }

    @Test
    void aSizeBelowOneIsRefusedNamingTheParameter() {
        ClassifierException e = assertThrows(ClassifierException.class, () -> cache(0));
        assertTrue(e.getMessage().startsWith("Parameter 'modelCacheSize' is 0"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfashionmnist.modelCache=false"), e.getMessage());
    }

    @Test
    void twoThreadsStoringTheSameFingerprintLeaveOneCompleteEntry() throws Exception {
        Path first = output("first", A);
        Path second = output("second", A);
        Path root = tmp.resolve("models");
        RecordingLog log1 = new RecordingLog();
        RecordingLog log2 = new RecordingLog();
        Future<?> store1;
        Future<?> store2;
        // while this thread holds the cache, both stores stage their entry and then wait for it
        try (FolderLock held = FolderLock.acquire(root, Duration.ofSeconds(BOUND_SECONDS), h -> { })) {
            store1 = threads.submit(() -> new ModelCache(root, 20, log1).store(A, first));
            store2 = threads.submit(() -> new ModelCache(root, 20, log2).store(A, second));
            log1.awaitInfo("Waiting for another goal of this build");
            log2.awaitInfo("Waiting for another goal of this build");
        }
        store1.get(BOUND_SECONDS, TimeUnit.SECONDS);
        store2.get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertTrue(log1.infos.stream().anyMatch(i -> i.startsWith("Model stored")), log1.infos.toString());
        assertTrue(log2.infos.stream().anyMatch(i -> i.startsWith("Model stored")), log2.infos.toString());
        assertCompleteEntryOnly(root);
    }

    @Test
    void twoJvmsStoringTheSameFingerprintLeaveOneCompleteEntry() throws Exception {
        Path root = tmp.resolve("models");
        List<BufferedReader> outputs = new ArrayList<>();
        try (FolderLock held = FolderLock.acquire(root, Duration.ofSeconds(BOUND_SECONDS), h -> { })) {
            for (String name : List.of("first", "second")) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m", "-cp", System.getProperty("java.class.path"), StoreInCache.class.getName(),
                        root.toString(), A, output(name, A).toString()).redirectErrorStream(true).start();
                started.add(p);
                BufferedReader out = ProcessOutput.of(p);
                outputs.add(out);
                String waiting = ProcessOutput.awaitLine(out, "[INFO] Waiting for ");
                assertTrue(waiting.contains("another build (pid " + ProcessHandle.current().pid() + ")"), waiting);
            }
        }
        for (int i = 0; i < 2; i++) {
            ProcessOutput.awaitLine(outputs.get(i), "[INFO] Model stored in the model cache");
            assertTrue(started.get(i).waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
            assertEquals(0, started.get(i).exitValue());
        }
        assertCompleteEntryOnly(root);
    }

    /** The cache holds the entry of {@link #A}, complete and restorable, and nothing half-written beside it. */
    private void assertCompleteEntryOnly(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of(FolderLock.FILE, A), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Path out = tmp.resolve("restored");
        assertNotNull(new ModelCache(root, 20, log).restore(A, out), log.warnings.toString());
        assertSameFile(trained.resolve("model").resolve(ModelCard.FILE), out.resolve("model")
                .resolve(ModelCard.FILE));
        AtomicFiles.deleteTree(out);
    }
}
