package dev.fashionmnist.report.csv;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.quality.RunSetup;
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

        /** A builder with nothing chosen yet. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder that starts from this row, for a copy with some of it changed. */
        public Builder toBuilder() {
            return new Builder().trial(trial).id(id).values(values).finalTestAccuracy(finalTestAccuracy)
                    .bestTestAccuracy(bestTestAccuracy).testLoss(testLoss).trainableParameters(trainableParameters)
                    .trainingSeconds(trainingSeconds).diagnosis(diagnosis);
        }

        /** {@link Row} by name, one column at a time. */
        public static final class Builder {
            private int trial;
            private String id;
            private Map<String, String> values;
            private double finalTestAccuracy;
            private double bestTestAccuracy;
            private double testLoss;
            private long trainableParameters;
            private double trainingSeconds;
            private String diagnosis;

            private Builder() {
            }

            /** The trial's number in the grid, from 1. */
            public Builder trial(int trial) {
                this.trial = trial;
                return this;
            }

            /** The trial's id, from its values. */
            public Builder id(String id) {
                this.id = id;
                return this;
            }

            /** The swept parameters' values, by name. */
            public Builder values(Map<String, String> values) {
                this.values = values;
                return this;
            }

            /** The test accuracy of the trained model. */
            public Builder finalTestAccuracy(double finalTestAccuracy) {
                this.finalTestAccuracy = finalTestAccuracy;
                return this;
            }

            /** The best test accuracy of any evaluation during training. */
            public Builder bestTestAccuracy(double bestTestAccuracy) {
                this.bestTestAccuracy = bestTestAccuracy;
                return this;
            }

            /** The test loss of the trained model. */
            public Builder testLoss(double testLoss) {
                this.testLoss = testLoss;
                return this;
            }

            /** The model's trainable parameters. */
            public Builder trainableParameters(long trainableParameters) {
                this.trainableParameters = trainableParameters;
                return this;
            }

            /** How long the training took. */
            public Builder trainingSeconds(double trainingSeconds) {
                this.trainingSeconds = trainingSeconds;
                return this;
            }

            /** The diagnosis' verdict. */
            public Builder diagnosis(String diagnosis) {
                this.diagnosis = diagnosis;
                return this;
            }

            /** The row. */
            public Row build() {
                return new Row(trial, id, values, finalTestAccuracy, bestTestAccuracy, testLoss, trainableParameters,
                        trainingSeconds, diagnosis);
            }
        }
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
        // a check on the test sample is no best figure: only rows of the whole test set count
        double best = EpochMetrics.wholeTestSet(metrics).stream().mapToDouble(EpochMetrics::testAccuracy).max()
                .orElse(accuracy);
        Path confusion = dir.resolve(EvaluationReports.CONFUSION);
        double majority = Files.isRegularFile(confusion)
                ? RunSetup.majorityShare(EvaluationReports.readConfusion(confusion)) : 0;
        return Row.builder().trial(trial).id(id).values(values).finalTestAccuracy(accuracy).bestTestAccuracy(best)
                .testLoss(loss).trainableParameters(card.trainableParameters()).trainingSeconds(card.trainingSeconds())
                .diagnosis(Diagnosis.verdict(Diagnosis.of(metrics, card.runSetup(majority)))).build();
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
                rows.add(Row.builder().trial(Integer.parseInt(r.get(0))).id(r.get(1)).values(values)
                        .finalTestAccuracy(Double.parseDouble(r.get(k)))
                        .bestTestAccuracy(Double.parseDouble(r.get(k + 1)))
                        .testLoss(Double.parseDouble(r.get(k + 2))).trainableParameters(Long.parseLong(r.get(k + 3)))
                        .trainingSeconds(Double.parseDouble(r.get(k + 4))).diagnosis(r.get(k + 5)).build());
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
