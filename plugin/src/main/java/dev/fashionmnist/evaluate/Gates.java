package dev.fashionmnist.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configured quality gates: {@code minAccuracy}, {@code minClassAccuracy} (every class's recall), and
 * {@code maxLoss}; any may be absent.
 */
public record Gates(Double minAccuracy, Double minClassAccuracy, Double maxLoss) {

    public static Gates parse(String minAccuracy, String minClassAccuracy, String maxLoss) {
        return new Gates(GateThreshold.parse(minAccuracy, "minAccuracy", false),
                GateThreshold.parse(minClassAccuracy, "minClassAccuracy", false),
                GateThreshold.parse(maxLoss, "maxLoss", true));
    }

    public boolean any() {
        return minAccuracy != null || minClassAccuracy != null || maxLoss != null;
    }

    /** Checks every configured gate against {@code result}: one outcome per gate, in a fixed order. */
    public List<GateOutcome> check(EvaluationResult result) {
        List<GateOutcome> outcomes = new ArrayList<>();
        if (minAccuracy != null) {
            double a = result.accuracy();
            boolean ok = a >= minAccuracy;
            outcomes.add(new GateOutcome("minAccuracy", ok, GateThreshold.percent(a),
                    "\u2265 " + GateThreshold.percent(minAccuracy), List.of("accuracy " + GateThreshold.percent(a)
                    + (ok ? " meets" : " is below") + " the required minimum of " + GateThreshold.percent(minAccuracy))));
        }
        if (minClassAccuracy != null) {
            ConfusionMatrix m = result.confusion();
            List<String> below = new ArrayList<>();
            int lowest = 0;
            for (int c = 0; c < m.classCount(); c++) {
                if (m.recall(c) < m.recall(lowest)) {
                    lowest = c;
                }
                if (m.recall(c) < minClassAccuracy) {
                    below.add("class '" + m.classNames().get(c) + "' accuracy " + GateThreshold.percent(m.recall(c))
                            + " is below the required minimum of " + GateThreshold.percent(minClassAccuracy));
                }
            }
            String measured = m.classCount() == 0 ? "no classes" : GateThreshold.percent(m.recall(lowest))
                    + " (lowest: " + m.classNames().get(lowest) + ")";
            outcomes.add(new GateOutcome("minClassAccuracy", below.isEmpty(), measured,
                    "\u2265 " + GateThreshold.percent(minClassAccuracy) + " in every class", below.isEmpty()
                    ? List.of("every class's accuracy meets the required minimum of "
                    + GateThreshold.percent(minClassAccuracy)) : below));
        }
        if (maxLoss != null) {
            double l = result.loss();
            boolean ok = l <= maxLoss;
            outcomes.add(new GateOutcome("maxLoss", ok, loss(l), "\u2264 " + loss(maxLoss), List.of(
                    String.format(Locale.ROOT, "loss %.4f %s the allowed maximum of %.4f", l,
                            ok ? "is within" : "exceeds", maxLoss))));
        }
        return outcomes;
    }

    private static String loss(double l) {
        return String.format(Locale.ROOT, "%.4f", l);
    }

    /**
     * One gate's verdict: the {@code measured} value and the {@code required} one as people read them (e.g.
     * {@code 84.49%} and {@code ≥ 80.00%}; {@code null} when not known) and {@code details} that say measured vs
     * required in words (a failed class gate: one line per class).
     */
    public record GateOutcome(String gate, boolean passed, String measured, String required, List<String> details) {

        /** An outcome known only by its words. */
        public GateOutcome(String gate, boolean passed, List<String> details) {
            this(gate, passed, null, null, details);
        }

        public String message() {
            return String.join("; ", details);
        }
    }
}
