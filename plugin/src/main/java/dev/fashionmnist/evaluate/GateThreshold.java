package dev.fashionmnist.evaluate;

import dev.fashionmnist.model.ModelException;
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
            throw new ModelException("Parameter '" + parameter + "' is '" + text + "': use a fraction like 0.91 or a "
                    + "percentage like 91%");
        }
        if (percent) {
            value /= 100.0;
        }
        if (!Double.isFinite(value) || value < 0 || (!allowAboveOne && value > 1)) {
            throw new ModelException("Parameter '" + parameter + "' is '" + text + "': "
                    + (allowAboveOne ? "use a number of 0 or more, e.g. 0.35"
                    : "use a fraction between 0 and 1 (e.g. 0.91) or a percentage between 0% and 100% (e.g. 91%)"));
        }
        return value;
    }

    /** A fraction as a percentage with two decimals, e.g. {@code 91.23%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
