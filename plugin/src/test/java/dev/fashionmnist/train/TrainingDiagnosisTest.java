package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.evaluate.ModelEvaluator;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Diagnosis;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.csv.SweepTable;
import dev.fashionmnist.report.html.HtmlReport;
import dev.fashionmnist.report.html.ReportContent;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnosis of real tiny runs on Fashion-MNIST (real PyTorch natives): a run that cannot learn (a 2-neuron hidden
 * layer, learning rate 1e-7, 300 images, one epoch) is "not learning" with its causes, in the training log, the live
 * page, the report and sweep.csv, in English and German; a run that learns but has one epoch is "too early to tell".
 */
class TrainingDiagnosisTest {
    @TempDir
    Path out;

    /** An mlp with one hidden layer of {@code hiddenSize} on {@code trainSize} images for one epoch, batches of 64. */
    private static TrainJob job(Path out, int hiddenSize, double learningRate, int trainSize) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of("mlp", hiddenSize, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(1).batchSize(64).optimizer(OptimizerKind.ADAM)
                .learningRate(learningRate).lrSchedule(LrSchedule.CONSTANT).trainSize(trainSize).stratified(true)
                .seed(42).device("cpu").build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(1000).outputDirectory(out)
                .fingerprint("diagnosis-" + hiddenSize + "-" + learningRate).pluginVersion("test").build();
    }

    private static ModelCard train(TrainJob job, BuildLog log) throws Exception {
        return new Training(job, log, TrainingProgress.NONE).run(RealData.load());
    }

    private static String page(Path dir) throws Exception {
        return Files.readString(dir.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void aRunThatCannotLearnIsNotLearningWithItsCausesInEnglishAndGerman() throws Exception {
        RecordingLog english = new RecordingLog();
        ModelCard card = train(job(out, 2, 1e-7, 300), english);
        double accuracy = card.finalMetrics().testAccuracy();
        assertTrue(accuracy < 0.2, "the network of this test stays at chance: " + accuracy);
        String percent = String.format(java.util.Locale.ROOT, "%.2f", 100 * accuracy);

        // the training log: one warning with the evidence, the causes and what to try; no "healthy"
        List<String> diagnosis = english.warnings.stream().filter(w -> w.startsWith("Diagnosis: ")).toList();
        assertEquals(List.of("Diagnosis: not learning: test accuracy " + percent + "% at epoch 1 is at chance level: "
                + "guessing among 10 classes gets 10.00%, a network that learns reaches 20.00% or more; likely "
                + "causes: a hidden layer of only 2 neurons for 10 classes (hiddenSize=2), a tiny learning rate "
                + "(learningRate=1E-7 with adam), with which each step barely moves the weights, only 5 optimizer "
                + "steps (300 training images in batches of 64, 1 epoch). Try: a wider hidden layer (hiddenSize=128, "
                + "the default); a larger learningRate (0.003 with adam, the default, or 0.01 with sgd); more epochs "
                + "(epochs) or more training images (trainSize)"), diagnosis);
        assertTrue(english.infos.stream().noneMatch(i -> i.startsWith("Diagnosis")), english.infos.toString());

        // the live page at the end of the run
        String live = page(out);
        assertTrue(live.contains("<p id=\"verdict\"><b>Diagnosis</b>: not learning: test accuracy " + percent
                + "% at epoch 1 is at chance level"), live);
        assertTrue(live.contains("<b>not learning</b>: test accuracy " + percent + "%"), live);
        assertFalse(live.contains("healthy"), live);

        // the report, in German, from what the run left (the model card gives the configuration)
        ReportContent german = ReportContent.collect(out, Language.GERMAN);
        assertEquals(Diagnosis.Kind.NOT_LEARNING, german.diagnosis().get(0).kind());
        HtmlReport.write(german, out.resolve(HtmlReport.FILE));
        String de = page(out);
        String percentDe = percent.replace('.', ',');
        assertTrue(de.contains("<p id=\"verdict\"><b>Diagnose</b>: lernt nicht: Die Testgenauigkeit von " + percentDe
                + " % in Epoche 1 liegt auf Zufallsniveau: Raten unter 10 Klassen ergibt 10,00 %, ein Netz, das lernt, "
                + "erreicht 20,00 % oder mehr; wahrscheinliche Ursachen: eine verborgene Schicht mit nur 2 Neuronen "
                + "für 10 Klassen (hiddenSize=2), eine winzige Lernrate (learningRate=1E-7 mit adam)"), de);
        assertTrue(de.contains("nur 5 Optimierungsschritte (300 Trainingsbilder in Stapeln zu 64, 1 Epoche)"), de);
        assertTrue(de.contains("Versuche: eine breitere verborgene Schicht (hiddenSize=128, voreingestellt)"), de);
        assertFalse(de.contains("gesund"), de);

        // the training log in German
        RecordingLog deutsch = new RecordingLog(Language.GERMAN);
        train(job(out.resolve("de"), 2, 1e-7, 300), deutsch);
        assertTrue(deutsch.warnings.stream().anyMatch(w -> w.startsWith("Diagnose: lernt nicht: Die Testgenauigkeit "
                + "von " + percentDe + " % in Epoche 1 liegt auf Zufallsniveau") && w.contains("(hiddenSize=2)")
                && w.contains("(learningRate=1E-7 mit adam)") && w.contains("300 Trainingsbilder")),
                deutsch.warnings.toString());

        // sweep.csv's column, from the evaluated trial
        EvaluationReports.write(ModelEvaluator.evaluate(out.resolve("model"), RealData.load(), -1,
                BuildLog.console()), out);
        SweepTable.Row row = SweepTable.fromTrial(1, "hiddenSize-2", Map.of("hiddenSize", "2"), out);
        assertEquals("not learning", row.diagnosis());
        assertEquals("lernt nicht", Diagnosis.verdictText(row.diagnosis()).in(Language.GERMAN));
    }

    @Test
    void aRunThatLearnsForOneEpochIsTooEarlyToTellNotHealthy() throws Exception {
        RecordingLog log = new RecordingLog();
        ModelCard card = train(job(out, 128, 0.001, 1000), log);
        assertTrue(card.finalMetrics().testAccuracy() > 0.3, "this network learns: " + card.finalMetrics());
        assertEquals(List.of("Diagnosis: too early to tell: only 1 epoch: over- and underfitting show in the learning "
                + "curves over at least 3 epochs. Try: train at least 3 epochs (epochs=3) to read the learning "
                + "curves"), log.infos.stream().filter(i -> i.startsWith("Diagnosis")).toList());
        assertTrue(log.warnings.stream().noneMatch(w -> w.startsWith("Diagnosis")), log.warnings.toString());
        String live = page(out);
        assertTrue(live.contains("<p id=\"verdict\"><b>Diagnosis</b>: too early to tell: only 1 epoch"), live);
        assertFalse(live.contains("healthy"), live);
    }
}
