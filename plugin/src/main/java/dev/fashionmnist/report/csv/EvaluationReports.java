package dev.fashionmnist.report.csv;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.results.ConfusionMatrix;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.text.Numbers;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The evaluation's CSV files: {@code evaluation.csv} (accuracy, loss, macro precision/recall/F1, test images),
 * {@code per-class.csv} (precision, recall, F1, support per class), {@code confusion-matrix.csv} (true class by
 * predicted class, class names as headers) and {@code misclassified.csv} (the first misclassified test images).
 */
public final class EvaluationReports {
    public static final String EVALUATION = "evaluation.csv";
    public static final String PER_CLASS = "per-class.csv";
    public static final String CONFUSION = "confusion-matrix.csv";
    public static final String MISTAKES = "misclassified.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private EvaluationReports() {
    }

    public static void write(EvaluationResult result, Path directory) throws IOException {
        ConfusionMatrix m = result.confusion();
        csv(directory.resolve(EVALUATION), p -> {
            p.printRecord("accuracy", "loss", "macro_precision", "macro_recall", "macro_f1", "test_images");
            p.printRecord(Numbers.fraction(m.accuracy()), Numbers.loss(result.loss()),
                    Numbers.fraction(m.macroPrecision()), Numbers.fraction(m.macroRecall()),
                    Numbers.fraction(m.macroF1()), m.total());
        });
        csv(directory.resolve(PER_CLASS), p -> {
            p.printRecord("class", "precision", "recall", "f1", "support");
            for (int c = 0; c < m.classCount(); c++) {
                p.printRecord(m.classNames().get(c), Numbers.fraction(m.precision(c)),
                        Numbers.fraction(m.recall(c)), Numbers.fraction(m.f1(c)), m.support(c));
            }
        });
        csv(directory.resolve(MISTAKES), p -> {
            p.printRecord("index", "true_class", "predicted_class");
            for (EvaluationResult.Mistake mistake : result.mistakes()) {
                p.printRecord(mistake.index(), mistake.trueClass(), mistake.predictedClass());
            }
        });
        csv(directory.resolve(CONFUSION), p -> {
            List<Object> header = new ArrayList<>();
            header.add("true \\ predicted");
            header.addAll(m.classNames());
            p.printRecord(header);
            for (int r = 0; r < m.classCount(); r++) {
                List<Object> row = new ArrayList<>();
                row.add(m.classNames().get(r));
                for (long v : m.counts()[r]) {
                    row.add(v);
                }
                p.printRecord(row);
            }
        });
    }

    /** Reads confusion-matrix.csv back (for the report goal). */
    public static ConfusionMatrix readConfusion(Path file) throws IOException {
        List<CSVRecord> records = records(file);
        if (records.size() < 3) {
            throw new IOException(file + " holds no confusion matrix");
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < records.get(0).size(); i++) {
            names.add(records.get(0).get(i));
        }
        ConfusionMatrix m = ConfusionMatrix.empty(names);
        for (int r = 0; r < names.size(); r++) {
            CSVRecord row = records.get(r + 1);
            for (int c = 0; c < names.size(); c++) {
                m.counts()[r][c] = parseLong(row.get(c + 1), file);
            }
        }
        return m;
    }

    /** Reads misclassified.csv back: index, true class, predicted class. */
    public static List<EvaluationResult.Mistake> readMistakes(Path file) throws IOException {
        List<EvaluationResult.Mistake> mistakes = new ArrayList<>();
        List<CSVRecord> records = records(file);
        for (CSVRecord r : records.subList(Math.min(1, records.size()), records.size())) {
            mistakes.add(new EvaluationResult.Mistake((int) parseLong(r.get(0), file), (int) parseLong(r.get(1), file),
                    (int) parseLong(r.get(2), file)));
        }
        return mistakes;
    }

    /** The final accuracy and loss that evaluation.csv records: {accuracy, loss}. */
    public static double[] readAccuracyAndLoss(Path file) throws IOException {
        List<CSVRecord> records = records(file);
        try {
            return new double[] {Double.parseDouble(records.get(1).get(0)), Double.parseDouble(records.get(1).get(1))};
        } catch (RuntimeException e) {
            throw new IOException(file + " holds no accuracy and loss in its first two columns: " + e.getMessage());
        }
    }

    /** All records of a CSV file, header included; a file that is not CSV is an IOException naming it. */
    static List<CSVRecord> records(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(r).getRecords();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(file + " is not a valid CSV file: " + e.getMessage());
        }
    }

    private static long parseLong(String s, Path file) throws IOException {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + s + "' is not a whole number");
        }
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void csv(Path file, Rows rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, FORMAT);
            rows.print(printer);
            printer.flush();
        });
    }
}
