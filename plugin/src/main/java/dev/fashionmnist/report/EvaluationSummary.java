package dev.fashionmnist.report;

import dev.fashionmnist.evaluate.ConfusionMatrix;
import dev.fashionmnist.evaluate.EvaluationResult;
import dev.fashionmnist.evaluate.GateThreshold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The short table at the end of evaluate's log: accuracy, loss, and the three worst classes. */
public final class EvaluationSummary {
    private EvaluationSummary() {
    }

    public static String headline(EvaluationResult r) {
        return String.format(Locale.ROOT, "accuracy %s, loss %.4f on %d test images",
                GateThreshold.percent(r.accuracy()), r.loss(), r.confusion().total());
    }

    /** The worst {@code n} classes by accuracy (recall), worst first. */
    public static List<Integer> worstClasses(ConfusionMatrix m, int n) {
        return IntStream.range(0, m.classCount()).boxed()
                .sorted(Comparator.comparingDouble(m::recall).thenComparing(c -> c))
                .limit(n).toList();
    }

    public static List<String> table(EvaluationResult r) {
        ConfusionMatrix m = r.confusion();
        List<String> lines = new ArrayList<>();
        lines.add("Evaluation on " + m.total() + " test images:");
        lines.add(String.format(Locale.ROOT, "  %-22s %s", "accuracy", GateThreshold.percent(r.accuracy())));
        lines.add(String.format(Locale.ROOT, "  %-22s %.4f", "loss", r.loss()));
        lines.add(String.format(Locale.ROOT, "  %-22s %s", "macro F1", GateThreshold.percent(m.macroF1())));
        lines.add("  worst classes:");
        for (int c : worstClasses(m, Math.min(3, m.classCount()))) {
            lines.add(String.format(Locale.ROOT, "    %-20s %s accuracy, %s precision", m.classNames().get(c),
                    GateThreshold.percent(m.recall(c)), GateThreshold.percent(m.precision(c))));
        }
        return lines;
    }
}
