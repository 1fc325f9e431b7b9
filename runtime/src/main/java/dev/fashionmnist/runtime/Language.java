package dev.fashionmnist.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the plugin and the runtime speak: every message, report and plot exists in each.
 *
 * @since 0.1.0
 */
public enum Language {
    /** English, {@code en}: the language of {@code getMessage()} and of CSV and JSON files. */
    ENGLISH("en", Locale.ENGLISH),
    /** German, {@code de}, with a decimal comma. */
    GERMAN("de", Locale.GERMAN);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /**
     * The ISO 639 code, as the {@code language} parameter takes it: {@code en}, {@code de}.
     *
     * @return the two-letter code
     */
    public String tag() {
        return tag;
    }

    /**
     * The locale that formats this language's numbers (German: decimal comma).
     *
     * @return {@link Locale#ENGLISH} or {@link Locale#GERMAN}
     */
    public Locale locale() {
        return locale;
    }

    /**
     * The language a parameter value names: {@code en} or {@code de} in any case, also with a region
     * ({@code de_AT}, {@code de-CH}); empty for anything else.
     *
     * @param value the value as written, may be {@code null}
     * @return the language, or empty when {@code value} names none of them
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

    /**
     * German for a German locale, else English.
     *
     * @param locale a locale, e.g. a site's; {@code null} gives English
     * @return the language to speak to a reader of that locale
     */
    public static Language of(Locale locale) {
        return locale != null && GERMAN.tag.equals(locale.getLanguage()) ? GERMAN : ENGLISH;
    }

    /**
     * The default: the JVM's locale ({@code user.language}, from {@code LANG} on Linux) if German, else English.
     *
     * @return the language of the JVM's default locale
     */
    public static Language ofJvm() {
        return of(Locale.getDefault());
    }
}
