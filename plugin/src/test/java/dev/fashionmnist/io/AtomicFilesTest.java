package dev.fashionmnist.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("out/a.txt");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertEquals("two", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void writingBelowARegularFileNamesTheTargetAndTheReason() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Path target = file.resolve("report.html");
        FileWriteException e = assertThrows(FileWriteException.class, () -> AtomicFiles.writeString(target, "page"));
        assertEquals("cannot write " + target + ": " + file + " is a file, not a folder", e.getMessage());
        assertEquals("kann " + target + " nicht schreiben: " + file + " ist eine Datei, kein Ordner",
                Messages.of(e, Language.GERMAN));
        assertEquals(target, e.file());
        assertEquals(e.getMessage(), e.toString(), "no class name when appended to a message");
    }

    @Test
    void aFailureInTheContentKeepsTheOldFileAndNamesTheTarget() throws IOException {
        Path target = tmp.resolve("metrics.csv");
        AtomicFiles.writeString(target, "old");
        FileWriteException e = assertThrows(FileWriteException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("the chart could not be drawn");
        }));
        assertEquals("cannot write " + target + ": the chart could not be drawn", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void aFullDiskNamesTheFileBeingWritten() throws IOException {
        Path full = Path.of("/dev/full"); // Linux: every write fails with "No space left on device"
        assertTrue(Files.isWritable(full), "this test needs /dev/full (Linux) for a real full disk");
        Path shownAs = tmp.resolve("cache/train-images-idx3-ubyte");
        FileWriteException e = assertThrows(FileWriteException.class, () -> {
            try (OutputStream out = AtomicFiles.newOutputStream(full, shownAs)) {
                out.write(new byte[1 << 16]);
                out.flush();
            }
        });
        assertEquals("cannot write " + shownAs + ": No space left on device", e.getMessage());
        assertFalse(e.toString().contains("Exception"), e.toString());
    }
}
