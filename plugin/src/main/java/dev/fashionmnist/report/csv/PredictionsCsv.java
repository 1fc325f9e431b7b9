package dev.fashionmnist.report.csv;

import dev.fashionmnist.data.ClassName;
import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.results.ClassifiedImage;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Prediction;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code predictions.csv}: per image the top classes with their probabilities, and whether it was inverted. */
public final class PredictionsCsv {
    public static final String FILE = "predictions.csv";

    private PredictionsCsv() {
    }

    public static void write(List<ClassifiedImage> images, int top, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            List<Object> header = new ArrayList<>(List.of("image", "inverted"));
            for (int i = 1; i <= top; i++) {
                header.add("class_" + i);
                header.add("probability_" + i);
            }
            p.printRecord(header);
            for (ClassifiedImage image : images) {
                List<Object> row = new ArrayList<>(List.of(image.file(), image.inverted()));
                for (Prediction prediction : image.top()) {
                    row.add(prediction.className());
                    row.add(Numbers.probability(prediction.probability()));
                }
                p.printRecord(row);
            }
            p.flush();
        });
    }

    /** One log line: the image and its top classes, e.g. {@code shoe.png: Sneaker 91.2%, Sandal 6.0%, ...}. */
    public static String logLine(ClassifiedImage image) {
        return logLine(image, Language.ENGLISH, null);
    }

    /**
     * The log line of one image in {@code language}: "shoe.png: Sneaker 91.2%, Sandal 6.0% (inverted)", German
     * "shoe.png: Sneaker 91,2 %, Sandale 6,0 % (invertiert)" with the class names of {@code dataset} for its readers.
     */
    public static String logLine(ClassifiedImage image, Language language, String dataset) {
        List<String> ranks = new ArrayList<>();
        for (Prediction p : image.top()) {
            ranks.add(Messages.text(language, "report.predict.rank",
                    new ClassName(dataset, p.classIndex(), p.className()).in(language),
                    Numbers.rounded(100 * p.probability(), 1)));
        }
        String file = Path.of(image.file()).getFileName().toString();
        return Messages.text(language, image.inverted() ? "report.predict.lineInverted" : "report.predict.line", file,
                String.join(", ", ranks));
    }
}
