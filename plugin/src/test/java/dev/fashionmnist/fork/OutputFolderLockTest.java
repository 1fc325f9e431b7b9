package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.testing.ProcessOutput;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds on one output folder, as two real JVMs ({@link HoldOutputFolder}): the second waits for the first, or
 * gives up after lockTimeout with a message that says what to do. Synchronised by their output lines, never by time.
 */
class OutputFolderLockTest {
    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process build(Path folder, int lockTimeout) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), HoldOutputFolder.class.getName(), folder.toString(),
                String.valueOf(lockTimeout)).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    @Test
    void secondBuildWaitsForTheFirst() throws Exception {
        Path folder = tmp.resolve("target/fashionmnist");
        Process first = build(folder, 60);
        BufferedReader firstOut = ProcessOutput.of(first);
        ProcessOutput.awaitLine(firstOut, "locked");
        Process second = build(folder, 60);
        BufferedReader secondOut = ProcessOutput.of(second);
        String waiting = ProcessOutput.awaitLine(secondOut, "[INFO] Waiting for ");
        assertTrue(waiting.contains("another build (pid " + first.pid() + ")"), waiting);
        assertTrue(waiting.contains(folder.toAbsolutePath().toString()), waiting);
        assertTrue(waiting.contains("lockTimeout"), waiting);
        first.getOutputStream().close();
        ProcessOutput.awaitLine(firstOut, "released");
        assertEquals("locked", secondOut.readLine(), "the second takes the folder once the first released it");
        assertEquals("pid " + second.pid(), Files.readString(folder.resolve(FolderLock.FILE)).trim());
        second.getOutputStream().close();
        ProcessOutput.awaitLine(secondOut, "released");
        assertTrue(second.waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue());
        assertTrue(first.waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
    }

    @Test
    void secondBuildGivesUpAfterLockTimeout() throws Exception {
        Path folder = tmp.resolve("target/fashionmnist");
        Process first = build(folder, 60);
        ProcessOutput.awaitLine(ProcessOutput.of(first), "locked");
        Process second = build(folder, 1);
        BufferedReader secondOut = ProcessOutput.of(second);
        ProcessOutput.awaitLine(secondOut, "[INFO] Waiting for ");
        String failed = ProcessOutput.awaitLine(secondOut, "failed: ");
        assertTrue(second.waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(2, second.exitValue());
        assertTrue(failed.contains("Parameter 'outputDirectory': " + folder.toRealPath() + " is in use by another"
                + " build (pid " + first.pid() + "), still after waiting 1 s (lockTimeout)"), failed);
        assertTrue(failed.contains("-Dfashionmnist.lockTimeout=SECONDS"), failed);
        assertTrue(failed.contains("-Dfashionmnist.outputDirectory="), failed);
        assertTrue(first.isAlive(), "the first build goes on undisturbed");
    }

    @Test
    void negativeLockTimeoutIsNamed() {
        Problem e = assertThrows(Problem.class,
                () -> OutputFolderLock.acquire(tmp.resolve("out"), -1, new RecordingLog()));
        assertTrue(e.getMessage().startsWith("Parameter 'lockTimeout' is -1: "), e.getMessage());
    }

    @Test
    void unwritableFolderIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Problem e = assertThrows(Problem.class,
                () -> OutputFolderLock.acquire(file.resolve("out"), 5, new RecordingLog()));
        assertTrue(e.getMessage().startsWith("Parameter 'outputDirectory': " + file.resolve("out")
                + " is not a writable folder"), e.getMessage());
    }
}
