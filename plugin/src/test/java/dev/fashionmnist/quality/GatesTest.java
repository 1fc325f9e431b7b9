package dev.fashionmnist.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.data.DatasetCatalog;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.ConfusionMatrixTest;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each quality gate passing and failing against a hand-made result, with measured and required values. */
public class GatesTest {
    /** Accuracy 8/14 = 57.14%; class recalls A 71.43%, B 75.00%, C 0.00%; loss 0.35. */
    private static final EvaluationResult RESULT = new EvaluationResult(ConfusionMatrixTest.sample(), 0.35);

    /** Recalls x 90.00%, y 80.00%; accuracy 17/20 = 85.00%. */
    private static EvaluationResult good() {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("x", "y"));
        for (int i = 0; i < 9; i++) {
            m.add(0, 0);
        }
        m.add(0, 1);
        for (int i = 0; i < 8; i++) {
            m.add(1, 1);
        }
        m.add(1, 0);
        m.add(1, 0);
        return new EvaluationResult(m, 0.5);
    }

    private static Gates.GateOutcome only(Gates gates, EvaluationResult result) {
        List<Gates.GateOutcome> outcomes = gates.check(result);
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }

    @Test
    void minAccuracyPasses() {
        Gates.GateOutcome o = only(new Gates(0.5, null, null), RESULT);
        assertEquals("minAccuracy", o.gate());
        assertTrue(o.passed());
        assertEquals("accuracy 57.14% meets the required minimum of 50.00%", o.message());
        assertEquals("57.14%", o.measured());
        assertEquals("\u2265 50.00%", o.required());
    }

    @Test
    void minAccuracyFails() {
        Gates.GateOutcome o = only(new Gates(0.6, null, null), RESULT);
        assertEquals("minAccuracy", o.gate());
        assertFalse(o.passed());
        assertEquals(List.of("accuracy 57.14% is below the required minimum of 60.00%"), o.details());
    }

    @Test
    void minAccuracyIsInclusive() {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("x", "y"));
        m.add(0, 0);
        m.add(1, 0);
        assertTrue(only(new Gates(0.5, null, null), new EvaluationResult(m, 1)).passed());
    }

    @Test
    void minClassAccuracyPasses() {
        Gates.GateOutcome o = only(new Gates(null, 0.8, null), good());
        assertEquals("minClassAccuracy", o.gate());
        assertTrue(o.passed(), o.message());
        assertEquals(List.of("every class's accuracy meets the required minimum of 80.00%"), o.details());
    }

    @Test
    void minClassAccuracyFailsNamingOneClass() {
        Gates.GateOutcome o = only(new Gates(null, 0.85, null), good());
        assertFalse(o.passed());
        assertEquals(List.of("class 'y' accuracy 80.00% is below the required minimum of 85.00%"), o.details());
        assertEquals("80.00% (lowest: y)", o.measured(), "the lowest class is the one the gate measures");
        assertEquals("\u2265 85.00% in every class", o.required());
    }

    @Test
    void minClassAccuracyFailsNamingEveryFailingClassInOrder() {
        Gates.GateOutcome o = only(new Gates(null, 0.72, null), RESULT);
        assertFalse(o.passed());
        assertEquals(List.of("class 'A' accuracy 71.43% is below the required minimum of 72.00%",
                "class 'C' accuracy 0.00% is below the required minimum of 72.00%"), o.details());
        assertEquals("class 'A' accuracy 71.43% is below the required minimum of 72.00%; "
                + "class 'C' accuracy 0.00% is below the required minimum of 72.00%", o.message());
        assertFalse(o.message().contains("'B'"), o.message());
    }

    @Test
    void maxLossPasses() {
        Gates.GateOutcome o = only(new Gates(null, null, 0.4), RESULT);
        assertEquals("maxLoss", o.gate());
        assertTrue(o.passed());
        assertEquals("loss 0.3500 is within the allowed maximum of 0.4000", o.message());
        assertTrue(only(new Gates(null, null, 0.35), RESULT).passed(), "a loss equal to the maximum passes");
    }

    @Test
    void maxLossFails() {
        Gates.GateOutcome o = only(new Gates(null, null, 0.3), RESULT);
        assertFalse(o.passed());
        assertEquals(List.of("loss 0.3500 exceeds the allowed maximum of 0.3000"), o.details());
    }

    @Test
    void noGates() {
        Gates gates = Gates.parse(null, " ", "");
        assertFalse(gates.any());
        assertTrue(gates.check(RESULT).isEmpty());
        assertFalse(new Gates(null, null, null).any());
    }

    @Test
    void anyGateCounts() {
        assertTrue(new Gates(0.5, null, null).any());
        assertTrue(new Gates(null, 0.5, null).any());
        assertTrue(new Gates(null, null, 0.5).any());
    }

    @Test
    void outcomesInFixedOrder() {
        List<Gates.GateOutcome> outcomes = Gates.parse("90%", "0.1", "2").check(RESULT);
        assertEquals(List.of("minAccuracy", "minClassAccuracy", "maxLoss"),
                outcomes.stream().map(Gates.GateOutcome::gate).toList());
        assertEquals(List.of(false, false, true), outcomes.stream().map(Gates.GateOutcome::passed).toList());
        List<Gates.GateOutcome> two = Gates.parse(null, "0", "0.1").check(RESULT);
        assertEquals(List.of("minClassAccuracy", "maxLoss"), two.stream().map(Gates.GateOutcome::gate).toList());
    }

    @Test
    void parseReadsEachThreshold() {
        Gates gates = Gates.parse("91%", "0.8", "2.5");
        assertEquals(0.91, gates.minAccuracy(), 0.0);
        assertEquals(0.8, gates.minClassAccuracy(), 0.0);
        assertEquals(2.5, gates.maxLoss(), 0.0);
        Gates partial = Gates.parse(null, "75%", null);
        assertNull(partial.minAccuracy());
        assertEquals(0.75, partial.minClassAccuracy(), 0.0);
        assertNull(partial.maxLoss());
    }

    private static void assertParseFails(String parameter, String minAccuracy, String minClassAccuracy,
                                         String maxLoss) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Gates.parse(minAccuracy, minClassAccuracy, maxLoss));
        assertTrue(e.getMessage().startsWith("Parameter '" + parameter + "'"), e.getMessage());
    }

    @Test
    void parseErrorsNameTheParameter() {
        assertParseFails("minAccuracy", "91", null, null);
        assertParseFails("minAccuracy", "ninety", "0.5", "1");
        assertParseFails("minClassAccuracy", null, "1.2", null);
        assertParseFails("minClassAccuracy", "0.5", "-5%", null);
        assertParseFails("maxLoss", null, null, "-0.1");
        assertParseFails("maxLoss", null, null, "low");
    }

    @Test
    void maxLossSaysMeasuredAndAllowed() {
        Gates.GateOutcome o = only(new Gates(null, null, 0.3), RESULT);
        assertFalse(o.passed());
        assertEquals("0.3500", o.measured());
        assertEquals("\u2264 0.3000", o.required());
    }

    @Test
    void theGateLinesAndTheFailureInGermanWithADecimalComma() {
        List<Gates.GateOutcome> outcomes = new Gates(0.6, 0.72, 0.3).check(RESULT);
        List<Message> lines = Gates.lines(outcomes);
        assertEquals(List.of(
                "Gate minAccuracy violated: accuracy 57.14% is below the required minimum of 60.00%",
                "Gate minClassAccuracy violated: class 'A' accuracy 71.43% is below the required minimum of 72.00%",
                "Gate minClassAccuracy violated: class 'C' accuracy 0.00% is below the required minimum of 72.00%",
                "Gate maxLoss violated: loss 0.3500 exceeds the allowed maximum of 0.3000"),
                lines.stream().map(Message::toString).toList());
        assertEquals(List.of(
                "Qualitätsgrenze minAccuracy verletzt: Genauigkeit 57,14 % liegt unter dem geforderten Minimum von "
                        + "60,00 %",
                "Qualitätsgrenze minClassAccuracy verletzt: Klasse 'A': Genauigkeit 71,43 % liegt unter dem "
                        + "geforderten Minimum von 72,00 %",
                "Qualitätsgrenze minClassAccuracy verletzt: Klasse 'C': Genauigkeit 0,00 % liegt unter dem "
                        + "geforderten Minimum von 72,00 %",
                "Qualitätsgrenze maxLoss verletzt: Verlust 0,3500 überschreitet das erlaubte Maximum von 0,3000"),
                lines.stream().map(l -> l.in(Language.GERMAN)).toList());
        // the failure as evaluate has always worded it in English: summary, then each gate's reasons
        assertEquals("Quality gates: 0 passed, 3 failed (minAccuracy, minClassAccuracy, maxLoss): "
                + String.join("; ", outcomes.stream().map(Gates.GateOutcome::message).toList()),
                Gates.failure(outcomes).toString());
        assertEquals("Qualitätsgrenzen: 0 eingehalten, 3 verletzt (minAccuracy, minClassAccuracy, maxLoss): "
                + "Genauigkeit 57,14 % liegt unter dem geforderten Minimum von 60,00 %; Klasse 'A': Genauigkeit "
                + "71,43 % liegt unter dem geforderten Minimum von 72,00 %; Klasse 'C': Genauigkeit 0,00 % liegt "
                + "unter dem geforderten Minimum von 72,00 %; Verlust 0,3500 überschreitet das erlaubte Maximum "
                + "von 0,3000", Gates.failure(outcomes).in(Language.GERMAN));
        assertEquals("Qualitätsgrenzen: 0 eingehalten, 3 verletzt (minAccuracy, minClassAccuracy, maxLoss); da "
                + "haltOnFailure=false gesetzt ist, läuft der Build weiter",
                Gates.goesOn(outcomes).in(Language.GERMAN));
        assertEquals("Quality gates: 0 passed, 3 failed (minAccuracy, minClassAccuracy, maxLoss); haltOnFailure is "
                + "false, so the build goes on", Gates.goesOn(outcomes).toString());
    }

    @Test
    void passedGatesAndNoGatesInBothLanguages() {
        List<Gates.GateOutcome> outcomes = new Gates(0.5, null, 0.4).check(RESULT);
        assertEquals(List.of("Qualitätsgrenze minAccuracy eingehalten: Genauigkeit 57,14 % erreicht das geforderte "
                        + "Minimum von 50,00 %", "Qualitätsgrenze maxLoss eingehalten: Verlust 0,3500 liegt innerhalb "
                        + "des erlaubten Maximums von 0,4000"),
                Gates.lines(outcomes).stream().map(l -> l.in(Language.GERMAN)).toList());
        assertEquals("Gate minAccuracy passed: accuracy 57.14% meets the required minimum of 50.00%",
                Gates.lines(outcomes).get(0).toString());
        assertEquals("Quality gates: 2 passed, 0 failed", Gates.summary(outcomes).toString());
        assertEquals("Qualitätsgrenzen: 2 eingehalten, 0 verletzt", Gates.summary(outcomes).in(Language.GERMAN));
        assertEquals(List.of("Keine Qualitätsgrenze eingestellt (minAccuracy, minClassAccuracy, maxLoss): nur "
                + "Berichte"), Gates.lines(List.of()).stream().map(l -> l.in(Language.GERMAN)).toList());
        assertNull(Gates.summary(List.of()));
        Gates.GateOutcome every = only(new Gates(null, 0.0, null), RESULT);
        assertEquals("every class's accuracy meets the required minimum of 0.00%", every.message());
        assertEquals("Die Genauigkeit jeder Klasse erreicht das geforderte Minimum von 0,00 %",
                every.text().in(Language.GERMAN));
    }

    @Test
    void theMessagesRoundPercentagesAsTheReportsDo() {
        // k/8000 has ties at the third decimal (e.g. 91.125%): the message's digits must be percent()'s
        for (int k = 0; k <= 8000; k++) {
            double fraction = k / 8000.0;
            assertEquals(GateThreshold.percent(fraction),
                    Messages.text(Language.ENGLISH, "report.summary.percent", GateThreshold.percentNumber(fraction)),
                    "fraction " + fraction);
        }
    }

    /**
     * Fashion-MNIST's ten classes, 1000 test images each: 900 right, Shirt only 606 (60.60%); accuracy 87.06%,
     * loss 0.37891.
     */
    public static EvaluationResult fashion() {
        ConfusionMatrix m = ConfusionMatrix.empty(DatasetCatalog.fashionMnist().classNames());
        for (int c = 0; c < 10; c++) {
            int right = c == 6 ? 606 : 900;
            for (int i = 0; i < 1000; i++) {
                m.add(c, i < right ? c : (c + 1) % 10);
            }
        }
        return new EvaluationResult(m, 0.37891);
    }

    @Test
    void theValuesReadersSeeInGermanWithGermanClassNames() {
        List<Gates.GateOutcome> outcomes = new Gates(0.88, 0.65, 0.5).check(fashion(), DatasetCatalog.FASHION_MNIST);
        assertEquals(List.of("87,06 %", "60,60 % (niedrigste: Hemd)", "0,3789"),
                outcomes.stream().map(o -> o.measuredText().in(Language.GERMAN)).toList());
        assertEquals(List.of("\u2265 88,00 %", "\u2265 65,00 % in jeder Klasse", "\u2264 0,5000"),
                outcomes.stream().map(o -> o.requiredText().in(Language.GERMAN)).toList());
        assertEquals("Klasse 'Hemd': Genauigkeit 60,60 % liegt unter dem geforderten Minimum von 65,00 %",
                outcomes.get(1).text().in(Language.GERMAN));
        // English: the JUnit report's data strings, as they have always been
        assertEquals(List.of("87.06%", "60.60% (lowest: Shirt)", "0.3789"),
                outcomes.stream().map(o -> o.measuredText().in(Language.ENGLISH)).toList());
        assertEquals(List.of("87.06%", "60.60% (lowest: Shirt)", "0.3789"),
                outcomes.stream().map(Gates.GateOutcome::measured).toList());
        assertEquals(List.of("\u2265 88.00%", "\u2265 65.00% in every class", "\u2264 0.5000"),
                outcomes.stream().map(Gates.GateOutcome::required).toList());
        assertEquals("class 'Shirt' accuracy 60.60% is below the required minimum of 65.00%",
                outcomes.get(1).message());
        // without the dataset (or of another one) a class keeps its own name
        assertEquals("60,60 % (niedrigste: Shirt)", new Gates(null, 0.65, null).check(fashion()).get(0)
                .measuredText().in(Language.GERMAN));
        assertEquals("Klasse 'C': Genauigkeit 0,00 % liegt unter dem geforderten Minimum von 72,00 %", new Gates(null,
                0.72, null).check(RESULT, "pets").get(0).reasons().get(1).in(Language.GERMAN));
    }

    @Test
    void noClassesInBothLanguages() {
        Gates.GateOutcome o = only(new Gates(null, 0.5, null),
                new EvaluationResult(ConfusionMatrix.empty(List.of()), 0.1));
        assertEquals("no classes", o.measured());
        assertEquals("keine Klassen", o.measuredText().in(Language.GERMAN));
        assertEquals("\u2265 50,00 % in jeder Klasse", o.requiredText().in(Language.GERMAN));
    }

    @Test
    void theDataStringsAreTheOnesEvaluateAlwaysWrote() {
        // k/8000 has ties at the third decimal: the English words of the values must be the old String.format ones
        for (int k = 0; k <= 8000; k += 7) {
            double f = k / 8000.0;
            Gates.GateOutcome a = only(new Gates(f, null, null), RESULT);
            assertEquals("\u2265 " + GateThreshold.percent(f), a.required(), "fraction " + f);
            Gates.GateOutcome l = only(new Gates(null, null, f * 3), new EvaluationResult(RESULT.confusion(), f));
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", f), l.measured(), "loss " + f);
            assertEquals("\u2264 " + String.format(java.util.Locale.ROOT, "%.4f", f * 3), l.required(), "max " + f);
        }
    }

    @Test
    void anOutcomeOfDataStringsShowsThemAsTheyAre() {
        Gates.GateOutcome o = new Gates.GateOutcome("maxLoss", true, "0.1000", "\u2264 0.2000",
                List.of(Messages.of("evaluate.gate.loss.within", 0.1, 0.2)));
        assertEquals("0.1000", o.measuredText().in(Language.GERMAN));
        assertEquals("\u2264 0.2000", o.requiredText().in(Language.GERMAN));
        assertNull(new Gates.GateOutcome("maxLoss", true, List.of("ok")).measuredText());
    }
}
