package dev.fashionmnist.engine;

/**
 * The lines the training fork writes to its standard output for the Maven goal: {@code @@fashionmnist:KIND:text},
 * text with backslashes and line breaks escaped. Any other line (PyTorch's own warnings, say) is passed through.
 */
public final class ForkProtocol {
    static final String PREFIX = "@@fashionmnist:";

    /** What a protocol line carries. */
    public enum Kind {
        INFO, WARN, DEBUG, PROGRESS, ERROR
    }

    /** One parsed protocol line. */
    public record Message(Kind kind, String text) {
    }

    private ForkProtocol() {
    }

    public static String format(Kind kind, String text) {
        return PREFIX + kind + ":" + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The message of a protocol line, or {@code null} for any other line. */
    public static Message parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        int colon = line.indexOf(':', PREFIX.length());
        if (colon < 0) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(line.substring(PREFIX.length(), colon));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new Message(kind, unescape(line.substring(colon + 1)));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
