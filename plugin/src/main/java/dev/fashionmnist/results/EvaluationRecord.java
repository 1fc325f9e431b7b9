package dev.fashionmnist.results;

import dev.fashionmnist.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the evaluate goal recorded in the output folder ({@value #FILE}): what it measured ({@link Key}: which model,
 * which test set, which device kind and plugin) and the result. An evaluate goal whose key is the same reuses the
 * result instead of running the model over the test set again, as train reuses an up-to-date model; the gates are
 * not part of the key, because they are checked on the result in every build.
 *
 * @param key         what the result was measured on
 * @param evaluatedAt when (ISO-8601), for the log line that says the result is reused
 * @param result      the evaluation's result
 */
public record EvaluationRecord(Key key, String evaluatedAt, EvaluationResult result) {
    /** The file in the output folder, written atomically. */
    public static final String FILE = "evaluation-record.json";

    /**
     * What an evaluation's result depends on.
     *
     * @param modelSha256      SHA-256 of the model's card (model.json), which names its parameters' SHA-256: a
     *                         retrained or restored model has another
     * @param testImagesSha256 SHA-256 of the test images file
     * @param testLabelsSha256 SHA-256 of the test labels file
     * @param classNames       the dataset's class names (a custom dataset may rename its classes)
     * @param device           {@code cpu} or {@code gpu}: floating point results differ slightly between them
     * @param pluginVersion    the plugin that evaluated
     */
    public record Key(String modelSha256, String testImagesSha256, String testLabelsSha256, List<String> classNames,
                      String device, String pluginVersion) {
    }

    /** The record in the output folder {@code dir}; {@code null} when there is none or it cannot be read. */
    public static EvaluationRecord read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            EvaluationRecord record = Json.readFile(file, EvaluationRecord.class);
            return record.key() == null || record.result() == null || record.result().confusion() == null
                    ? null : record;
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable record only means that the model is evaluated again
        }
    }

    /** The recorded result when it was measured on {@code key}; {@code null} otherwise. */
    public static EvaluationRecord reusable(Path dir, Key key) {
        EvaluationRecord record = read(dir);
        return record != null && record.key().equals(key) ? record : null;
    }

    /** Writes this record into the output folder {@code dir} atomically: a killed build leaves the old one or none. */
    public void write(Path dir) throws IOException {
        Json.writeFile(dir.resolve(FILE), this);
    }
}
