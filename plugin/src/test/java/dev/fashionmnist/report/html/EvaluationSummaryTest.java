package dev.fashionmnist.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluate's closing table in both languages: the same numbers, German with a decimal comma and class names. */
class EvaluationSummaryTest {
    /** Recalls 71.43%, 75.00%, 0.00%; precisions 62.50%, 50.00%, 0.00%; accuracy 8/14; macro F1 42.22%. */
    private static EvaluationResult result() {
        return new EvaluationResult(new ConfusionMatrix(List.of("T-shirt/top", "Trouser", "Pullover"),
                new long[][] {{5, 2, 0}, {1, 3, 0}, {2, 1, 0}}), 0.35);
    }

    @Test
    void theEnglishTableAsBefore() {
        assertEquals(List.of(
                "Evaluation on 14 test images:",
                "  accuracy               57.14%",
                "  loss                   0.3500",
                "  macro F1               42.22%",
                "  worst classes:",
                "    Pullover             0.00% accuracy, 0.00% precision",
                "    T-shirt/top          71.43% accuracy, 62.50% precision",
                "    Trouser              75.00% accuracy, 50.00% precision"),
                EvaluationSummary.table(result()));
        assertEquals("accuracy 57.14%, loss 0.3500 on 14 test images", EvaluationSummary.headline(result()));
    }

    @Test
    void theGermanTableWithDecimalCommasAndGermanClassNames() {
        assertEquals(List.of(
                "Auswertung auf 14 Testbildern:",
                "  Genauigkeit            57,14 %",
                "  Verlust                0,3500",
                "  Makro-F1               42,22 %",
                "  schlechteste Klassen:",
                "    Pullover             0,00 % Genauigkeit, 0,00 % Präzision",
                "    T-Shirt/Top          71,43 % Genauigkeit, 62,50 % Präzision",
                "    Hose                 75,00 % Genauigkeit, 50,00 % Präzision"),
                EvaluationSummary.table(result(), Language.GERMAN, "fashion-mnist"));
        assertEquals("Genauigkeit 57,14 %, Verlust 0,3500 auf 14 Testbildern",
                EvaluationSummary.headline(result(), Language.GERMAN));
    }
}
