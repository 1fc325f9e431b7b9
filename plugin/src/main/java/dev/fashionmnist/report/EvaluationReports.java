package dev.fashionmnist.report;

import dev.fashionmnist.data.AtomicFiles;
import dev.fashionmnist.evaluate.ConfusionMatrix;
import dev.fashionmnist.evaluate.EvaluationResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The evaluation's CSV files: {@code evaluation.csv} (accuracy, loss, macro precision/recall/F1, test images),
 * {@code per-class.csv} (precision, recall, F1, support per class) and {@code confusion-matrix.csv} (true class by
 * predicted class, class names as headers).
 */
public final class EvaluationReports {
    public static final String EVALUATION = "evaluation.csv";
    public static final String PER_CLASS = "per-class.csv";
    public static final String CONFUSION = "confusion-matrix.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private EvaluationReports() {
    }

    public static void write(EvaluationResult result, Path directory) throws IOException {
        ConfusionMatrix m = result.confusion();
        csv(directory.resolve(EVALUATION), p -> {
            p.printRecord("accuracy", "loss", "macro_precision", "macro_recall", "macro_f1", "test_images");
            p.printRecord(m.accuracy(), result.loss(), m.macroPrecision(), m.macroRecall(), m.macroF1(), m.total());
        });
        csv(directory.resolve(PER_CLASS), p -> {
            p.printRecord("class", "precision", "recall", "f1", "support");
            for (int c = 0; c < m.classCount(); c++) {
                p.printRecord(m.classNames().get(c), m.precision(c), m.recall(c), m.f1(c), m.support(c));
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
