package dev.fashionmnist.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of every CSV file: rounded for people, read back by {@link Double#parseDouble}. */
class NumbersTest {
    @Test
    void fractionsKeepFourDecimals() {
        assertEquals("0.9058", Numbers.fraction(0.9057999999999999));
        assertEquals("0.8449", Numbers.fraction(0.8449000000000001));
        assertEquals("0.7000", Numbers.fraction(0.7));
        assertEquals("1.0000", Numbers.fraction(1));
        assertEquals("0.0000", Numbers.fraction(0));
        assertEquals("0.1235", Numbers.fraction(0.12345), "half up, from the shortest decimal of the double");
    }

    @Test
    void lossesAndRatesKeepFourSignificantDigits() {
        assertEquals("0.4535", Numbers.loss(0.4534980942726135));
        assertEquals("2.303", Numbers.loss(2.302585092994046));
        assertEquals("0.00001235", Numbers.loss(1.2345e-5), "small losses keep their digits, no exponent");
        assertEquals("12350", Numbers.loss(12345.6), "large losses, no exponent");
        assertEquals("0.5", Numbers.loss(0.5));
        assertEquals("0", Numbers.loss(0));
        assertEquals("0.001", Numbers.rate(0.001));
        assertEquals("0.0002768", Numbers.rate(2.76812345e-4));
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
