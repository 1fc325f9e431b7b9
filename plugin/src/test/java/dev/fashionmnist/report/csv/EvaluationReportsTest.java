package dev.fashionmnist.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.report.html.EvaluationSummary;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation CSVs of a hand-made result, read back with commons-csv; and the worst-classes order. */
class EvaluationReportsTest {
    private static final List<String> CLASSES = List.of("T-shirt/top", "Shirt, long", "Bag");
    /** Rows: true class; columns: predicted. Supports 7, 4, 3; "Bag" is never predicted. */
    private static final int[][] COUNTS = {{5, 2, 0}, {1, 3, 0}, {2, 1, 0}};

    @TempDir
    Path dir;

    private static EvaluationResult result() {
        ConfusionMatrix m = ConfusionMatrix.empty(CLASSES);
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < COUNTS[t][p]; i++) {
                    m.add(t, p);
                }
            }
        }
        return new EvaluationResult(m, 0.4321);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    private static List<String> values(CSVRecord r) {
        List<String> v = new ArrayList<>();
        r.forEach(v::add);
        return v;
    }

    @Test
    void evaluationCsv() throws IOException {
        EvaluationResult r = result();
        EvaluationReports.write(r, dir);
        List<CSVRecord> rows = read(dir.resolve(EvaluationReports.EVALUATION));
        assertEquals(2, rows.size());
        assertEquals(List.of("accuracy", "loss", "macro_precision", "macro_recall", "macro_f1", "test_images"),
                values(rows.get(0)));
        CSVRecord v = rows.get(1);
        assertEquals(6, v.size());
        // fractions rounded to 4 decimals, the loss to 4 significant digits
        assertEquals(List.of("0.5714", "0.4321", "0.3750", "0.4881", "0.4222"), values(v).subList(0, 5));
        assertEquals(8.0 / 14, Double.parseDouble(v.get(0)), 5e-5);
        assertEquals(0.4321, Double.parseDouble(v.get(1)), 0.0);
        assertEquals(0.375, Double.parseDouble(v.get(2)), 0.0);
        assertEquals(41.0 / 84, Double.parseDouble(v.get(3)), 5e-5);
        assertEquals(19.0 / 45, Double.parseDouble(v.get(4)), 5e-5);
        assertEquals("14", v.get(5));
    }

    @Test
    void perClassCsv() throws IOException {
        EvaluationResult r = result();
        EvaluationReports.write(r, dir);
        List<CSVRecord> rows = read(dir.resolve(EvaluationReports.PER_CLASS));
        assertEquals(1 + CLASSES.size(), rows.size());
        assertEquals(List.of("class", "precision", "recall", "f1", "support"), values(rows.get(0)));
        double[][] expected = {{5.0 / 8, 5.0 / 7, 2.0 / 3, 7}, {0.5, 0.75, 0.6, 4}, {0, 0, 0, 3}};
        for (int c = 0; c < CLASSES.size(); c++) {
            CSVRecord row = rows.get(c + 1);
            assertEquals(5, row.size());
            assertEquals(CLASSES.get(c), row.get(0));
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[c][k], Double.parseDouble(row.get(k + 1)), 5e-5, "row " + c + " column " + k);
                assertEquals(6, row.get(k + 1).length(), "4 decimals: " + row.get(k + 1));
            }
            assertEquals((long) expected[c][3], Long.parseLong(row.get(4)));
        }
    }

    @Test
    void confusionMatrixCsv() throws IOException {
        EvaluationResult r = result();
        EvaluationReports.write(r, dir);
        List<CSVRecord> rows = read(dir.resolve(EvaluationReports.CONFUSION));
        assertEquals(1 + CLASSES.size(), rows.size());
        List<String> header = new ArrayList<>();
        header.add("true \\ predicted");
        header.addAll(CLASSES);
        assertEquals(header, values(rows.get(0)));
        long all = 0;
        for (int t = 0; t < CLASSES.size(); t++) {
            CSVRecord row = rows.get(t + 1);
            assertEquals(1 + CLASSES.size(), row.size());
            assertEquals(CLASSES.get(t), row.get(0));
            long sum = 0;
            for (int p = 0; p < CLASSES.size(); p++) {
                long v = Long.parseLong(row.get(p + 1));
                assertEquals(COUNTS[t][p], v, "true " + t + " predicted " + p);
                sum += v;
            }
            assertEquals(r.confusion().support(t), sum, "row " + t + " sums to its class's support");
            all += sum;
        }
        assertEquals(14, all);
        assertEquals(r.confusion().total(), all);
    }

    @Test
    void rewritingReplacesTheFiles() throws IOException {
        EvaluationReports.write(result(), dir);
        ConfusionMatrix other = ConfusionMatrix.empty(List.of("a", "b"));
        other.add(0, 0);
        EvaluationReports.write(new EvaluationResult(other, 0.1), dir);
        assertEquals(3, read(dir.resolve(EvaluationReports.PER_CLASS)).size());
        assertEquals("1", read(dir.resolve(EvaluationReports.EVALUATION)).get(1).get(5));
    }

    @Test
    void worstClassesByAccuracyWorstFirst() {
        ConfusionMatrix m = result().confusion();
        // recalls: 0 -> 5/7, 1 -> 3/4, 2 -> 0
        assertEquals(List.of(2, 0, 1), EvaluationSummary.worstClasses(m, 3));
        assertEquals(List.of(2, 0), EvaluationSummary.worstClasses(m, 2));
        assertEquals(List.of(2, 0, 1), EvaluationSummary.worstClasses(m, 10));
    }

    @Test
    void worstClassesTiesKeepClassOrder() {
        ConfusionMatrix m = ConfusionMatrix.empty(List.of("a", "b", "c", "d"));
        // recalls: a 1/2, b 1, c 1/2, d 0
        m.add(0, 0);
        m.add(0, 1);
        m.add(1, 1);
        m.add(2, 2);
        m.add(2, 0);
        m.add(3, 0);
        assertEquals(List.of(3, 0, 2, 1), EvaluationSummary.worstClasses(m, 4));
    }

    @Test
    void tableListsTheThreeWorstClasses() {
        List<String> lines = EvaluationSummary.table(result());
        assertEquals("Evaluation on 14 test images:", lines.get(0));
        assertEquals("  worst classes:", lines.get(4));
        assertEquals(8, lines.size());
        assertEquals(true, lines.get(5).trim().startsWith("Bag "), lines.get(5));
        assertEquals(true, lines.get(6).trim().startsWith("T-shirt/top "), lines.get(6));
        assertEquals("accuracy 57.14%, loss 0.4321 on 14 test images", EvaluationSummary.headline(result()));
    }
}
