package dev.fashionmnist.evaluate;

import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.data.DatasetFiles;
import dev.fashionmnist.data.IdxDecoder;
import dev.fashionmnist.io.Digests;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.quality.Gates;
import dev.fashionmnist.report.JUnitReport;
import dev.fashionmnist.report.csv.EvaluationReports;
import dev.fashionmnist.report.plot.ConfusionHeatmap;
import dev.fashionmnist.report.plot.MistakesGrid;
import dev.fashionmnist.results.EvaluationRecord;
import dev.fashionmnist.results.EvaluationResult;
import dev.fashionmnist.runtime.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the evaluate goal leaves in the output folder: the CSV files, the two plots and the JUnit XML of one
 * evaluation, and the {@link EvaluationRecord} that lets the next build reuse it. They always describe the model in
 * the folder and the gates of the build that wrote them: evaluate removes them before it starts and writes them all
 * again (from the record, when the model and test set are unchanged), and train removes them, record included, when
 * it puts another model into the folder.
 */
public final class EvaluationOutputs {
    /** The files of one evaluation and its gates, beside the record. */
    public static final List<String> FILES = List.of(EvaluationReports.EVALUATION, EvaluationReports.PER_CLASS,
            EvaluationReports.CONFUSION, EvaluationReports.MISTAKES, JUnitReport.FILE, ConfusionHeatmap.FILE,
            MistakesGrid.FILE);

    private EvaluationOutputs() {
    }

    /** Removes the outputs of an earlier evaluation from {@code out}; the record stays for reuse. */
    public static void remove(Path out) throws IOException {
        for (String name : FILES) {
            Files.deleteIfExists(out.resolve(name));
        }
    }

    /**
     * Removes every trace of an earlier evaluation from {@code out}, the record included, and the copies of its JUnit
     * XML ({@code junitCopies}, where evaluate's junitReportDirectory put them): the folder's model is being replaced
     * (trained again or restored from the model cache), so they describe another model.
     */
    public static void forget(Path out, List<Path> junitCopies) throws IOException {
        remove(out);
        Files.deleteIfExists(out.resolve(EvaluationRecord.FILE));
        for (Path copy : junitCopies) {
            if (Files.isRegularFile(copy)) {
                Files.delete(copy);
            }
        }
    }

    /**
     * What an evaluation of the model in {@code modelDirectory} on {@code files} depends on: the model card's SHA-256
     * (which names the parameters' SHA-256, checked before), the test set's SHA-256, the classes, the device kind and
     * the plugin version.
     */
    public static EvaluationRecord.Key key(Path modelDirectory, DatasetFiles files, boolean gpu, String pluginVersion)
            throws IOException {
        return new EvaluationRecord.Key(Digests.sha256(modelDirectory.resolve(ModelCard.FILE)),
                files.sha256().get(DatasetFile.TEST_IMAGES), files.sha256().get(DatasetFile.TEST_LABELS),
                files.spec().classNames(), gpu ? "gpu" : "cpu", pluginVersion);
    }

    /** Records {@code result} as measured on {@code key} now, for the next build to reuse. */
    public static EvaluationRecord record(Path out, EvaluationRecord.Key key, EvaluationResult result)
            throws IOException {
        EvaluationRecord record = new EvaluationRecord(key, Instant.now().toString(), result);
        record.write(out);
        return record;
    }

    /**
     * Writes the evaluation's CSV files, its two plots and the gates' JUnit XML ({@code run}, {@code outcomes}) into
     * {@code out}.
     */
    public static void write(Path out, EvaluationResult result, DatasetFiles files, JUnitReport.Run run,
                             List<Gates.GateOutcome> outcomes, Language language) throws IOException {
        EvaluationReports.write(result, out);
        ConfusionHeatmap.write(result.confusion(), files.spec().name(), out.resolve(ConfusionHeatmap.FILE), language);
        MistakesGrid.write(IdxDecoder.readImages(files.path(DatasetFile.TEST_IMAGES)), result.mistakes(),
                files.spec().classNames(), files.spec().name(), out.resolve(MistakesGrid.FILE), language);
        JUnitReport.write(out.resolve(JUnitReport.FILE), run, outcomes, language);
    }
}
