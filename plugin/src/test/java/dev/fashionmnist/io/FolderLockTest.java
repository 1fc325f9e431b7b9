package dev.fashionmnist.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FolderLock} between threads of one JVM (the file lock alone would throw OverlappingFileLockException). */
class FolderLockTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    private static String pidLine() {
        return "pid " + ProcessHandle.current().pid();
    }

    @Test
    void secondThreadWaitsUntilTheFirstReleases() throws Exception {
        Path folder = tmp.resolve("out");
        FolderLock first = FolderLock.acquire(folder, BOUND, h -> { });
        assertEquals(pidLine(), Files.readString(folder.resolve(FolderLock.FILE)).trim(), "the holder's pid");
        CountDownLatch waiting = new CountDownLatch(1);
        List<String> told = new CopyOnWriteArrayList<>();
        Future<FolderLock> second = other.submit(() -> FolderLock.acquire(folder, BOUND, h -> {
            told.add(h.toString());
            waiting.countDown();
        }));
        assertTrue(waiting.await(BOUND.toSeconds(), TimeUnit.SECONDS), "the second thread should wait");
        assertFalse(second.isDone(), "it waits while the first holds the folder");
        first.close();
        FolderLock lock = second.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of("another goal of this build (" + pidLine() + ")"), told, "told once, with who");
        other.submit(lock::close).get();
        assertEquals("", Files.readString(folder.resolve(FolderLock.FILE)), "no holder after the release");
    }

    @Test
    void noWaitGivesUpAtOnceNamingTheHolder() throws Exception {
        Path folder = tmp.resolve("out");
        List<String> told = new CopyOnWriteArrayList<>();
        try (FolderLock held = FolderLock.acquire(folder, BOUND, h -> { })) {
            FolderLock.BusyException e = other.submit(() -> assertThrows(FolderLock.BusyException.class,
                    () -> FolderLock.acquire(folder, Duration.ZERO, h -> told.add(h.toString())))).get();
            assertEquals(folder.toRealPath(), e.folder());
            assertEquals("another goal of this build (" + pidLine() + ")", e.holder().toString());
            assertEquals(folder.toRealPath() + " ist belegt (Inhaber: ein anderes Goal dieses Builds (" + pidLine()
                    + "))", Messages.of(e, Language.GERMAN));
        }
        assertEquals(List.of(), told, "no waiting message without a wait");
        other.submit(() -> {
            FolderLock.acquire(folder, Duration.ZERO, h -> told.add(h.toString())).close();
            return null;
        }).get();
    }

    @Test
    void sameThreadMayNestAndOnlyTheOutermostReleases() throws Exception {
        Path folder = tmp.resolve("out");
        try (FolderLock outer = FolderLock.acquire(folder, BOUND, h -> { })) {
            try (FolderLock inner = FolderLock.acquire(folder, Duration.ZERO, h -> { })) {
                assertEquals(pidLine(), Files.readString(folder.resolve(FolderLock.FILE)).trim());
            }
            assertThrows(FolderLock.BusyException.class, () -> {
                try {
                    other.submit(() -> {
                        FolderLock.acquire(folder, Duration.ZERO, h -> { }).close();
                        return null;
                    }).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause();
                }
            }, "still held after the inner release");
        }
        other.submit(() -> {
            FolderLock.acquire(folder, Duration.ZERO, h -> { }).close();
            return null;
        }).get();
    }
}
