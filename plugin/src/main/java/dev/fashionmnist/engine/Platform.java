package dev.fashionmnist.engine;

import dev.fashionmnist.text.Messages;
import java.util.Locale;

/** The classifier of the PyTorch natives jar for this operating system and processor. */
public final class Platform {
    private Platform() {
    }

    public static String classifier() {
        return classifier(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static String classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux") && x64) {
            return "linux-x86_64";
        }
        if (os.contains("linux") && arm64) {
            return "linux-aarch64";
        }
        if (os.contains("mac") && arm64) {
            return "osx-aarch64";
        }
        if (os.contains("windows") && x64) {
            return "win-x86_64";
        }
        throw new EngineException(Messages.of("engine.platform.unsupported", osName, osArch));
    }
}
