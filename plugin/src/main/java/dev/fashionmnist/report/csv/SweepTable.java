package dev.fashionmnist.report.csv;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.ResultsFileException;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code sweep.csv}: a row per trial with every varied parameter, final and best test accuracy, test loss,
 * trainable parameters, training seconds and the diagnosis verdict.
 */
public final class SweepTable {
    public static final String FILE = "sweep.csv";
    static final List<String> RESULT_COLUMNS = List.of("final_test_accuracy", "best_test_accuracy", "test_loss",
            "trainable_parameters", "training_seconds", "diagnosis");

    private SweepTable() {
    }

    /** One trial's results; {@code trial} is its number in the grid, from 1 as in the log's "Trial 1/4". */
    public record Row(int trial, String id, Map<String, String> values, double finalTestAccuracy,
                      double bestTestAccuracy, double testLoss, long trainableParameters, double trainingSeconds,
                      String diagnosis) {
    }

    /** The results of the trial whose outputs are in {@code dir} (model, evaluation.csv, metrics.csv). */
    public static Row fromTrial(int trial, String id, Map<String, String> values, Path dir) throws IOException {
        ModelCard card = ModelCard.readIfPresent(dir.resolve("model"));
        Path evaluation = dir.resolve(EvaluationReports.EVALUATION);
        if (card == null || !Files.isRegularFile(evaluation)) {
            throw new ResultsFileException(Messages.of("report.sweep.noTrial", id, dir));
        }
        double[] accuracyAndLoss = EvaluationReports.readAccuracyAndLoss(evaluation);
        double accuracy = accuracyAndLoss[0];
        double loss = accuracyAndLoss[1];
        List<EpochMetrics> metrics = MetricsCsv.read(dir.resolve("metrics.csv"));
        double best = metrics.stream().mapToDouble(EpochMetrics::testAccuracy).max().orElse(accuracy);
        return new Row(trial, id, values, accuracy, best, loss, card.trainableParameters(), card.trainingSeconds(),
                Diagnosis.verdict(Diagnosis.of(metrics)));
    }

    public static void write(List<String> names, List<Row> rows, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            List<Object> header = new ArrayList<>(List.of("trial", "id"));
            header.addAll(names);
            header.addAll(RESULT_COLUMNS);
            p.printRecord(header);
            for (Row r : rows) {
                List<Object> row = new ArrayList<>(List.of(r.trial(), r.id()));
                names.forEach(n -> row.add(r.values().get(n)));
                row.add(Numbers.fraction(r.finalTestAccuracy()));
                row.add(Numbers.fraction(r.bestTestAccuracy()));
                row.add(Numbers.loss(r.testLoss()));
                row.add(r.trainableParameters());
                row.add(Numbers.seconds(r.trainingSeconds()));
                row.add(r.diagnosis());
                p.printRecord(row);
            }
            p.flush();
        });
    }

    /** The parameter names (columns between id and the results) of a sweep.csv. */
    public static List<String> names(Path file) throws IOException {
        List<CSVRecord> records = records(file);
        List<String> names = new ArrayList<>();
        CSVRecord header = records.get(0);
        for (int i = 2; i < header.size() - RESULT_COLUMNS.size(); i++) {
            names.add(header.get(i));
        }
        return names;
    }

    public static List<Row> read(Path file) throws IOException {
        List<CSVRecord> records = records(file);
        List<String> names = names(file);
        List<Row> rows = new ArrayList<>();
        try {
            for (CSVRecord r : records.subList(1, records.size())) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), r.get(2 + i));
                }
                int k = 2 + names.size();
                rows.add(new Row(Integer.parseInt(r.get(0)), r.get(1), values, Double.parseDouble(r.get(k)),
                        Double.parseDouble(r.get(k + 1)), Double.parseDouble(r.get(k + 2)),
                        Long.parseLong(r.get(k + 3)),
                        Double.parseDouble(r.get(k + 4)), r.get(k + 5)));
            }
        } catch (RuntimeException e) {
            throw new ResultsFileException(Messages.of("report.sweep.notATable", file, e.getMessage()), e);
        }
        return rows;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        List<CSVRecord> records = EvaluationReports.records(file);
        if (records.size() < 2) {
            throw new ResultsFileException(Messages.of("report.sweep.noRows", file));
        }
        return records;
    }
}
