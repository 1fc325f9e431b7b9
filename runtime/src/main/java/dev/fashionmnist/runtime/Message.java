package dev.fashionmnist.runtime;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A text for the user, kept as a key of a message bundle and its arguments until it is shown: then it is worded in the
 * reader's {@link Language}. The bundles are {@code .properties} files (UTF-8), one per language, with
 * {@link MessageFormat} patterns: {@code {0,number,0.00}} formats with the language's decimal separator, a whole
 * number without a format shows without grouping (a seed, an epoch, a port), a {@code Message} argument is worded in
 * the same language, so is a {@link Localizable} problem; another exception shows its message, anything else its
 * {@code toString()}.
 */
public final class Message {
    /** The runtime's own bundle. */
    public static final String RUNTIME_BUNDLE = "dev.fashionmnist.runtime.messages";

    private static final ConcurrentMap<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final String bundle;
    private final String key;
    private final Object[] args;

    /** The text under {@code key} in the bundle {@code bundle} (a base name, e.g. {@link #RUNTIME_BUNDLE}). */
    public Message(String bundle, String key, Object... args) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.key = Objects.requireNonNull(key, "key");
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** A message of the runtime's own bundle. */
    static Message runtime(String key, Object... args) {
        return new Message(RUNTIME_BUNDLE, key, args);
    }

    public String bundle() {
        return bundle;
    }

    public String key() {
        return key;
    }

    /** The arguments, as given. */
    public Object[] args() {
        return args.clone();
    }

    /** The text in {@code language}. */
    public String in(Language language) {
        String pattern = pattern(bundle, key, language);
        MessageFormat format = new MessageFormat(pattern, language.locale());
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            boolean formatted = i < formats.length && formats[i] != null;
            if (a instanceof Message m) {
                shown[i] = m.in(language);
            } else if (a instanceof Localizable l && l.message() != null) {
                shown[i] = l.message().in(language);
            } else if (a instanceof Throwable t) {
                shown[i] = t.getMessage() != null ? t.getMessage() : t.toString();
            } else if (!formatted && (a instanceof Integer || a instanceof Long || a instanceof Short
                    || a instanceof java.math.BigInteger)) {
                shown[i] = a.toString();
            } else if (a == null || a instanceof Number || a instanceof java.util.Date) {
                shown[i] = a;
            } else {
                shown[i] = a.toString();
            }
        }
        return format.format(shown);
    }

    /** The English text. */
    @Override
    public String toString() {
        return in(Language.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.bundle.equals(bundle) && m.key.equals(key) && Arrays.equals(m.args, args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, key, Arrays.hashCode(args));
    }

    /** Whether {@code bundle} has {@code key} (in English, the bundle every key must be in). */
    public static boolean exists(String bundle, String key) {
        return bundle(bundle, Language.ENGLISH).containsKey(key);
    }

    /** The raw pattern under {@code key}, in {@code language}. */
    public static String pattern(String bundle, String key, Language language) {
        try {
            return bundle(bundle, language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' in " + bundle + " (" + language.tag() + ")", e);
        }
    }

    /** The bundle {@code baseName} in {@code language}; English is the base file, other languages its _xx files. */
    public static ResourceBundle bundle(String baseName, Language language) {
        return BUNDLES.computeIfAbsent(baseName + "_" + language.tag(), k -> ResourceBundle.getBundle(baseName,
                language == Language.ENGLISH ? Locale.ROOT : language.locale(), Message.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
