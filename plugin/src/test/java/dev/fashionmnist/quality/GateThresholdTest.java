package dev.fashionmnist.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.ConfigurationException;
import org.junit.jupiter.api.Test;

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

    @Test
    void fraction() {
        assertEquals(0.91, GateThreshold.parse("0.91", "minAccuracy", false), 0.0);
        assertEquals(1.0, GateThreshold.parse("1", "minAccuracy", false), 0.0);
        assertEquals(0.25, GateThreshold.parse(" 0.25 ", "minAccuracy", false), 0.0);
    }

    @Test
    void percentage() {
        assertEquals(0.91, GateThreshold.parse("91%", "minAccuracy", false), 0.0);
        assertEquals(0.91, GateThreshold.parse(" 91 % ", "minAccuracy", false), 0.0);
        assertEquals(1.0, GateThreshold.parse("100%", "minAccuracy", false), 0.0);
        assertEquals(0.905, GateThreshold.parse("90.5%", "minAccuracy", false), 1e-15);
        assertEquals(0.0, GateThreshold.parse("0%", "minAccuracy", false), 0.0);
    }

    @Test
    void zero() {
        assertEquals(0.0, GateThreshold.parse("0", "minAccuracy", false), 0.0);
    }

    @Test
    void nullOrBlankMeansNoGate() {
        assertNull(GateThreshold.parse(null, "minAccuracy", false));
        assertNull(GateThreshold.parse("", "minAccuracy", false));
        assertNull(GateThreshold.parse("   ", "minAccuracy", true));
    }

    @Test
    void outOfRangeOrNotANumberIsRejected() {
        for (String bad : new String[] {"1.5", "-3%", "101%", "abc", "NaN", "Infinity", "%", "0.9x"}) {
            assertRejected(bad, false, "fraction", "percentage");
        }
    }

    @Test
    void aboveOneOnlyWhenAllowed() {
        assertEquals(2.5, GateThreshold.parse("2.5", "maxLoss", true), 0.0);
        assertEquals(0.35, GateThreshold.parse("35%", "maxLoss", true), 1e-15);
        assertRejected("2.5", false, "fraction", "percentage");
        assertRejected("-1", true, "0 or more");
        assertRejected("Infinity", true, "0 or more");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> GateThreshold.parse("-1", "maxLoss", true));
        assertTrue(e.getMessage().contains("'maxLoss'"), e.getMessage());
    }

    @Test
    void percentHasTwoDecimals() {
        assertEquals("91.23%", GateThreshold.percent(0.9123));
        assertEquals("100.00%", GateThreshold.percent(1.0));
        assertEquals("0.00%", GateThreshold.percent(0.0));
        assertEquals("57.14%", GateThreshold.percent(8.0 / 14));
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
