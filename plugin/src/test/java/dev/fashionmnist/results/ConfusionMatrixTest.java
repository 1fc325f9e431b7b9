package dev.fashionmnist.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics of a hand-made 3-class confusion matrix, each computed by hand. */
public class ConfusionMatrixTest {
    private static final double EPS = 1e-12;

    /**
     * Rows are true classes, columns predictions. Class C is never predicted.
     * <pre>
     *        A  B  C   support
     *   A    5  2  0   7
     *   B    1  3  0   4
     *   C    2  1  0   3
     * predicted 8  6  0   total 14, correct 8
     * </pre>
     */
    public static ConfusionMatrix sample() {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("A", "B", "C"));
        int[][] counts = {{5, 2, 0}, {1, 3, 0}, {2, 1, 0}};
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < counts[t][p]; i++) {
                    m.add(t, p);
                }
            }
        }
        return m;
    }

    @Test
    void addCountsTrueByPredicted() {
        ConfusionMatrix m = sample();
        assertEquals(3, m.classCount());
        assertEquals(List.of("A", "B", "C"), m.classNames());
        assertEquals(5, m.counts()[0][0]);
        assertEquals(2, m.counts()[0][1]);
        assertEquals(1, m.counts()[1][0]);
        assertEquals(2, m.counts()[2][0]);
        assertEquals(0, m.counts()[0][2]);
    }

    @Test
    void totalsAndAccuracy() {
        ConfusionMatrix m = sample();
        assertEquals(14, m.total());
        assertEquals(8, m.correct());
        assertEquals(8.0 / 14, m.accuracy(), EPS);
    }

    @Test
    void supportAndPredicted() {
        ConfusionMatrix m = sample();
        assertEquals(7, m.support(0));
        assertEquals(4, m.support(1));
        assertEquals(3, m.support(2));
        assertEquals(8, m.predicted(0));
        assertEquals(6, m.predicted(1));
        assertEquals(0, m.predicted(2));
    }

    @Test
    void perClassPrecisionRecallF1() {
        ConfusionMatrix m = sample();
        assertEquals(5.0 / 8, m.precision(0), EPS);
        assertEquals(3.0 / 6, m.precision(1), EPS);
        assertEquals(5.0 / 7, m.recall(0), EPS);
        assertEquals(3.0 / 4, m.recall(1), EPS);
        assertEquals(0.0, m.recall(2), 0.0);
        // F1(A) = 2 * 5/8 * 5/7 / (5/8 + 5/7) = (50/56) / (75/56) = 2/3
        assertEquals(2.0 / 3, m.f1(0), EPS);
        // F1(B) = 2 * 0.5 * 0.75 / 1.25 = 0.6
        assertEquals(0.6, m.f1(1), EPS);
    }

    @Test
    void classNeverPredictedHasPrecisionZeroNotNaN() {
        ConfusionMatrix m = sample();
        assertEquals(0.0, m.precision(2), 0.0);
        assertEquals(0.0, m.f1(2), 0.0);
        assertFalse(Double.isNaN(m.precision(2)));
        assertFalse(Double.isNaN(m.f1(2)));
        assertFalse(Double.isNaN(m.macroPrecision()));
        assertFalse(Double.isNaN(m.macroF1()));
    }

    @Test
    void macroAverages() {
        ConfusionMatrix m = sample();
        assertEquals((5.0 / 8 + 0.5 + 0) / 3, m.macroPrecision(), EPS);
        assertEquals(0.375, m.macroPrecision(), EPS);
        assertEquals((5.0 / 7 + 0.75 + 0) / 3, m.macroRecall(), EPS);
        assertEquals(41.0 / 84, m.macroRecall(), EPS);
        assertEquals((2.0 / 3 + 0.6 + 0) / 3, m.macroF1(), EPS);
        assertEquals(19.0 / 45, m.macroF1(), EPS);
    }

    @Test
    void emptyMatrixHasZeroMetricsNotNaN() {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("x", "y"));
        assertEquals(0, m.total());
        assertEquals(0.0, m.accuracy(), 0.0);
        assertEquals(0.0, m.recall(0), 0.0);
        assertEquals(0.0, m.precision(1), 0.0);
        assertEquals(0.0, m.macroF1(), 0.0);
    }

    @Test
    void perfectMatrix() {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("x", "y"));
        m.add(0, 0);
        m.add(1, 1);
        m.add(1, 1);
        assertEquals(1.0, m.accuracy(), 0.0);
        assertEquals(1.0, m.macroPrecision(), EPS);
        assertEquals(1.0, m.macroRecall(), EPS);
        assertEquals(1.0, m.macroF1(), EPS);
    }
}
