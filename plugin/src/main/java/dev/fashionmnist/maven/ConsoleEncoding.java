package dev.fashionmnist.maven;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether Maven's console can show German text. On Java 17 Maven's log reaches the console in
 * {@code sun.stdout.encoding} where that is set, else in the default charset, which follows the locale
 * ({@code LANG=C}: ASCII, every umlaut a {@code ?}); Java 19 on reads {@code stdout.encoding}. One instance per build
 * says it once.
 */
final class ConsoleEncoding {
    /** What German needs beyond ASCII. */
    static final String UMLAUTS = "äöüÄÖÜß";

    private final AtomicBoolean warned = new AtomicBoolean();

    /** The charset the console gets, from the JVM's {@code system} properties and its {@code fallback} charset. */
    static Charset of(Properties system, Charset fallback) {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = system.getProperty(property);
            if (name != null && !name.isBlank()) {
                try {
                    return Charset.forName(name.trim());
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return fallback; // the JVM itself falls back to its default then
                }
            }
        }
        return fallback;
    }

    /** Whether {@code charset} can show every German letter. */
    static boolean showsUmlauts(Charset charset) {
        return charset.canEncode() && charset.newEncoder().canEncode(UMLAUTS);
    }

    /** Warns once per build when the log is German and the console {@code charset} cannot show umlauts. */
    void check(Language language, Charset charset, BuildLog log) {
        if (language == Language.GERMAN && !showsUmlauts(charset) && warned.compareAndSet(false, true)) {
            log.warn(Messages.of("maven.console.encoding", charset.name()));
        }
    }
}
