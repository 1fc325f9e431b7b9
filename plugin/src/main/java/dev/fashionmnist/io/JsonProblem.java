package dev.fashionmnist.io;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.io.EOFException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Gson's exceptions say, in words: "is not valid JSON (line 3, column 14: expected a name in quotes)" instead
 * of "com.google.gson.JsonSyntaxException: com.google.gson.stream.MalformedJsonException: Expected name at line 3
 * column 14 path $.model. See https://...".
 */
final class JsonProblem {
    private static final Pattern WHERE = Pattern.compile("(.*?) at line (\\d+) column (\\d+) path (\\S*)");
    private static final Pattern EXPECTED = Pattern.compile("Expected (\\w+) but was (\\w+)");
    private static final Pattern CONSTRUCTOR = Pattern.compile("constructor '([\\w.$]+)\\(");
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*: ");
    /** Gson's tokens, each worded by the key {@code report.json.token.<TOKEN>}. */
    static final List<String> TOKENS = List.of("BEGIN_OBJECT", "BEGIN_ARRAY", "STRING", "NUMBER", "BOOLEAN", "NULL",
            "NAME", "END_OBJECT", "END_ARRAY", "END_DOCUMENT");

    private JsonProblem() {
    }

    /** "FILE is not valid JSON (...)" or "FILE is not valid JSON for a T (...)". */
    static Message describe(Path file, RuntimeException e, Class<?> type) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String typeName = type.getSimpleName();
        Matcher constructor = CONSTRUCTOR.matcher(String.valueOf(e.getMessage()));
        if (constructor.find()) {
            String name = constructor.group(1).replaceAll(".*[.$]", "");
            Object why = root instanceof NullPointerException || root.getMessage() == null
                    ? Messages.of("report.json.missingValue") : plain(root.getMessage());
            return Messages.of("report.json.invalidFor", file, typeName,
                    Messages.of("report.json.noConstructor", name, why));
        }
        if (root instanceof NumberFormatException) {
            return Messages.of("report.json.invalidFor", file, typeName, Messages.of("report.json.notNumber",
                    plain(root.getMessage()).replace("For input string: ", "")));
        }
        String message = plain(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        Matcher where = WHERE.matcher(message);
        Object detail;
        if (where.matches()) {
            String path = where.group(4).replaceFirst("^\\$\\.?", "").replaceFirst("\\.$", "");
            int line = Integer.parseInt(where.group(2));
            int column = Integer.parseInt(where.group(3));
            Object what = what(where.group(1), root);
            detail = path.isEmpty() ? Messages.of("report.json.where", line, column, what)
                    : Messages.of("report.json.whereAt", line, column, path, what);
        } else {
            detail = what(message, root);
        }
        return root instanceof IllegalStateException ? Messages.of("report.json.invalidFor", file, typeName, detail)
                : Messages.of("report.json.invalid", file, detail);
    }

    /** What Gson found wrong, in words where it is one of the known problems; else Gson's own (English) words. */
    private static Object what(String gson, Throwable root) {
        Matcher expected = EXPECTED.matcher(gson);
        if (expected.matches()) {
            return Messages.of("report.json.expected", token(expected.group(1)), token(expected.group(2)));
        }
        if (root instanceof EOFException || gson.startsWith("End of input")) {
            return Messages.of("report.json.endsEarly");
        }
        if (gson.equals("Expected name")) {
            return Messages.of("report.json.expectedName");
        }
        if (gson.startsWith("Use JsonReader.setStrictness")) {
            return Messages.of("report.json.notJson");
        }
        return gson.isEmpty() ? gson : gson.substring(0, 1).toLowerCase(Locale.ROOT) + gson.substring(1);
    }

    /** A Gson token in words ("an object {...}"), or its name when it is not one of {@link #TOKENS}. */
    static Object token(String name) {
        return TOKENS.contains(name) ? new Message(Messages.BUNDLE, "report.json.token." + name, "{...}") : name;
    }

    /** The first line of a message without leading Java class names. */
    private static String plain(String message) {
        String first = message.lines().findFirst().orElse("").trim();
        String previous;
        do {
            previous = first;
            first = CLASS_PREFIX.matcher(first).replaceFirst("");
        } while (!first.equals(previous));
        return first;
    }
}
