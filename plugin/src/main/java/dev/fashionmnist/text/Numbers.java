package dev.fashionmnist.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How every CSV file of the plugin writes its numbers: rounded to what a person reads and a spreadsheet needs
 * ({@code 0.9058}, not {@code 0.9057999999999999}), always with a dot, never with an exponent or grouping, and
 * {@code NaN} / {@code Infinity} as Java writes them, so that {@link Double#parseDouble} reads every value back.
 *
 * <p>Accuracies, precision, recall and F1 (fractions from 0 to 1) keep 4 decimals, losses and learning rates 4
 * significant digits (a loss of 2.303 and one of 0.0001234 both keep their precision), seconds 3 decimals, images per
 * second 1 decimal and probabilities 6 decimals. Nothing that training continues from is read back from a CSV file:
 * a resumed run takes its history from the checkpoint's JSON, which keeps full precision.
 */
public final class Numbers {
    private static final int LOSS_DIGITS = 4;

    private Numbers() {
    }

    /** A fraction from 0 to 1 (accuracy, precision, recall, F1): 4 decimals, e.g. {@code 0.9058}. */
    public static String fraction(double v) {
        return decimals(v, 4);
    }

    /** A loss: 4 significant digits, e.g. {@code 0.4535}, {@code 2.303}, {@code 0.00001234}. */
    public static String loss(double v) {
        return significant(v, LOSS_DIGITS);
    }

    /** A learning rate: 4 significant digits, e.g. {@code 0.001}, {@code 0.0002768}. */
    public static String rate(double v) {
        return significant(v, LOSS_DIGITS);
    }

    /** A duration in seconds: 3 decimals, e.g. {@code 4.128}. */
    public static String seconds(double v) {
        return decimals(v, 3);
    }

    /** A throughput in images per second: 1 decimal, e.g. {@code 3950.7}. */
    public static String perSecond(double v) {
        return decimals(v, 1);
    }

    /** A probability: 6 decimals, e.g. {@code 0.912345}. */
    public static String probability(double v) {
        return decimals(v, 6);
    }

    /** {@code v} with exactly {@code places} decimals (rounded half up). */
    static String decimals(double v, int places) {
        return Double.isFinite(v) ? ((BigDecimal) rounded(v, places)).toPlainString() : Double.toString(v);
    }

    /**
     * {@code v} rounded half up to {@code places} decimals, as {@code String.format("%.2f")} rounds, for a
     * {@code {0,number,0.00}} of a message, which then shows exactly these digits in every language (a decimal comma
     * in German); NaN and infinities as they are.
     */
    public static Number rounded(double v, int places) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP) : (Number) v;
    }

    /** {@code v} with at most {@code digits} significant digits (rounded half up), trailing zeros dropped. */
    static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return BigDecimal.valueOf(v).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }
}
