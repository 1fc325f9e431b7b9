package dev.fashionmnist.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.io.Json;
import dev.fashionmnist.runtime.Prediction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predict fork's answer survives its JSON file exactly: the runtime's Predictions, probabilities to the bit. */
class PredictionsTest {
    @TempDir
    Path dir;

    @Test
    void theForksAnswerReadsBackAsItWasWritten() throws Exception {
        Predictions written = new Predictions(List.of(
                new ClassifiedImage("/images/shoe.png", true, List.of(new Prediction("Sneaker", 7, 0.9123456789012345),
                        new Prediction("Sandal", 5, 0.06), new Prediction("Ankle boot", 9, Math.ulp(1.0)))),
                new ClassifiedImage("/images/my shirt, blue.jpg", false, List.of(new Prediction("Shirt", 6, 0.5)))));
        Path file = dir.resolve(".predict-result.json");
        Json.writeFile(file, written);
        Predictions read = Json.readFile(file, Predictions.class);
        assertEquals(written, read);
        assertEquals(0.9123456789012345, read.images().get(0).top().get(0).probability());
    }
}
