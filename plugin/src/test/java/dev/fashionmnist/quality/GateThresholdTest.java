package dev.fashionmnist.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gate thresholds as fractions or percentages, and the clear errors for anything else. */
class GateThresholdTest {

    private static void assertRejected(String text, boolean allowAboveOne, String... parts) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> GateThreshold.parse(text, "minAccuracy", allowAboveOne), "'" + text + "' should be rejected");
        String m = e.getMessage();
        assertTrue(m.contains("'minAccuracy'"), m);
        assertTrue(m.contains("'" + text + "'"), m);
        for (String part : parts) {
            assertTrue(m.contains(part), "'" + m + "' should contain '" + part + "'");
        }
    }

    /** Fractions and percentages of a gate that allows values above 1 (maxLoss) or not (minAccuracy). */
    @ParameterizedTest(name = "{1}=''{0}'' is {3}")
    @CsvSource(delimiter = '|', textBlock = """
        # fractions
        0.91     | minAccuracy | false | 0.91  | 0
        1        | minAccuracy | false | 1.0   | 0
        ' 0.25 ' | minAccuracy | false | 0.25  | 0
        # percentages
        91%      | minAccuracy | false | 0.91  | 0
        ' 91 % ' | minAccuracy | false | 0.91  | 0
        100%     | minAccuracy | false | 1.0   | 0
        90.5%    | minAccuracy | false | 0.905 | 1e-15
        0%       | minAccuracy | false | 0.0   | 0
        # zero
        0        | minAccuracy | false | 0.0   | 0
        # above one only when allowed
        2.5      | maxLoss     | true  | 2.5   | 0
        35%      | maxLoss     | true  | 0.35  | 1e-15
        """)
    void fractionsAndPercentages(String text, String gate, boolean allowAboveOne, double value, double delta) {
        assertEquals(value, GateThreshold.parse(text, gate, allowAboveOne), delta);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({", false", "'', false", "'   ', true"})
    void nullOrBlankMeansNoGate(String text, boolean allowAboveOne) {
        assertNull(GateThreshold.parse(text, "minAccuracy", allowAboveOne));
    }

    @ParameterizedTest(name = "''{0}'', above one allowed: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # out of range or not a number
        1.5      | false | fraction; percentage
        -3%      | false | fraction; percentage
        101%     | false | fraction; percentage
        abc      | false | fraction; percentage
        NaN      | false | fraction; percentage
        Infinity | false | fraction; percentage
        %        | false | fraction; percentage
        0.9x     | false | fraction; percentage
        # above one only when allowed
        2.5      | false | fraction; percentage
        -1       | true  | 0 or more
        Infinity | true  | 0 or more
        """)
    void rejected(String text, boolean allowAboveOne, String parts) {
        assertRejected(text, allowAboveOne, parts.split("; "));
    }

    @Test
    void theMessageNamesTheGate() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> GateThreshold.parse("-1", "maxLoss", true));
        assertTrue(e.getMessage().contains("'maxLoss'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"0.9123, 91.23%", "1.0, 100.00%", "0.0, 0.00%",
        "0.5714285714285714, 57.14%"}) // 8.0 / 14
    void percentHasTwoDecimals(double fraction, String percent) {
        assertEquals(percent, GateThreshold.percent(fraction));
    }

    @Test
    void aWrongThresholdInGerman() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> GateThreshold.parse("1.5", "minAccuracy", false));
        assertEquals("Parameter 'minAccuracy' ist '1.5': Verwende einen Anteil zwischen 0 und 1 (z. B. 0.91) oder "
                + "einen Prozentwert zwischen 0% und 100% (z. B. 91%)", e.message().in(Language.GERMAN));
        assertEquals("Parameter 'minAccuracy' is '1.5': use a fraction between 0 and 1 (e.g. 0.91) or a percentage "
                + "between 0% and 100% (e.g. 91%)", e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> GateThreshold.parse("low", "maxLoss", true));
        assertEquals("Parameter 'maxLoss' ist 'low': Verwende einen Anteil wie 0.91 oder einen Prozentwert wie 91%",
                e.message().in(Language.GERMAN));
    }
}
