package dev.fashionmnist.runtime;

/**
 * The runtime bundle's texts for the runtime's subpackages ({@code network}), which cannot call the package-private
 * {@code Message.runtime}; MessageBundleTest finds their keys as it finds those of {@code Message.runtime}.
 */
public final class RuntimeMessage {
    private RuntimeMessage() {
    }

    /** A message of the runtime's own bundle ({@link Message#RUNTIME_BUNDLE}). */
    public static Message runtime(String key, Object... args) {
        return Message.runtime(key, args);
    }
}
