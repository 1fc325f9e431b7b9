package dev.fashionmnist.runtime;

import java.math.BigInteger;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * A text for the user, kept as a key of a message bundle and its arguments until it is shown: then it is worded in the
 * reader's {@link Language}. The bundles are {@code .properties} files (UTF-8), one per language, with
 * {@link MessageFormat} patterns: {@code {0,number,0.00}} formats with the language's decimal separator, a whole
 * number without a format shows without grouping (a seed, an epoch, a port), any other argument as
 * {@link #text(Object, Language)} words it. A {@link #joined} message lists parts with a separator.
 *
 * @since 0.1.0
 */
public final class Message {
    /** The runtime's own bundle. */
    public static final String RUNTIME_BUNDLE = "dev.fashionmnist.runtime.messages";

    private static final ConcurrentMap<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final String bundle;
    private final String key;
    private final Object[] args;
    /** Not null for a {@link #joined} list: what stands between its parts. */
    private final String separator;

    /**
     * The text under {@code key} in the bundle {@code bundle} (a base name, e.g. {@link #RUNTIME_BUNDLE}).
     *
     * @param bundle the bundle's base name, as {@link ResourceBundle#getBundle(String)} takes it
     * @param key    the key of the text in the bundle
     * @param args   the values of the pattern's {@code {0}}, {@code {1}}, ...; copied
     */
    public Message(String bundle, String key, Object... args) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.key = Objects.requireNonNull(key, "key");
        this.args = args == null ? new Object[0] : args.clone();
        this.separator = null;
    }

    private Message(String separator, List<?> parts) {
        this.bundle = null;
        this.key = null;
        this.args = parts.toArray();
        this.separator = separator;
    }

    /**
     * A message of the runtime's own bundle ({@link #RUNTIME_BUNDLE}): how the runtime's code, its internal packages
     * included, words its problems. Public only for them; an application words its own texts with its own bundle
     * through {@link #Message(String, String, Object...)}.
     *
     * @param key  the key of the text in the runtime's bundle
     * @param args the values of the pattern's placeholders
     * @return the message
     */
    public static Message runtime(String key, Object... args) {
        return new Message(RUNTIME_BUNDLE, key, args);
    }

    /**
     * {@code text} as it is in every language: a name, or words a library gave in its own language.
     *
     * @param text the text
     * @return a message that words {@code text} the same in every language
     */
    public static Message literal(String text) {
        return runtime("literal", text);
    }

    /**
     * {@code parts} one after another with {@code separator} between them (the same in every language, e.g.
     * {@code ", "}), each part worded as an argument is.
     *
     * @param separator what stands between two parts
     * @param parts     the parts, in order: messages, problems or any other values
     * @return the list as one message
     */
    public static Message joined(String separator, List<?> parts) {
        return new Message(Objects.requireNonNull(separator, "separator"), parts);
    }

    /**
     * The bundle's base name; {@code null} for a {@link #joined} list.
     *
     * @return the base name, or {@code null}
     */
    public String bundle() {
        return bundle;
    }

    /**
     * The key; {@code null} for a {@link #joined} list.
     *
     * @return the key, or {@code null}
     */
    public String key() {
        return key;
    }

    /**
     * The arguments (the parts of a {@link #joined} list), as given.
     *
     * @return a copy of the arguments
     */
    public Object[] args() {
        return args.clone();
    }

    /**
     * The text in {@code language}.
     *
     * @param language the reader's language
     * @return the worded text
     * @throws IllegalStateException when the bundle has no text for the key in that language
     */
    public String in(Language language) {
        if (separator != null) {
            return Arrays.stream(args).map(a -> text(a, language)).collect(Collectors.joining(separator));
        }
        MessageFormat format = new MessageFormat(pattern(bundle, key, language), language.locale());
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            boolean formatted = i < formats.length && formats[i] != null;
            boolean whole = a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof BigInteger;
            shown[i] = a instanceof Number && (formatted || !whole) || a instanceof Date ? a : text(a, language);
        }
        return format.format(shown);
    }

    /**
     * How a message words any value in {@code language}: a {@code Message} and a {@link Localizable} problem in that
     * language, another exception by its message, {@code null} as "null", anything else by {@code toString()}.
     *
     * @param value    the value to word, may be {@code null}
     * @param language the reader's language
     * @return the text
     */
    public static String text(Object value, Language language) {
        if (value instanceof Message m) {
            return m.in(language);
        }
        if (value instanceof Localizable l && l.message() != null) {
            return l.message().in(language);
        }
        if (value instanceof Throwable t) {
            return t.getMessage() != null ? t.getMessage() : t.toString();
        }
        return String.valueOf(value);
    }

    /** The English text. */
    @Override
    public String toString() {
        return in(Language.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && Objects.equals(m.bundle, bundle) && Objects.equals(m.key, key)
                && Objects.equals(m.separator, separator) && Arrays.equals(m.args, args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, key, separator, Arrays.hashCode(args));
    }

    /**
     * Whether {@code bundle} has {@code key} (in English, the bundle every key must be in).
     *
     * @param bundle the bundle's base name
     * @param key    the key
     * @return whether the English bundle holds the key
     */
    public static boolean exists(String bundle, String key) {
        return bundle(bundle, Language.ENGLISH).containsKey(key);
    }

    /**
     * The raw pattern under {@code key}, in {@code language}.
     *
     * @param bundle   the bundle's base name
     * @param key      the key
     * @param language the language whose bundle is read
     * @return the {@link MessageFormat} pattern, unformatted
     * @throws IllegalStateException when that bundle has no such key
     */
    public static String pattern(String bundle, String key, Language language) {
        try {
            return bundle(bundle, language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' in " + bundle + " (" + language.tag() + ")", e);
        }
    }

    /**
     * The bundle {@code baseName} in {@code language}; English is the base file, other languages its _xx files.
     *
     * @param baseName the bundle's base name
     * @param language the language
     * @return the bundle, loaded once and kept
     * @throws MissingResourceException when there is no such bundle
     */
    public static ResourceBundle bundle(String baseName, Language language) {
        return BUNDLES.computeIfAbsent(baseName + "_" + language.tag(), k -> ResourceBundle.getBundle(baseName,
                language == Language.ENGLISH ? Locale.ROOT : language.locale(), Message.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
