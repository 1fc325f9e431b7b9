package dev.fashionmnist.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real browser for tests: headless Chromium, found on the PATH, loading a local page to take a screenshot or to
 * give back the page as it built it. Missing Chromium fails the test with what to install, it never skips it.
 */
public final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private final Path executable;
    private final Path profile;

    private HeadlessChromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** Chromium on the PATH, with its own profile folder under {@code work}; fails the test when there is none. */
    public static HeadlessChromium find(Path work) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return new HeadlessChromium(candidate, Files.createDirectories(work.resolve("chromium-profile")));
                }
            }
        }
        return fail("This test needs headless Chromium (one of " + NAMES + " on the PATH) to look at report.html in a "
                + "real browser; none was found. Install it, e.g. 'apt-get install chromium' (as .ci/run does)");
    }

    /** A screenshot of {@code page} in a {@code width} x {@code height} window, as PNG at {@code png}. */
    public void screenshot(Path page, Path png, int width, int height) throws Exception {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()),
                png.resolveSibling(png.getFileName() + ".log"));
    }

    /** The page's document after Chromium loaded it. */
    public String dom(Path page) throws Exception {
        Path dom = Files.createTempFile(profile, "dom", ".html");
        run(List.of("--dump-dom", page.toUri().toString()), dom);
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    private void run(List<String> arguments, Path stdout) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path stderr = Files.createTempFile(profile, "stderr", ".log");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // a generous upper bound: Chromium takes a second or two
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s: " + command);
        }
        assertEquals(0, p.exitValue(), "Chromium " + command + " failed: " + Files.readString(stderr));
    }
}
