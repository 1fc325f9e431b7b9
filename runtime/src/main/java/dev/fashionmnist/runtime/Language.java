package dev.fashionmnist.runtime;

import java.util.Locale;
import java.util.Optional;

/** The languages the plugin and the runtime speak: every message, report and plot exists in each. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    GERMAN("de", Locale.GERMAN);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The ISO 639 code, as the {@code language} parameter takes it: {@code en}, {@code de}. */
    public String tag() {
        return tag;
    }

    /** The locale that formats this language's numbers (German: decimal comma). */
    public Locale locale() {
        return locale;
    }

    /**
     * The language a parameter value names: {@code en} or {@code de} in any case, also with a region
     * ({@code de_AT}, {@code de-CH}); empty for anything else.
     */
    public static Optional<Language> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language l : values()) {
            if (l.tag.equals(code) && value.trim().matches("(?i)[a-z]{2}([-_][a-z0-9]{2,8})*")) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** German for a German locale, else English. */
    public static Language of(Locale locale) {
        return locale != null && GERMAN.tag.equals(locale.getLanguage()) ? GERMAN : ENGLISH;
    }

    /** The default: the JVM's locale ({@code user.language}, from {@code LANG} on Linux) if German, else English. */
    public static Language ofJvm() {
        return of(Locale.getDefault());
    }
}
