package dev.fashionmnist.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Reads another JVM's output line by line: tests synchronise with other processes by what they print. */
public final class ProcessOutput {
    private ProcessOutput() {
    }

    public static BufferedReader of(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads up to the first line starting with {@code start} and returns it; fails at the end of the output. */
    public static String awaitLine(BufferedReader out, String start) throws IOException {
        return awaitLine(out, line -> line.startsWith(start), "starting with '" + start + "'");
    }

    /** Reads up to the first line containing {@code part} and returns it; fails at the end of the output. */
    public static String awaitLineWith(BufferedReader out, String part) throws IOException {
        return awaitLine(out, line -> line.contains(part), "with '" + part + "'");
    }

    private static String awaitLine(BufferedReader out, Predicate<String> wanted, String what) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (wanted.test(line)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("no line " + what + " before the end of the output:\n" + seen);
    }
}
