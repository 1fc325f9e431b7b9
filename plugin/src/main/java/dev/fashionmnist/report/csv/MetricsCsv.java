package dev.fashionmnist.report.csv;

import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.results.ResultsFileException;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code metrics.csv}: one row per evaluation, appended and flushed as it is made: per epoch by default; with
 * several evaluations per epoch the {@code epoch} column is fractional (0.25, 0.5, 0.75, 1, 1.25, ...). Values are
 * rounded as {@link Numbers} says; a resumed run continues from its checkpoint's history, not from this file.
 * {@code train_loss} and {@code test_loss} are both the plain cross entropy; {@code train_objective}, the last column,
 * is the loss trained on (with label smoothing; without it the same as {@code train_loss}). A file of an older plugin
 * has no {@code train_objective}: its {@code train_loss} was the objective, which it then reads as both. Then come
 * {@code weights}, which weights the row's test metrics are of ({@code trained}, or {@code average} where the weight
 * average tested better: the weights the model would be written with at that point), and {@code test_images}, how
 * many test images its test metrics come from (a sample for checks within an epoch); older files end before them.
 * Columns are read by their header name.
 */
public final class MetricsCsv {
    /** The column of the training objective, the last: files of older plugins end before it. */
    static final String OBJECTIVE = "train_objective";
    /** Which weights a row's test metrics are of; files of older plugins end before it. */
    static final String WEIGHTS = "weights";
    /** How many test images a row's test metrics come from; files of older plugins end before it. */
    static final String TEST_IMAGES = "test_images";
    public static final String[] HEADER = {"epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
        "learning_rate", "epoch_seconds", "train_images_per_second", OBJECTIVE, WEIGHTS, TEST_IMAGES};

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private MetricsCsv() {
    }

    /** Starts a new file holding the header and {@code rows} (those of the run being continued, if any). */
    public static void start(Path file, List<EpochMetrics> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, WRITE);
            printer.printRecord((Object[]) HEADER);
            for (EpochMetrics row : rows) {
                print(printer, row);
            }
            printer.flush();
        });
    }

    public static void append(Path file, EpochMetrics row) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
             CSVPrinter printer = new CSVPrinter(w, WRITE)) {
            print(printer, row);
        }
    }

    public static List<EpochMetrics> read(Path file) throws IOException {
        List<EpochMetrics> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, READ)) {
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    double at = d(rec, "epoch");
                    if (!(at > 0) || Double.isInfinite(at)) {
                        throw new ResultsFileException(Messages.of("report.csv.epoch", file, line, rec.get("epoch")));
                    }
                    double trainLoss = d(rec, "train_loss");
                    // older files have no objective column: their train_loss was the objective
                    double objective = rec.isSet(OBJECTIVE) ? d(rec, OBJECTIVE) : trainLoss;
                    rows.add(EpochMetrics.builder().evaluatedAt(at).trainLoss(trainLoss).trainObjective(objective)
                            .trainAccuracy(d(rec, "train_accuracy")).testLoss(d(rec, "test_loss"))
                            .testAccuracy(d(rec, "test_accuracy")).learningRate(d(rec, "learning_rate"))
                            .epochSeconds(d(rec, "epoch_seconds"))
                            .trainImagesPerSecond(d(rec, "train_images_per_second"))
                            .weights(rec.isSet(WEIGHTS) ? rec.get(WEIGHTS) : null)
                            .testImages(testImages(rec)).build());
                } catch (IllegalArgumentException e) {
                    throw new ResultsFileException(Messages.of("report.csv.line", file, line, e));
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ResultsFileException(Messages.of("report.csv.notMetrics", file, e));
        }
        return rows;
    }

    /** A row's {@code test_images}: 0 (the whole test set, count not recorded) in older files and older rows. */
    private static int testImages(CSVRecord rec) {
        return rec.isSet(TEST_IMAGES) && !rec.get(TEST_IMAGES).isBlank() ? Integer.parseInt(rec.get(TEST_IMAGES)) : 0;
    }

    private static double d(CSVRecord rec, String column) {
        return Double.parseDouble(rec.get(column));
    }

    private static void print(CSVPrinter printer, EpochMetrics m) throws IOException {
        printer.printRecord(m.atLabel(), Numbers.loss(m.trainLoss()), Numbers.fraction(m.trainAccuracy()),
                Numbers.loss(m.testLoss()), Numbers.fraction(m.testAccuracy()), Numbers.rate(m.learningRate()),
                Numbers.seconds(m.epochSeconds()), Numbers.perSecond(m.trainImagesPerSecond()),
                Numbers.loss(m.trainObjective()), m.weights(),
                m.testImages() == 0 ? "" : m.testImages());
        printer.flush();
    }
}
