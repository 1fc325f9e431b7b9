package dev.fashionmnist.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The numbers of every CSV file: rounded for people, read back by {@link Double#parseDouble}. */
class NumbersTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"0.9057999999999999, 0.9058", "0.8449000000000001, 0.8449", "0.7, 0.7000", "1, 1.0000", "0, 0.0000",
        "0.12345, 0.1235"}) // half up, from the shortest decimal of the double
    void fractionsKeepFourDecimals(double value, String text) {
        assertEquals(text, Numbers.fraction(value));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"0.4534980942726135, 0.4535", "2.302585092994046, 2.303",
        "1.2345e-5, 0.00001235", // small losses keep their digits, no exponent
        "12345.6, 12350", // large losses, no exponent
        "0.5, 0.5", "0, 0"})
    void lossesKeepFourSignificantDigits(double value, String text) {
        assertEquals(text, Numbers.loss(value));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"0.001, 0.001", "2.76812345e-4, 0.0002768"})
    void ratesKeepFourSignificantDigits(double value, String text) {
        assertEquals(text, Numbers.rate(value));
    }

    @Test
    void secondsThroughputAndProbabilities() {
        assertEquals("4.128", Numbers.seconds(4.127903069));
        assertEquals("3950.7", Numbers.perSecond(3950.6508388766774));
        assertEquals("0.123457", Numbers.probability(0.1234567));
    }

    @Test
    void divergedValuesStayReadable() {
        for (double v : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
            for (String s : List.of(Numbers.loss(v), Numbers.fraction(v), Numbers.seconds(v))) {
                assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(s)), s);
            }
        }
        assertEquals("NaN", Numbers.loss(Double.NaN));
    }

    @Test
    void everyValueReadsBackWithinItsRounding() {
        for (double v = 1e-6; v < 1e4; v *= 1.37) {
            assertEquals(v, Double.parseDouble(Numbers.loss(v)), v * 5e-4, "loss " + v);
            assertEquals(v, Double.parseDouble(Numbers.fraction(v)), 5e-5, "fraction " + v);
            assertEquals(v, Double.parseDouble(Numbers.seconds(v)), 5e-4, "seconds " + v);
        }
    }
}
