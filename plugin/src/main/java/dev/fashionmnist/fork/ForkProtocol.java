package dev.fashionmnist.fork;

import dev.fashionmnist.results.EpochProgress;
import java.util.Locale;

/**
 * The lines the training fork writes to its standard output for the Maven goal: {@code @@fashionmnist:KIND:text},
 * text with backslashes and line breaks escaped. Any other line (PyTorch's own warnings, say) is passed through.
 * A PROGRESS line carries an {@link EpochProgress} as numbers; the Maven side decides how to show it.
 */
public final class ForkProtocol {
    static final String PREFIX = "@@fashionmnist:";

    /** What a protocol line carries; TRIAL: the place of the sweep trial that the lines after it belong to. */
    public enum Kind {
        INFO, WARN, DEBUG, PROGRESS, ERROR, TRIAL
    }

    /** One parsed protocol line. */
    public record Message(Kind kind, String text) {
    }

    private ForkProtocol() {
    }

    public static String format(Kind kind, String text) {
        return PREFIX + kind + ":" + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The PROGRESS line of {@code p}. */
    public static String progress(EpochProgress p) {
        return format(Kind.PROGRESS, String.format(Locale.ROOT, "%d %d %d %d %.3f %.6f %.6f", p.epoch(), p.lastEpoch(),
                p.imagesDone(), p.imagesTotal(), p.seconds(), p.loss(), p.accuracy()));
    }

    /** The progress a PROGRESS message's text carries, or {@code null} when it is not one. */
    public static EpochProgress progress(String text) {
        String[] f = text.trim().split(" ");
        if (f.length != 7) {
            return null;
        }
        try {
            return new EpochProgress(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]));
        } catch (NumberFormatException e) {
            return null;
        }
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
