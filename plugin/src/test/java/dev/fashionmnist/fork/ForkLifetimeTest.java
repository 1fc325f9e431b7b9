package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.io.Json;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.testing.ProcessOutput;
import dev.fashionmnist.train.TrainJob;
import dev.fashionmnist.train.TrainingTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training fork never outlives the JVM that started it: real processes, real signals. The timeouts are upper
 * bounds for a failing test, never a synchronisation: readiness comes as a line on standard output.
 */
class ForkLifetimeTest {
    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();
    private final List<ProcessHandle> forks = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        forks.forEach(ProcessHandle::destroyForcibly);
        started.forEach(Process::destroyForcibly);
    }

    private Process java(String heap, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** Starts {@link ForkParent} with a {@link StubFork} in {@code mode}; returns the fork once it is ready. */
    private ProcessHandle parentWithFork(Process parent) throws IOException {
        String ready = ProcessOutput.awaitLineWith(ProcessOutput.of(parent), "ready ");
        long pid = Long.parseLong(ready.substring(ready.indexOf("ready ") + 6).trim());
        Optional<ProcessHandle> fork = ProcessHandle.of(pid);
        assertTrue(fork.isPresent(), "the fork " + pid + " should be running once it said ready");
        forks.add(fork.get());
        return fork.get();
    }

    private static void assertEnds(ProcessHandle fork, String why) throws Exception {
        fork.onExit().get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertFalse(fork.isAlive(), why);
    }

    @Test
    void forkStopsWhenItsParentIsKilled() throws Exception {
        Process parent = java("64m", ForkParent.class.getName(), "watching");
        ProcessHandle fork = parentWithFork(parent);
        assertTrue(fork.parent().map(p -> p.pid() == parent.pid()).orElse(false), "the stub is the parent's child");
        parent.destroyForcibly(); // kill -9: no shutdown hook runs in the parent
        parent.waitFor();
        assertEnds(fork, "the fork should notice that its parent was killed and stop");
    }

    @Test
    void parentsShutdownStopsTheFork() throws Exception {
        // the deaf stub ignores its parent, so only the launcher's shutdown hook can stop it
        Process parent = java("64m", ForkParent.class.getName(), "deaf");
        ProcessHandle fork = parentWithFork(parent);
        parent.destroy(); // SIGTERM: the parent's shutdown hook stops the fork
        assertEnds(fork, "the parent's shutdown hook should stop the fork");
        assertTrue(parent.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "the parent should end too");
    }

    /** A model from an earlier build, and a job that would train for a long time and then replace it. */
    private Path longTrainingJob(Path out) throws IOException {
        Path oldModel = out.resolve("model");
        Files.createDirectories(oldModel);
        Files.writeString(oldModel.resolve("model.json"), "the old model");
        TrainJob job = TrainingTest.job(out, "mlp", null, 1000, 500, 1000, false, 42);
        Path jobFile = tmp.resolve("job.json");
        Json.writeFile(jobFile, job);
        return jobFile;
    }

    private static void assertStoppedMidTrainingWithTheOldModel(Path out) throws IOException {
        Path oldModel = out.resolve("model");
        assertEquals(List.of("model.json"), list(oldModel), "the old model stays, untouched");
        assertEquals("the old model", Files.readString(oldModel.resolve("model.json")));
        int epochs = MetricsCsv.read(out.resolve("metrics.csv")).size();
        assertTrue(epochs >= 1 && epochs < 1000, "stopped mid-training, after " + epochs + " epochs");
        try (var s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".model.")),
                    "no temporary model directory left");
        }
    }

    @Test
    void realForkStopsMidTrainingWhenItsInputEnds() throws Exception {
        Path out = tmp.resolve("out");
        Process fork = java("1g", ForkMain.class.getName(), ForkMain.TRAIN, longTrainingJob(out).toString());
        // the line that ends epoch 1 (metrics.csv has its row), not a progress line of the same epoch
        ProcessOutput.awaitLineWith(ProcessOutput.of(fork), "epoch 1/1000: train_acc=");
        fork.getOutputStream().close(); // what the fork sees when the Maven JVM dies
        assertTrue(fork.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "the fork should stop when its input ends");
        assertEquals(ParentWatch.PARENT_GONE, fork.exitValue());
        assertStoppedMidTrainingWithTheOldModel(out);
    }

    @Test
    void realForkStopsMidTrainingWhenMavenIsKilled() throws Exception {
        Path out = tmp.resolve("out");
        Process parent = java("64m", ForkParent.class.getName(), ForkMain.TRAIN, longTrainingJob(out).toString());
        ProcessOutput.awaitLineWith(ProcessOutput.of(parent), "epoch 1/1000: train_acc=");
        List<ProcessHandle> children = parent.toHandle().children().toList();
        assertEquals(1, children.size(), "one training fork: " + children);
        ProcessHandle fork = children.get(0);
        forks.add(fork);
        parent.destroyForcibly();
        parent.waitFor();
        assertEnds(fork, "the training fork should stop when Maven is killed");
        assertStoppedMidTrainingWithTheOldModel(out);
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
