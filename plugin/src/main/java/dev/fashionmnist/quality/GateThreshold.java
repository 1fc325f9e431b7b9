package dev.fashionmnist.quality;

import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.util.Locale;

/** A gate's threshold, given as a fraction ({@code 0.91}) or a percentage ({@code 91%}), between 0 and 1. */
public final class GateThreshold {
    private GateThreshold() {
    }

    /**
     * Parses {@code text}; {@code null} or blank means "no gate". A fraction must lie in 0..1, a percentage in
     * 0%..100%; {@code allowAboveOne} admits fractions above 1 (for a loss).
     */
    public static Double parse(String text, String parameter, boolean allowAboveOne) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        boolean percent = t.endsWith("%");
        String number = percent ? t.substring(0, t.length() - 1).trim() : t;
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(Messages.of("evaluate.threshold.notNumber", parameter, text));
        }
        if (percent) {
            value /= 100.0;
        }
        if (!Double.isFinite(value) || value < 0 || (!allowAboveOne && value > 1)) {
            throw new ConfigurationException(allowAboveOne ? Messages.of("evaluate.threshold.loss", parameter, text)
                    : Messages.of("evaluate.threshold.fraction", parameter, text));
        }
        return value;
    }

    /** A fraction as a percentage with two decimals, e.g. {@code 91.23%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /**
     * A fraction as the number of a percentage with two decimals, for a message's {@code {0,number,0.00}%}
     * ({@code 91.23%}, German {@code 91,23 %}): the same digits as {@link #percent}.
     */
    public static Number percentNumber(double fraction) {
        return Numbers.rounded(100 * fraction, 2);
    }
}
