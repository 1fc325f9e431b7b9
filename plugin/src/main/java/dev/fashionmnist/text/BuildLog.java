package dev.fashionmnist.text;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;

/**
 * Where the core writes what the user should see; the Maven goals pass their own log, tests a recording one. The core
 * logs {@link Message}s, worded here in the log's {@link #language()}; {@code debug} lines (shown with {@code -X}, for
 * bug reports) stay English.
 */
public interface BuildLog {
    /** A line already worded for the reader. */
    void info(String message);

    /** A line already worded for the reader. */
    void warn(String message);

    void debug(String message);

    /** The reader's language: what {@link Message}s are worded in. */
    default Language language() {
        return Language.ENGLISH;
    }

    default void info(Message message) {
        info(message.in(language()));
    }

    default void warn(Message message) {
        warn(message.in(language()));
    }

    /** A log that prints INFO and WARN to standard output, for use outside Maven. */
    static BuildLog console() {
        return console(Language.ENGLISH);
    }

    /** A log that prints INFO and WARN to standard output in {@code language}, for use outside Maven. */
    static BuildLog console(Language language) {
        return new BuildLog() {
            @Override
            public void info(String message) {
                System.out.println("[INFO] " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("[WARNING] " + message);
            }

            @Override
            public void debug(String message) {
            }

            @Override
            public Language language() {
                return language;
            }
        };
    }
}
