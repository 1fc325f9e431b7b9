package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class ProgressOutputTest {
    private static final EpochProgress P = new EpochProgress(1, 3, 24000, 60000, 5, 0.5, 0.8);

    @Test
    void quietIsSilentWhateverElse() {
        for (boolean parallel : new boolean[] {false, true}) {
            for (boolean terminal : new boolean[] {false, true}) {
                assertEquals(ProgressOutput.Style.SILENT, ProgressOutput.choose(false, parallel, terminal));
            }
        }
    }

    @Test
    void barOnlyOnATerminalInASerialBuild() {
        assertEquals(ProgressOutput.Style.BAR, ProgressOutput.choose(true, false, true));
        assertEquals(ProgressOutput.Style.LINES, ProgressOutput.choose(true, true, true), "-T: no redrawn bar");
        assertEquals(ProgressOutput.Style.LINES, ProgressOutput.choose(true, false, false), "batch mode, CI");
        assertEquals(ProgressOutput.Style.LINES, ProgressOutput.choose(true, true, false));
    }

    @Test
    void linesGoToTheLog() {
        RecordingLog log = new RecordingLog();
        ProgressOutput.lines(log).show(P);
        assertEquals(List.of("epoch 1/3 40% 24000/60000 [00:05<00:08, 4800 img/s, loss=0.500, acc=0.800]"), log.infos);
    }

    @Test
    void everyLineNamesTheModuleInAParallelBuild() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            MavenBuildLog parallel = new MavenBuildLog(new SystemStreamLog(), "fashionmnist-sample", Language.ENGLISH);
            ProgressOutput.lines(parallel).show(P);
            parallel.warn("a warning");
            new MavenBuildLog(new SystemStreamLog(), null, Language.ENGLISH).info("serial");
        } finally {
            System.setOut(out);
        }
        assertEquals(List.of("[info] [fashionmnist-sample] epoch 1/3 40% 24000/60000 [00:05<00:08, 4800 img/s, "
                + "loss=0.500, acc=0.800]", "[warn] [fashionmnist-sample] a warning", "[info] serial"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void barIsRedrawnInPlaceAndCleared() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressOutput bar = ProgressOutput.bar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 80,
                Language.ENGLISH);
        bar.clear(); // nothing drawn: nothing to clear
        bar.show(P);
        bar.show(new EpochProgress(1, 3, 60000, 60000, 12, 0.4, 0.85));
        bar.clear();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] draws = out.split("\r", -1);
        assertEquals(5, draws.length, "two draws and one clear, each starting at column 1: " + out);
        assertEquals("", draws[0]);
        assertEquals(79, draws[1].length());
        assertEquals(true, draws[2].startsWith("epoch 1/3 100%|████"), draws[2]);
        assertEquals(" ".repeat(79), draws[3], "the clear blanks the line");
        assertEquals("", draws[4], "and leaves the cursor at column 1, without a line break");
    }

    @Test
    void silentWritesNothing() {
        ProgressOutput silent = ProgressOutput.silent();
        silent.show(P);
        silent.clear();
    }

    @Test
    void widthFromColumns() {
        assertEquals(80, ProgressOutput.width(null, () -> null));
        assertEquals(80, ProgressOutput.width("wide", () -> null));
        assertEquals(80, ProgressOutput.width("5", () -> null));
        assertEquals(132, ProgressOutput.width(" 132 ", () -> null));
    }

    @Test
    void widthFromTheTerminalWhereNoColumnsVariableIsExported() {
        assertEquals(157, ProgressOutput.width(null, () -> "41 157\n"));
        assertEquals(100, ProgressOutput.width("100", () -> "41 157\n"), "COLUMNS wins");
        assertEquals(157, ProgressOutput.width("wide", () -> "41 157"));
        assertEquals(80, ProgressOutput.width(null, () -> null), "no terminal");
        assertEquals(80, ProgressOutput.width(null, () -> "stty: not a tty"));
        assertEquals(80, ProgressOutput.width(null, () -> "41 5"), "too narrow to believe");
    }
}
