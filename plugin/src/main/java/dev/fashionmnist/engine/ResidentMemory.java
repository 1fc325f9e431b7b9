package dev.fashionmnist.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: the peak ({@code VmHWM}, which
 * includes PyTorch's native memory and the JVM's heap alike) and the current value ({@code VmRSS}). Empty where the
 * file does not exist (macOS, Windows).
 */
public final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    /** The peak resident memory of this process so far, in KiB. */
    public static OptionalLong peakKiB() {
        return field("VmHWM:");
    }

    /** The resident memory of this process now, in KiB. */
    public static OptionalLong currentKiB() {
        return field("VmRSS:");
    }

    private static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or an unexpected format: no figure rather than a wrong one
        }
        return OptionalLong.empty();
    }
}
