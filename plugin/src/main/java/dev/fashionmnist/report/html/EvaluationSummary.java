package dev.fashionmnist.report.html;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.quality.GateThreshold;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The short table at the end of evaluate's log: accuracy, loss, and the three worst classes. */
public final class EvaluationSummary {
    private EvaluationSummary() {
    }

    /** "accuracy 84.49%, loss 0.4321 on 10000 test images", in English. */
    public static String headline(EvaluationResult r) {
        return headline(r, Language.ENGLISH);
    }

    /** The headline in {@code language}: "Genauigkeit 84,49 %, Verlust 0,4321 auf 10000 Testbildern". */
    public static String headline(EvaluationResult r, Language language) {
        return Messages.text(language, "report.summary.headline", GateThreshold.percentNumber(r.accuracy()),
                Numbers.rounded(r.loss(), 4), r.confusion().total());
    }

    /** The worst {@code n} classes by accuracy (recall), worst first. */
    public static List<Integer> worstClasses(ConfusionMatrix m, int n) {
        return IntStream.range(0, m.classCount()).boxed()
                .sorted(Comparator.comparingDouble(m::recall).thenComparing(c -> c))
                .limit(n).toList();
    }

    /** The table in English, with the dataset's class names. */
    public static List<String> table(EvaluationResult r) {
        return table(r, Language.ENGLISH, null);
    }

    /**
     * The table in {@code language}; the classes of {@code dataset} by the names readers of that language know
     * (Fashion-MNIST's in German: "Hose", "Stiefelette", ...).
     */
    public static List<String> table(EvaluationResult r, Language language, String dataset) {
        ConfusionMatrix m = r.confusion();
        List<String> lines = new ArrayList<>();
        lines.add(Messages.text(language, "report.summary.title", m.total()));
        lines.add(row(Messages.text(language, "report.summary.accuracy"), Messages.percent(r.accuracy()).in(language)));
        lines.add(row(Messages.text(language, "report.summary.loss"), Messages.loss(r.loss()).in(language)));
        lines.add(row(Messages.text(language, "report.summary.macroF1"), Messages.percent(m.macroF1()).in(language)));
        lines.add("  " + Messages.text(language, "report.summary.worst"));
        for (int c : worstClasses(m, Math.min(3, m.classCount()))) {
            lines.add(String.format(Locale.ROOT, "    %-20s %s",
                    new ClassName(dataset, c, m.classNames().get(c)).in(language),
                    Messages.text(language, "report.summary.class", GateThreshold.percentNumber(m.recall(c)),
                            GateThreshold.percentNumber(m.precision(c)))));
        }
        return lines;
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "  %-22s %s", label, value);
    }
}
