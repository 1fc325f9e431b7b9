package dev.fashionmnist.text;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;

/**
 * The plugin's texts: keys of the bundle {@code dev/fashionmnist/text/messages.properties} (English) and its
 * {@code messages_de.properties} (German), worded in the reader's {@link Language} when shown. Core code makes
 * {@link Message}s; the Maven log, the reports and the plots word them.
 */
public final class Messages {
    /** The plugin's bundle. */
    public static final String BUNDLE = "dev.fashionmnist.text.messages";

    private Messages() {
    }

    /** The text under {@code key} with {@code args}, not yet worded. */
    public static Message of(String key, Object... args) {
        return new Message(BUNDLE, key, args);
    }

    /** The text under {@code key} with {@code args} in {@code language}. */
    public static String text(Language language, String key, Object... args) {
        return of(key, args).in(language);
    }

    /** A fraction as a percentage with two decimals, rounded half up: 91.23% in English, 91,23 % in German. */
    public static Message percent(double fraction) {
        return of("report.summary.percent", Numbers.rounded(100 * fraction, 2));
    }

    /** A loss with four decimals, rounded half up: 0.3456 in English, 0,3456 in German. */
    public static Message loss(double loss) {
        return of("report.summary.number", Numbers.rounded(loss, 4));
    }

    /** What a problem says, in {@code language} where it knows its words, else its own message. */
    public static String of(Throwable problem, Language language) {
        return Message.text(problem, language);
    }
}
