package dev.fashionmnist.report;

import java.io.EOFException;
import java.util.Locale;
import java.util.Map;
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
    private static final Map<String, String> TOKENS = Map.of("BEGIN_OBJECT", "an object {...}", "BEGIN_ARRAY",
            "a list [...]", "STRING", "a string", "NUMBER", "a number", "BOOLEAN", "true or false", "NULL", "null",
            "NAME", "a name", "END_OBJECT", "the end of an object", "END_ARRAY", "the end of a list", "END_DOCUMENT",
            "the end of the file");

    private JsonProblem() {
    }

    /** "is not valid JSON (...)" or "is not valid JSON for a T (...)", completing a sentence that names the file. */
    static String describe(RuntimeException e, Class<?> type) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Matcher constructor = CONSTRUCTOR.matcher(String.valueOf(e.getMessage()));
        if (constructor.find()) {
            String name = constructor.group(1).replaceAll(".*[.$]", "");
            String why = root instanceof NullPointerException || root.getMessage() == null
                    ? "a required value is missing or null" : plain(root.getMessage());
            return "is not valid JSON for a " + type.getSimpleName() + " (its " + name + " cannot be made: " + why
                    + ")";
        }
        if (root instanceof NumberFormatException) {
            return "is not valid JSON for a " + type.getSimpleName() + " (expected a number, found "
                    + plain(root.getMessage()).replace("For input string: ", "") + ")";
        }
        String message = plain(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        boolean structure = root instanceof IllegalStateException;
        Matcher where = WHERE.matcher(message);
        String detail;
        if (where.matches()) {
            String path = where.group(4).replaceFirst("^\\$\\.?", "").replaceFirst("\\.$", "");
            detail = "line " + where.group(2) + ", column " + where.group(3)
                    + (path.isEmpty() ? "" : ", at " + path) + ": " + what(where.group(1), root);
        } else {
            detail = what(message, root);
        }
        return "is not valid JSON" + (structure ? " for a " + type.getSimpleName() : "") + " (" + detail + ")";
    }

    private static String what(String gson, Throwable root) {
        Matcher expected = EXPECTED.matcher(gson);
        if (expected.matches()) {
            return "expected " + TOKENS.getOrDefault(expected.group(1), expected.group(1)) + " but found "
                    + TOKENS.getOrDefault(expected.group(2), expected.group(2));
        }
        if (root instanceof EOFException || gson.startsWith("End of input")) {
            return "the file ends too early";
        }
        if (gson.equals("Expected name")) {
            return "expected a name in double quotes";
        }
        if (gson.startsWith("Use JsonReader.setStrictness")) {
            return "text that is not JSON (an unquoted word, a comment, or more after the end)";
        }
        return gson.isEmpty() ? gson : gson.substring(0, 1).toLowerCase(Locale.ROOT) + gson.substring(1);
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
