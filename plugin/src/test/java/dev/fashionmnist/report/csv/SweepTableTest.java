package dev.fashionmnist.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.quality.RunSetup;
import dev.fashionmnist.report.plot.SweepPlots;
import dev.fashionmnist.report.plot.TrialCurves;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.results.ResultsFileException;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.PlotPixels;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.train.Training;
import dev.fashionmnist.train.TrainingTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep.csv written and read back, a row from a real tiny trial, and the sweep plots and summary. */
class SweepTableTest {
    private static final List<String> NAMES = List.of("hiddenSize", "trainSize");

    @TempDir
    Path dir;

    private static SweepTable.Row row(int trial, String hidden, String train, double accuracy, String diagnosis) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("hiddenSize", hidden);
        values.put("trainSize", train);
        return SweepTable.Row.builder().trial(trial).id("hiddenSize-" + hidden + "_trainSize-" + train).values(values)
                .finalTestAccuracy(accuracy).bestTestAccuracy(accuracy + 0.0100).testLoss(1.5 - accuracy)
                .trainableParameters(1000L * Integer.parseInt(hidden)).trainingSeconds(12.3 * trial)
                .diagnosis(diagnosis).build();
    }

    /** A 2x2 grid; the accuracies are chosen so that no summary figure lies on a rounding tie. */
    private static List<SweepTable.Row> rows() {
        return List.of(row(1, "2", "1000", 0.7012, "underfitting"), row(2, "2", "10000", 0.7834, "healthy"),
                row(3, "32", "1000", 0.8056, "overfitting"), row(4, "32", "10000", 0.8623, "healthy"));
    }

    private static List<EpochMetrics> curve(double start) {
        List<EpochMetrics> list = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            list.add(EpochMetrics.builder().epoch(e).trainLoss(1.0 / e).trainAccuracy(start + 0.02 * e)
                    .testLoss(1.1 / e).testAccuracy(start + 0.015 * e).learningRate(0.001).epochSeconds(2.0)
                    .trainImagesPerSecond(500).build());
        }
        return list;
    }

    @Test
    void writtenRowsReadBackEqual() throws Exception {
        Path file = dir.resolve(SweepTable.FILE);
        List<SweepTable.Row> rows = new ArrayList<>(rows());
        // accuracies rounded to 4 decimals, the loss to 4 significant digits, seconds to 3 decimals
        rows.set(0, rows.get(0).toBuilder().trial(1).finalTestAccuracy(0.701249).bestTestAccuracy(0.711251)
                .testLoss(0.798749).trainableParameters(2000).trainingSeconds(12.34).diagnosis("underfitting").build());
        SweepTable.write(NAMES, rows, file);
        assertEquals(NAMES, SweepTable.names(file));
        List<SweepTable.Row> read = SweepTable.read(file);
        assertEquals(4, read.size());
        assertEquals(rows.get(0).toBuilder().finalTestAccuracy(0.7012).bestTestAccuracy(0.7113).testLoss(0.7987)
                .build(), read.get(0));
        for (int i = 1; i < 4; i++) {
            SweepTable.Row w = rows.get(i);
            SweepTable.Row r = read.get(i);
            assertEquals(w.trial(), r.trial());
            assertEquals(w.id(), r.id());
            assertEquals(w.values(), r.values());
            assertEquals(List.copyOf(w.values().keySet()), List.copyOf(r.values().keySet()));
            assertEquals(w.finalTestAccuracy(), r.finalTestAccuracy(), 1e-12);
            assertEquals(w.bestTestAccuracy(), r.bestTestAccuracy(), 1e-12);
            assertEquals(w.testLoss(), r.testLoss(), 1e-12);
            assertEquals(w.trainableParameters(), r.trainableParameters());
            assertEquals(w.trainingSeconds(), r.trainingSeconds(), 0.05 + 1e-9);
            assertEquals(w.diagnosis(), r.diagnosis());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("trial,id,hiddenSize,trainSize,final_test_accuracy,best_test_accuracy,test_loss,"
                + "trainable_parameters,training_seconds,diagnosis", lines.get(0));
        assertEquals("4,hiddenSize-32_trainSize-10000,32,10000,0.8623,0.8723,0.6377,32000,49.200,healthy",
                lines.get(4));
    }

    @Test
    void namesAreTheColumnsBetweenIdAndTheResults() throws Exception {
        Path one = dir.resolve("one.csv");
        SweepTable.write(List.of("learningRate"), List.of(SweepTable.Row.builder().trial(1).id("learningRate-0.01")
                .values(Map.of("learningRate", "0.01")).finalTestAccuracy(0.8).bestTestAccuracy(0.81).testLoss(0.5)
                .trainableParameters(101770).trainingSeconds(3).diagnosis("healthy").build()), one);
        assertEquals(List.of("learningRate"), SweepTable.names(one));
        assertEquals(Map.of("learningRate", "0.01"), SweepTable.read(one).get(0).values());
        Path three = dir.resolve("three.csv");
        List<String> names = List.of("architecture", "epochs", "augment");
        SweepTable.write(names, List.of(SweepTable.Row.builder().trial(1).id("x")
                .values(Map.of("architecture", "mlp", "epochs", "2", "augment", "true")).finalTestAccuracy(0.8)
                .bestTestAccuracy(0.81).testLoss(0.5).trainableParameters(1).trainingSeconds(3).diagnosis("healthy")
                .build()), three);
        assertEquals(names, SweepTable.names(three));
    }

    @Test
    void aFileWithoutRowsIsAnIOException() throws Exception {
        Path file = dir.resolve("empty.csv");
        SweepTable.write(NAMES, List.of(), file);
        ResultsFileException none = assertThrows(ResultsFileException.class, () -> SweepTable.read(file));
        assertEquals(file + " holds no rows", none.getMessage());
        assertEquals(file + " enthält keine Zeilen", Messages.of(none, Language.GERMAN));
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "trial,id,hiddenSize,final_test_accuracy,best_test_accuracy,test_loss,"
                + "trainable_parameters,training_seconds,diagnosis\nzero,x,2,a,b,c,d,e,f\n");
        IOException e = assertThrows(IOException.class, () -> SweepTable.read(broken));
        assertTrue(e.getMessage().contains("not a sweep table"), e.getMessage());
    }

    @Test
    void fromTrialReadsARealTrainedAndEvaluatedTrial() throws Exception {
        Path trial = dir.resolve("trial");
        ModelCard card = new Training(TrainingTest.job(trial, "mlp", null, 300, 200, 2, false, 1), BuildLog.console(),
                TrainingProgress.NONE).run(RealData.load());
        EvaluationResult evaluation = ModelEvaluator.evaluate(trial.resolve("model"), RealData.load(), -1,
                BuildLog.console());
        EvaluationReports.write(evaluation, trial);

        Map<String, String> values = Map.of("hiddenSize", "128");
        SweepTable.Row row = SweepTable.fromTrial(5, "hiddenSize-128", values, trial);
        assertEquals(5, row.trial());
        assertEquals("hiddenSize-128", row.id());
        assertEquals(values, row.values());

        List<CSVRecord> csv;
        try (Reader r = Files.newBufferedReader(trial.resolve(EvaluationReports.EVALUATION))) {
            csv = CSVFormat.DEFAULT.parse(r).getRecords();
        }
        assertEquals("accuracy", csv.get(0).get(0));
        assertEquals(Double.parseDouble(csv.get(1).get(0)), row.finalTestAccuracy(), 0.0);
        // evaluation.csv keeps 4 decimals of the accuracy and 4 significant digits of the loss
        assertEquals(evaluation.accuracy(), row.finalTestAccuracy(), 5e-5);
        assertEquals(evaluation.loss(), row.testLoss(), 5e-4 * evaluation.loss());
        assertTrue(row.finalTestAccuracy() > 0.1 && row.finalTestAccuracy() <= 1, "" + row.finalTestAccuracy());

        List<EpochMetrics> metrics = MetricsCsv.read(trial.resolve("metrics.csv"));
        assertEquals(2, metrics.size());
        double best = Math.max(metrics.get(0).testAccuracy(), metrics.get(1).testAccuracy());
        assertEquals(best, row.bestTestAccuracy(), 0.0);
        assertEquals(101_770, row.trainableParameters());
        assertEquals(card.trainingSeconds(), row.trainingSeconds(), 0.0);
        assertTrue(row.trainingSeconds() >= 0);
        Set<String> verdicts = new HashSet<>(List.of("healthy"));
        Arrays.stream(Diagnosis.Kind.values()).forEach(k -> verdicts.add(k.label()));
        assertTrue(verdicts.contains(row.diagnosis()), row.diagnosis());
        double majority = RunSetup.majorityShare(EvaluationReports.readConfusion(
                trial.resolve(EvaluationReports.CONFUSION)));
        assertEquals(Diagnosis.verdict(Diagnosis.of(metrics, card.runSetup(majority))), row.diagnosis());
        assertNotEquals("healthy", row.diagnosis(), "two epochs are too few to call a run healthy");
    }

    @Test
    void fromTrialOnAFolderWithoutResultsIsAnIOException() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("hiddenSize-2"));
        IOException e = assertThrows(IOException.class,
                () -> SweepTable.fromTrial(1, "hiddenSize-2", Map.of("hiddenSize", "2"), empty));
        assertEquals("trial hiddenSize-2 in " + empty + " has no trained and evaluated model", e.getMessage());
        assertEquals("Versuch hiddenSize-2 in " + empty + " hat kein trainiertes und ausgewertetes Modell",
                Messages.of(e, Language.GERMAN));
    }

    private static int colours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    @Test
    void plotsAPngPerParameterAndTheCurves() throws Exception {
        Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
        for (SweepTable.Row r : rows()) {
            curves.put(r.id(), curve(r.finalTestAccuracy() - 0.05));
        }
        SweepPlots.write(NAMES, rows(), curves, dir, Language.ENGLISH);
        for (String name : NAMES) {
            Path png = dir.resolve("sweep-" + name + ".png");
            assertEquals(png, dir.resolve(SweepPlots.parameterPlot(name)));
            BufferedImage img = PlotPixels.read(png);
            assertEquals(800, img.getWidth());
            assertEquals(500, img.getHeight());
            assertTrue(colours(img) > 10, name + " plot is not blank: " + colours(img) + " colours");
        }
        BufferedImage img = PlotPixels.read(dir.resolve(SweepPlots.CURVES));
        assertEquals("sweep-curves.png", SweepPlots.CURVES);
        // four trials: small multiples, four panels in a row
        assertEquals(4 * TrialCurves.PANEL_WIDTH, img.getWidth());
        assertEquals(TrialCurves.HEADER + TrialCurves.PANEL_HEIGHT, img.getHeight());
        assertTrue(Files.isRegularFile(dir.resolve(SweepPlots.HEATMAP)), "two parameters: a heat map");
        assertTrue(colours(img) > 10, "curves plot is not blank: " + colours(img) + " colours");
    }

    @Test
    void noCurvesMeansNoCurvesPlot() throws Exception {
        SweepPlots.write(List.of("hiddenSize"), rows(), Map.of(), dir, Language.ENGLISH);
        assertTrue(Files.isRegularFile(dir.resolve("sweep-hiddenSize.png")));
        assertTrue(!Files.exists(dir.resolve(SweepPlots.CURVES)));
        assertTrue(!Files.exists(dir.resolve("sweep-trainSize.png")));
    }

    @Test
    void summaryNamesTheBestTrialAndWhatEachParameterMoved() {
        List<SweepTable.Row> rows = rows();
        List<String> lines = SweepPlots.summary(NAMES, rows, Language.ENGLISH);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("hiddenSize-32_trainSize-10000"), lines.get(0));
        assertTrue(lines.get(0).contains("86.23%"), lines.get(0));
        assertTrue(lines.get(0).contains("healthy"), lines.get(0));

        double a = rows.get(0).finalTestAccuracy(); // 2, 1000
        double b = rows.get(1).finalTestAccuracy(); // 2, 10000
        double c = rows.get(2).finalTestAccuracy(); // 32, 1000
        double d = rows.get(3).finalTestAccuracy(); // 32, 10000
        double hidden = 100 * Math.abs((c + d) / 2 - (a + b) / 2);
        double train = 100 * Math.abs((b + d) / 2 - (a + c) / 2);
        assertEquals("9.2", String.format(Locale.ROOT, "%.1f", hidden));
        assertEquals("6.9", String.format(Locale.ROOT, "%.1f", train));
        assertTrue(lines.get(1).startsWith("hiddenSize moves mean test accuracy by "
                + String.format(Locale.ROOT, "%.1f", hidden) + " points"), lines.get(1));
        assertTrue(lines.get(1).contains("hiddenSize=2: 74.23%") && lines.get(1).contains("hiddenSize=32: 83.40%"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("trainSize moves mean test accuracy by "
                + String.format(Locale.ROOT, "%.1f", train) + " points"), lines.get(2));
    }
}
