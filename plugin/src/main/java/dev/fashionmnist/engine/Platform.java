package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.internal.Natives;
import dev.fashionmnist.text.Messages;

/**
 * The classifier of the PyTorch natives jar for this operating system and processor: the runtime's, so that the
 * plugin resolves the jar that the runtime's messages name.
 */
public final class Platform {
    private Platform() {
    }

    public static String classifier() {
        return classifier(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static String classifier(String osName, String osArch) {
        return Natives.classifier(osName, osArch)
                .orElseThrow(() -> new EngineException(Messages.of("engine.platform.unsupported", osName, osArch)));
    }
}
