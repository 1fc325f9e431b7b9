package dev.fashionmnist.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.report.csv.MetricsCsv;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.results.TrainingProgress;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.RealData;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.train.TrainJob;
import dev.fashionmnist.train.Training;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report never draws curves of a run that did not write the model: after a failed run it draws the model's. */
class LearningHistoryTest {
    @TempDir
    Path out;

    private TrainJob job(double learningRate, int epochs) {
        DatasetFiles files = RealData.files();
        ModelSpec spec = ModelSpec.of("mlp", 32, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(epochs).batchSize(32).optimizer(OptimizerKind.SGD)
                .learningRate(learningRate).lrSchedule(LrSchedule.CONSTANT).trainSize(320).stratified(true).seed(5)
                .device("cpu").build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(files.spec().classNames())
                .dataFiles(files.paths()).dataSha256(files.sha256()).testSize(100).outputDirectory(out)
                .fingerprint("fingerprint-" + learningRate).pluginVersion("test").build();
    }

    private ModelCard train(TrainJob job) throws Exception {
        return new Training(job, BuildLog.console(), TrainingProgress.NONE).run(RealData.load());
    }

    @Test
    void afterACompleteRunMetricsCsvIsTheModels() throws Exception {
        ModelCard card = train(job(0.05, 2));
        RunStatus run = RunStatus.readIfPresent(out);
        assertTrue(run.isComplete());
        assertEquals(card.runId(), run.runId());
        LearningHistory history = LearningHistory.of(out);
        assertNull(history.note());
        assertEquals(MetricsCsv.read(out.resolve("metrics.csv")), history.metrics());
    }

    @Test
    void afterAFailedRunTheReportDrawsTheModelsOwnHistoryAndSaysSo() throws Exception {
        ModelCard card = train(job(0.05, 2));
        assertThrows(ClassifierException.class, () -> train(job(1e6, 3)), "a learning rate of 1e6 diverges");

        RunStatus failed = RunStatus.readIfPresent(out);
        assertEquals(RunStatus.FAILED, failed.state());
        assertTrue(failed.message().contains("diverged"), failed.message());
        assertTrue(!failed.runId().equals(card.runId()));
        assertEquals(card, ModelCard.readIfPresent(out.resolve("model")), "the model is still the first run's");

        ReportContent content = ReportContent.collect(out, Language.ENGLISH);
        assertEquals(card.history(), content.metrics(), "the model's own two epochs, not the failed run's rows");
        assertEquals(2, content.metrics().size());
        String note = content.metricsNote().toString();
        assertTrue(note.contains("failed") && note.contains("diverged") && note.contains("model's own history"), note);
        HtmlReport.write(content, out.resolve(HtmlReport.FILE));
        String html = Files.readString(out.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
        assertTrue(html.contains("not from the model"), "the page says so");
    }

    @Test
    void aKilledRunIsNamedAsSuch() {
        EpochMetrics row = EpochMetrics.builder().epoch(1).trainLoss(1).trainAccuracy(0.5).testLoss(1).testAccuracy(0.5)
                .learningRate(0.1).epochSeconds(1).trainImagesPerSecond(100).build();
        ModelCard card = Json.read("{\"runId\": \"aaaaaaaa-1\", \"history\": [" + Json.write(row) + "]}",
                ModelCard.class);
        RunStatus killed = new RunStatus("bbbbbbbb-2", RunStatus.RUNNING, 1, 5, "2026-01-01T00:00:00Z", null);
        LearningHistory h = LearningHistory.choose(card, killed, List.of());
        assertEquals(List.of(row), h.metrics());
        assertTrue(h.note().contains("run bbbbbbbb (epochs 1-5), which is still running or was killed")
                && h.note().contains("run aaaaaaaa"), h.note());
        assertEquals("metrics.csv stammt nicht vom Modell, sondern aus Lauf bbbbbbbb (Epochen 1–5), der noch läuft "
                + "oder abgebrochen wurde; das Modell stammt aus Lauf aaaaaaaa. Die Lernkurven und die Tabelle zeigen "
                + "den eigenen Verlauf des Modells aus model.json.", h.noteText().in(Language.GERMAN));
    }

    @Test
    void anOldCardWithoutHistoryKeepsMetricsCsvButSaysWhoseItIs() {
        EpochMetrics row = EpochMetrics.builder().epoch(1).trainLoss(1).trainAccuracy(0.5).testLoss(1).testAccuracy(0.5)
                .learningRate(0.1).epochSeconds(1).trainImagesPerSecond(100).build();
        ModelCard old = Json.read("{\"epochsTrained\": 3}", ModelCard.class);
        RunStatus failed = new RunStatus("cccccccc-3", RunStatus.RUNNING, 1, 2, "2026-01-01T00:00:00Z", null)
                .failed("Training diverged");
        LearningHistory h = LearningHistory.choose(old, failed, List.of(row));
        assertEquals(List.of(row), h.metrics());
        assertTrue(h.note().contains("not the model"), h.note());
        assertNull(LearningHistory.choose(old, null, List.of(row)).note(), "an old output folder as before");
    }
}
