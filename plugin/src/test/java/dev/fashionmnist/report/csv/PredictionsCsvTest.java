package dev.fashionmnist.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.results.ClassifiedImage;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Prediction;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predictions.csv read back with commons-csv, and the per-image log line. */
class PredictionsCsvTest {
    @TempDir
    Path dir;

    private static ClassifiedImage shoe(Path dir) {
        return new ClassifiedImage(dir.resolve("shoe.png").toString(), true, List.of(
                new Prediction("Sneaker", 7, 0.912), new Prediction("Sandal", 5, 0.06),
                new Prediction("Ankle boot", 9, 0.02)));
    }

    private static ClassifiedImage shirt(Path dir) {
        return new ClassifiedImage(dir.resolve("my shirt, blue.jpg").toString(), false, List.of(
                new Prediction("Shirt", 6, 0.5), new Prediction("T-shirt/top", 0, 0.3),
                new Prediction("Pullover", 2, 0.1234567)));
    }

    @Test
    void writesOneRowPerImageWithTheTopClasses() throws Exception {
        Path file = dir.resolve(PredictionsCsv.FILE);
        PredictionsCsv.write(List.of(shoe(dir), shirt(dir)), 3, file);
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.parse(r).getRecords();
        }
        assertEquals(3, records.size());
        assertEquals(List.of("image", "inverted", "class_1", "probability_1", "class_2", "probability_2", "class_3",
                "probability_3"), records.get(0).toList());
        assertEquals(List.of(dir.resolve("shoe.png").toString(), "true", "Sneaker", "0.912000", "Sandal", "0.060000",
                "Ankle boot", "0.020000"), records.get(1).toList());
        assertEquals(List.of(dir.resolve("my shirt, blue.jpg").toString(), "false", "Shirt", "0.500000",
                "T-shirt/top", "0.300000", "Pullover", "0.123457"), records.get(2).toList());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(3, text.split("\n", -1).length - 1, "three lines, each ended by \\n: " + text);
    }

    @Test
    void logLineNamesTheFileAndTheTopClasses() {
        assertEquals("shoe.png: Sneaker 91.2%, Sandal 6.0%, Ankle boot 2.0% (inverted)",
                PredictionsCsv.logLine(shoe(dir)));
        assertEquals("my shirt, blue.jpg: Shirt 50.0%, T-shirt/top 30.0%, Pullover 12.3%",
                PredictionsCsv.logLine(shirt(dir)));
        assertEquals("shoe.png: Sneaker 91,2 %, Sandale 6,0 %, Stiefelette 2,0 % (invertiert)",
                PredictionsCsv.logLine(shoe(dir), Language.GERMAN, "fashion-mnist"));
        assertEquals("my shirt, blue.jpg: Shirt 50.0%, T-shirt/top 30.0%, Pullover 12.3%",
                PredictionsCsv.logLine(shirt(dir), Language.ENGLISH, "fashion-mnist"));
    }
}
