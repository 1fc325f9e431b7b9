package dev.fashionmnist.quality;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.util.ArrayList;
import java.util.List;

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

    /** Checks every configured gate against {@code result} of an unknown dataset (its class names as they are). */
    public List<GateOutcome> check(EvaluationResult result) {
        return check(result, null);
    }

    /**
     * Checks every configured gate against {@code result}: one outcome per gate, in a fixed order. {@code dataset}
     * (may be {@code null}) names the classes: Fashion-MNIST's have German names.
     */
    public List<GateOutcome> check(EvaluationResult result, String dataset) {
        List<GateOutcome> outcomes = new ArrayList<>();
        if (minAccuracy != null) {
            double a = result.accuracy();
            boolean ok = a >= minAccuracy;
            Number measured = GateThreshold.percentNumber(a);
            Number required = GateThreshold.percentNumber(minAccuracy);
            outcomes.add(outcome("minAccuracy", ok, Messages.percent(a),
                    Messages.of("evaluate.gate.accuracy.required", required), List.of(ok
                    ? Messages.of("evaluate.gate.accuracy.met", measured, required)
                    : Messages.of("evaluate.gate.accuracy.below", measured, required))));
        }
        if (minClassAccuracy != null) {
            ConfusionMatrix m = result.confusion();
            Number required = GateThreshold.percentNumber(minClassAccuracy);
            List<Message> below = new ArrayList<>();
            int lowest = 0;
            for (int c = 0; c < m.classCount(); c++) {
                if (m.recall(c) < m.recall(lowest)) {
                    lowest = c;
                }
                if (m.recall(c) < minClassAccuracy) {
                    below.add(Messages.of("evaluate.gate.class.below", className(m, dataset, c),
                            GateThreshold.percentNumber(m.recall(c)), required));
                }
            }
            Message measured = m.classCount() == 0 ? Messages.of("evaluate.gate.class.none")
                    : Messages.of("evaluate.gate.class.measured", GateThreshold.percentNumber(m.recall(lowest)),
                    className(m, dataset, lowest));
            outcomes.add(outcome("minClassAccuracy", below.isEmpty(), measured,
                    Messages.of("evaluate.gate.class.required", required), below.isEmpty()
                    ? List.of(Messages.of("evaluate.gate.class.met", required)) : below));
        }
        if (maxLoss != null) {
            double l = result.loss();
            boolean ok = l <= maxLoss;
            Number measured = Numbers.rounded(l, 4);
            Number allowed = Numbers.rounded(maxLoss, 4);
            outcomes.add(outcome("maxLoss", ok, Messages.loss(l),
                    Messages.of("evaluate.gate.loss.required", allowed), List.of(ok
                    ? Messages.of("evaluate.gate.loss.within", measured, allowed)
                    : Messages.of("evaluate.gate.loss.exceeds", measured, allowed))));
        }
        return outcomes;
    }

    private static ClassName className(ConfusionMatrix m, String dataset, int c) {
        return new ClassName(dataset, c, m.classNames().get(c));
    }

    /** An outcome whose data strings (the JUnit report's properties) are the English words of what readers see. */
    private static GateOutcome outcome(String gate, boolean passed, Message measured, Message required,
                                       List<Message> reasons) {
        return new GateOutcome(gate, passed, measured.in(Language.ENGLISH), required.in(Language.ENGLISH), reasons,
                measured, required);
    }

    /**
     * The log lines of the gates: per passed gate "Gate minAccuracy passed: accuracy 91.09% meets the required
     * minimum of 85.00%", per reason of a violated one "Gate … violated: …"; one line when none is configured.
     * {@link #summary} follows them.
     */
    public static List<Message> lines(List<GateOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return List.of(Messages.of("evaluate.gates.none"));
        }
        List<Message> lines = new ArrayList<>();
        for (GateOutcome o : outcomes) {
            for (Message reason : o.passed() ? List.of(o.text()) : o.reasons()) {
                lines.add(o.passed() ? Messages.of("evaluate.gate.passed", o.gate(), reason)
                        : Messages.of("evaluate.gate.violated", o.gate(), reason));
            }
        }
        return lines;
    }

    /** "Quality gates: 1 passed, 1 failed (minAccuracy)"; {@code null} when no gate is configured. */
    public static Message summary(List<GateOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return null;
        }
        List<String> failed = outcomes.stream().filter(o -> !o.passed()).map(GateOutcome::gate).toList();
        int passed = outcomes.size() - failed.size();
        return failed.isEmpty() ? Messages.of("evaluate.gates.summary", passed, failed.size())
                : Messages.of("evaluate.gates.summaryFailed", passed, failed.size(), String.join(", ", failed));
    }

    /** The build failure of violated gates: the summary, then what each violated gate measured vs required. */
    public static Message failure(List<GateOutcome> outcomes) {
        List<Message> failed = outcomes.stream().filter(o -> !o.passed()).map(GateOutcome::text).toList();
        return Messages.of("evaluate.gates.failure", summary(outcomes), joined(failed));
    }

    /** The warning when {@code haltOnFailure} is false and a gate is violated: the build goes on. */
    public static Message goesOn(List<GateOutcome> outcomes) {
        return Messages.of("evaluate.gates.goesOn", summary(outcomes));
    }

    /** {@code texts} one after another, separated by "; " (in both languages). */
    static Message joined(List<Message> texts) {
        return Message.joined("; ", texts);
    }

    /**
     * One gate's verdict: the {@code measured} value and the {@code required} one as the JUnit report's properties
     * hold them (data: e.g. {@code 84.49%} and {@code ≥ 80.00%}; {@code null} when not known) and {@code reasons}
     * that say measured vs required in words (a failed class gate: one per class), in any language;
     * {@code measuredText} and {@code requiredText} are the values as readers see them, in any language
     * ({@code 84,49 %}, {@code ≥ 80,00 %}; {@code null} when not known).
     */
    public record GateOutcome(String gate, boolean passed, String measured, String required, List<Message> reasons,
                              Message measuredText, Message requiredText) {
        public GateOutcome {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a gate's outcome needs a reason");
            }
        }

        /** An outcome whose measured and required values are known only as data strings (shown as they are). */
        public GateOutcome(String gate, boolean passed, String measured, String required, List<Message> reasons) {
            this(gate, passed, measured, required, reasons, literal(measured), literal(required));
        }

        private static Message literal(String text) {
            return text == null ? null : Message.literal(text);
        }

        /** An outcome known only by its English words (a report of an older plugin, a test). */
        public GateOutcome(String gate, boolean passed, List<String> details) {
            this(gate, passed, null, null, details.stream().map(GateOutcome::literal).toList());
        }

        /** The reasons in English, one per line of a failure. */
        public List<String> details() {
            return details(Language.ENGLISH);
        }

        /** The reasons in {@code language}. */
        public List<String> details(Language language) {
            return reasons.stream().map(r -> r.in(language)).toList();
        }

        /** All reasons in one text, separated by "; ". */
        public Message text() {
            return joined(reasons);
        }

        /** All reasons in English, separated by "; ". */
        public String message() {
            return text().in(Language.ENGLISH);
        }
    }
}
