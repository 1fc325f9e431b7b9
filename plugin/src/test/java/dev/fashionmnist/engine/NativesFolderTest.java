package dev.fashionmnist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesFolderTest {
    @TempDir
    Path tmp;

    /** A natives jar laid out as DJL's: properties and 3 MB of libraries. */
    private Path jar() throws IOException {
        Path jar = tmp.resolve("pytorch-native-cpu-2.3.1-linux-x86_64.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("native/lib/pytorch.properties"));
            zip.write("version=2.3.1-20240621\nflavor=cpu\nclassifier=linux-x86_64\n".getBytes(StandardCharsets.UTF_8));
            for (String lib : new String[] {"libc10.so", "libtorch_cpu.so", "libtorch.so"}) {
                zip.putNextEntry(new ZipEntry("pytorch/cpu/linux-x86_64/" + lib));
                zip.write(new byte[1_000_000]);
            }
        }
        return jar;
    }

    private Optional<String> notice(Path jar, Map<String, String> settings) {
        return NativesFolder.firstUseNotice(jar, settings::get, tmp.resolve("home")).map(Message::toString);
    }

    @Test
    void firstUseSaysWhereAndHowMuch() throws IOException {
        Path folder = tmp.resolve("home/.djl.ai/pytorch/2.3.1-20240621-cpu-linux-x86_64");
        assertEquals(Optional.of("First use of these PyTorch natives: unpacking 3 MB from "
                + "pytorch-native-cpu-2.3.1-linux-x86_64.jar into " + folder + " (once; later builds reuse them)"),
                notice(jar(), Map.of()));
        assertEquals("Erste Verwendung dieser PyTorch-Bibliotheken: 3 MB werden aus "
                + "pytorch-native-cpu-2.3.1-linux-x86_64.jar nach " + folder + " entpackt (einmalig; spätere Builds "
                + "verwenden sie wieder)", NativesFolder.firstUseNotice(jar(), Map.<String, String>of()::get,
                tmp.resolve("home")).orElseThrow().in(Language.GERMAN));
        Files.createDirectories(folder);
        assertEquals(Optional.empty(), notice(jar(), Map.of()), "unpacked before: no line");
    }

    @Test
    void cacheFolderAsDjlChoosesIt() throws IOException {
        Path jar = jar();
        assertTrue(notice(jar, Map.of("DJL_CACHE_DIR", "/d")).orElseThrow()
                .contains(" into " + Path.of("/d/pytorch/2.3.1-20240621-cpu-linux-x86_64") + " "));
        assertTrue(notice(jar, Map.of("DJL_CACHE_DIR", "/d", "ENGINE_CACHE_DIR", "/e")).orElseThrow()
                .contains(" into " + Path.of("/e/pytorch/2.3.1-20240621-cpu-linux-x86_64") + " "));
        assertEquals(Optional.empty(), notice(jar, Map.of("PYTORCH_LIBRARY_PATH", "/opt/torch/lib")),
                "an installed PyTorch is used as it is");
    }

    @Test
    void notANativesJar() throws IOException {
        Path other = tmp.resolve("other.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
            zip.putNextEntry(new ZipEntry("a.txt"));
        }
        assertEquals(Optional.empty(), notice(other, Map.of()));
        assertEquals(Optional.empty(), notice(tmp.resolve("missing.jar"), Map.of()));
    }
}
