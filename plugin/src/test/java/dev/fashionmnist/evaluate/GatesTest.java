package dev.fashionmnist.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.ClassifierException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each quality gate passing and failing against a hand-made result, with measured and required values. */
class GatesTest {
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
        ClassifierException e = assertThrows(ClassifierException.class,
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
}
