package dev.fashionmnist.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of every CSV file: rounded for people, read back by {@link Double#parseDouble}. */
class CsvNumbersTest {
    @Test
    void fractionsKeepFourDecimals() {
        assertEquals("0.9058", CsvNumbers.fraction(0.9057999999999999));
        assertEquals("0.8449", CsvNumbers.fraction(0.8449000000000001));
        assertEquals("0.7000", CsvNumbers.fraction(0.7));
        assertEquals("1.0000", CsvNumbers.fraction(1));
        assertEquals("0.0000", CsvNumbers.fraction(0));
        assertEquals("0.1235", CsvNumbers.fraction(0.12345), "half up, from the shortest decimal of the double");
    }

    @Test
    void lossesAndRatesKeepFourSignificantDigits() {
        assertEquals("0.4535", CsvNumbers.loss(0.4534980942726135));
        assertEquals("2.303", CsvNumbers.loss(2.302585092994046));
        assertEquals("0.00001235", CsvNumbers.loss(1.2345e-5), "small losses keep their digits, no exponent");
        assertEquals("12350", CsvNumbers.loss(12345.6), "large losses, no exponent");
        assertEquals("0.5", CsvNumbers.loss(0.5));
        assertEquals("0", CsvNumbers.loss(0));
        assertEquals("0.001", CsvNumbers.rate(0.001));
        assertEquals("0.0002768", CsvNumbers.rate(2.76812345e-4));
    }

    @Test
    void secondsThroughputAndProbabilities() {
        assertEquals("4.128", CsvNumbers.seconds(4.127903069));
        assertEquals("3950.7", CsvNumbers.perSecond(3950.6508388766774));
        assertEquals("0.123457", CsvNumbers.probability(0.1234567));
    }

    @Test
    void divergedValuesStayReadable() {
        for (double v : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
            for (String s : List.of(CsvNumbers.loss(v), CsvNumbers.fraction(v), CsvNumbers.seconds(v))) {
                assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(s)), s);
            }
        }
        assertEquals("NaN", CsvNumbers.loss(Double.NaN));
    }

    @Test
    void everyValueReadsBackWithinItsRounding() {
        for (double v = 1e-6; v < 1e4; v *= 1.37) {
            assertEquals(v, Double.parseDouble(CsvNumbers.loss(v)), v * 5e-4, "loss " + v);
            assertEquals(v, Double.parseDouble(CsvNumbers.fraction(v)), 5e-5, "fraction " + v);
            assertEquals(v, Double.parseDouble(CsvNumbers.seconds(v)), 5e-4, "seconds " + v);
        }
    }
}
