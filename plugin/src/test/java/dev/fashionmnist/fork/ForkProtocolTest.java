package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.engine.EngineException;
import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.testing.RecordingLog;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fork's line protocol, and {@link ForkLauncher} running a real forked JVM ({@link FakeFork}). */
class ForkProtocolTest {


    private static void assertRoundTrip(ForkProtocol.Kind kind, String text) {
        String line = ForkProtocol.format(kind, text);
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
        assertTrue(line.startsWith("@@fashionmnist:" + kind + ":"), line);
        ForkProtocol.Message m = ForkProtocol.parse(line);
        assertEquals(new ForkProtocol.Message(kind, text), m);
    }

    @Test
    void roundTrip() {
        assertRoundTrip(ForkProtocol.Kind.INFO, "plain");
        assertRoundTrip(ForkProtocol.Kind.INFO, "");
        assertRoundTrip(ForkProtocol.Kind.WARN, "two\nlines\n");
        assertRoundTrip(ForkProtocol.Kind.ERROR, "C:\\temp\\new\\readme.txt");
        assertRoundTrip(ForkProtocol.Kind.ERROR, "a literal backslash-n: \\n and \\r, and a real\r\nbreak");
        assertRoundTrip(ForkProtocol.Kind.DEBUG, "colons: a:b::c: @@fashionmnist:INFO:nested");
        assertRoundTrip(ForkProtocol.Kind.PROGRESS, "trailing backslash \\");
        assertRoundTrip(ForkProtocol.Kind.PROGRESS, "\\\\\n\\\r\\");
    }

    @Test
    void progressRoundTrip() {
        EpochProgress p = new EpochProgress(2, 3, 25216, 60000, 5.24, 0.412, 0.853);
        ForkProtocol.Message m = ForkProtocol.parse(ForkProtocol.progress(p));
        assertEquals(ForkProtocol.Kind.PROGRESS, m.kind());
        assertEquals(p, ForkProtocol.progress(m.text()));
        assertNull(ForkProtocol.progress("epoch 1/1: 50%"));
        assertNull(ForkProtocol.progress("1 2 3 4 5 6 x"));
    }

    @Test
    void otherLinesAreNotMessages() {
        assertNull(ForkProtocol.parse("WARNING: An illegal reflective access operation has occurred"));
        assertNull(ForkProtocol.parse(""));
        assertNull(ForkProtocol.parse("@@fashionmnist:"));
        assertNull(ForkProtocol.parse("@@fashionmnist:INFO"));
        assertNull(ForkProtocol.parse(" @@fashionmnist:INFO:indented"));
        assertEquals(new ForkProtocol.Message(ForkProtocol.Kind.INFO, "x"),
                ForkProtocol.parse("@@fashionmnist:INFO:x"));
    }

    @Test
    void unknownKindIsNotAMessage() {
        assertNull(ForkProtocol.parse("@@fashionmnist:FATAL:boom"));
        assertNull(ForkProtocol.parse("@@fashionmnist:info:lower case"));
        assertNull(ForkProtocol.parse("@@fashionmnist::empty kind"));
    }

    private static ForkLauncher.Request fake(String mode) {
        List<Path> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classpath.add(Path.of(entry));
            }
        }
        return new ForkLauncher.Request(classpath, List.of("-Xmx64m"), Map.of("fake.property", "1"),
                FakeFork.class.getName(), List.of(mode));
    }

    @Test
    void command() {
        List<String> cmd = ForkLauncher.command(new ForkLauncher.Request(List.of(Path.of("a.jar"), Path.of("b")),
                List.of("-Xmx1g"), Map.of("k", "v"), "x.Main", List.of("job.json")));
        assertTrue(cmd.get(0).endsWith("java"), cmd.get(0));
        assertEquals(List.of("-Xmx1g", "-Dk=v", "-cp",
                Path.of("a.jar").toAbsolutePath() + File.pathSeparator + Path.of("b").toAbsolutePath(),
                "x.Main", "job.json"), cmd.subList(1, cmd.size()));
    }

    @Test
    void theForkGetsItsEnvironmentAndSystemProperties() {
        ForkLauncher.Request plain = fake("environment");
        ForkLauncher.Request gpu = new ForkLauncher.Request(plain.classpath(), plain.jvmArgs(),
                Map.of("PYTORCH_FLAVOR", "cu121"), plain.mainClass(), plain.args(),
                Map.of("LD_LIBRARY_PATH", "/usr/local/nvidia/lib64"));
        RecordingLog log = new RecordingLog();
        ForkLauncher.run(gpu, log, ForkLauncher.Progress.NONE);
        assertEquals(List.of("LD_LIBRARY_PATH=/usr/local/nvidia/lib64 PYTORCH_FLAVOR=cu121"), log.infos);
        assertEquals(Map.of(), plain.environment(), "without a GPU the fork gets this JVM's environment only");
    }

    @Test
    void forkThatSucceeds() {
        RecordingLog log = new RecordingLog();
        RecordingProgress recorded = new RecordingProgress();
        ForkLauncher.run(fake("ok"), log, recorded);
        List<String> progress = recorded.events;
        assertEquals(List.of("Training mlp\nfor 1 epoch"), log.infos);
        assertEquals(List.of("careful: C:\\temp"), log.warnings);
        assertTrue(log.debugs.contains("a detail"), log.debugs.toString());
        assertTrue(log.debugs.contains("[fork] an ordinary line from PyTorch"), log.debugs.toString());
        assertTrue(log.debugs.get(0).startsWith("Forking: "), log.debugs.toString());
        assertTrue(log.debugs.contains("[fork] unreadable progress: half way"), log.debugs.toString());
        assertNull(progress.get(progress.size() - 1), "the progress line is cleared at the end: " + progress);
        assertEquals(Arrays.asList(null, null, "epoch 1/1 30/60 1.5 s loss 0.5 acc 0.75", null), progress,
                "cleared before the INFO and the WARN line, shown, cleared at the end");
    }

    @Test
    void forkThatReportsAnError() {
        RecordingLog log = new RecordingLog();
        RecordingProgress recorded = new RecordingProgress();
        EngineException e = assertThrows(EngineException.class, () -> ForkLauncher.run(fake("error"), log, recorded));
        List<String> progress = recorded.events;
        assertEquals("Parameter 'epochs' is 0:\ntrain at least 1", e.getMessage());
        assertNull(progress.get(progress.size() - 1));
    }

    @Test
    void forkThatCrashes() {
        RecordingLog log = new RecordingLog();
        EngineException e = assertThrows(EngineException.class,
                () -> ForkLauncher.run(fake("crash"), log, ForkLauncher.Progress.NONE));
        String m = e.getMessage();
        assertTrue(m.contains("exit code 134"), m);
        assertTrue(m.contains("killed by signal 6"), m);
        for (int i = 6; i <= 30; i++) {
            assertTrue(m.contains(String.format("out-%02d", i)), "the last 25 lines should be shown: " + m);
        }
        assertFalse(m.contains("out-05"), "only the last 25 lines should be shown: " + m);
        assertTrue(m.indexOf("out-29") < m.indexOf("out-30"), m);
    }

    @Test
    void forkThatFailsWithoutAReason() {
        EngineException e = assertThrows(EngineException.class,
                () -> ForkLauncher.run(fake("exit3"), new RecordingLog(), ForkLauncher.Progress.NONE));
        String m = e.getMessage();
        assertTrue(m.contains("exit code 3 and no result"), m);
        assertFalse(m.contains("killed by signal"), m);
        assertTrue(m.contains("only this"), m);
    }

    /** The progress shown, as text, and {@code null} for each clear. */
    private static final class RecordingProgress implements ForkLauncher.Progress {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void show(EpochProgress p) {
            events.add("epoch " + p.epoch() + "/" + p.lastEpoch() + " " + p.imagesDone() + "/" + p.imagesTotal() + " "
                    + p.seconds() + " s loss " + p.loss() + " acc " + p.accuracy());
        }

        @Override
        public void clear() {
            events.add(null);
        }
    }
}
