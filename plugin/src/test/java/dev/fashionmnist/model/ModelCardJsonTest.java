package dev.fashionmnist.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.internal.CheckedModelCard;
import dev.fashionmnist.runtime.internal.Normalization;
import dev.fashionmnist.runtime.internal.network.Architecture;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.train.Fingerprint;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * model.json speaks the POM's language (lower-case ids, the network spec once), and the cards that plugin 0.1.0 wrote
 * (Java enum names, the spec repeated in the hyperparameters; the model cache and archived models hold them) still
 * read, with the fingerprint they were stored under.
 */
class ModelCardJsonTest {
    /** A real model.json written by plugin 0.1.0: amelie-cnn, adam, constant rate, 12,800 training images. */
    private static final String OLD = "model-0.1.0.json";

    @TempDir
    Path dir;

    private static ModelCard card() {
        ModelSpec spec = ModelSpec.of("amelie-cnn", 0, null, null, 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(3).batchSize(64).optimizer(OptimizerKind.ADAM)
                .learningRate(0.001).lrSchedule(LrSchedule.CONSTANT).trainSize(2000).stratified(true).seed(42)
                .device("cpu").threads(2).targetAccuracy(0.9).labelSmoothing(0.1).build();
        Map<DatasetFile, String> sha = new EnumMap<>(DatasetFile.class);
        for (DatasetFile f : DatasetFile.values()) {
            sha.put(f, String.valueOf(f.ordinal()).repeat(64));
        }
        EpochMetrics m = EpochMetrics.builder().epoch(3).trainLoss(0.35).trainAccuracy(0.87).testLoss(0.4)
                .testAccuracy(0.85).learningRate(0.001).epochSeconds(4.1).trainImagesPerSecond(3900).build();
        return ModelCard.builder()
                .architecture("amelie-cnn")
                .model(spec)
                .hyperparameters(s)
                .dataset("fashion-mnist")
                .classNames(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                        "Sneaker", "Bag", "Ankle boot"))
                .dataSha256(sha)
                .trainImages(2000)
                .testImages(10000)
                .normalization(new Normalization(0.28, 0.35))
                .finalMetrics(m)
                .epochsTrained(3)
                .bestEpoch(3)
                .trainableParameters(104650)
                .device("cpu")
                .trainingSeconds(12.5)
                .parametersFile("fashionmnist-0000.params")
                .parametersSha256("a".repeat(64))
                .versions(new ModelCard.Versions("0.1.0", "0.29.0", "2.3.1", "17"))
                .fingerprint("f".repeat(64))
                .createdAt("2026-01-01T00:00:00Z")
                .runId("run-1")
                .history(List.of(m))
                .startFingerprint("f".repeat(64))
                .resumedAfter(List.of())
                .build();
    }

    @Test
    void writesTheIdsOfThePomAndTheSpecOnce() throws Exception {
        ModelCard card = card();
        card.write(dir);
        String text = Files.readString(dir.resolve(ModelCard.FILE));
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("amelie-cnn", json.get("architecture").getAsString());
        assertEquals("amelie-cnn", json.getAsJsonObject("model").get("architecture").getAsString());
        JsonObject h = json.getAsJsonObject("hyperparameters");
        assertFalse(h.has("model"), "the spec is not repeated in the hyperparameters: " + h);
        assertEquals("adam", h.get("optimizer").getAsString());
        assertEquals("constant", h.get("lrSchedule").getAsString());
        assertEquals(List.of("train-images", "train-labels", "test-images", "test-labels"),
                List.copyOf(json.getAsJsonObject("dataSha256").keySet()));
        // no Java constant name anywhere, as a value or as a key
        Matcher upper = Pattern.compile("\"[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\"").matcher(text);
        assertFalse(upper.find(), () -> "a Java name in model.json: " + upper.group());

        ModelCard read = ModelCard.readIfPresent(dir);
        assertEquals(card, read, "read back, the hyperparameters get the card's spec again");
        assertSame(Architecture.AMELIE_CNN, read.hyperparameters().model().architecture());
    }

    @Test
    void readsACardOfPlugin010() throws Exception {
        String old;
        try (InputStream in = getClass().getResourceAsStream(OLD)) {
            assertNotNull(in, OLD);
            old = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(old.contains("\"AMELIE_CNN\"") && old.contains("\"TRAIN_IMAGES\"") && old.contains("\"ADAM\""),
                "the file is in the old style");
        Files.writeString(dir.resolve(ModelCard.FILE), old);
        ModelCard card = ModelCard.readIfPresent(dir);
        assertSame(Architecture.AMELIE_CNN, card.model().architecture());
        assertEquals(card.model(), card.hyperparameters().model());
        assertSame(OptimizerKind.ADAM, card.hyperparameters().optimizer());
        assertSame(LrSchedule.CONSTANT, card.hyperparameters().lrSchedule());
        assertEquals("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                card.dataSha256().get(DatasetFile.TRAIN_IMAGES));
        assertEquals(4, card.dataSha256().size());
        // the fingerprint it is stored under (the model cache's key) is still what the same inputs give
        assertEquals(card.fingerprint(), Fingerprint.of(card.hyperparameters(), card.dataset(), card.dataSha256(), 0,
                card.device(), card.versions().plugin()));

        // the runtime reads what an application needs of it
        CheckedModelCard runtime = CheckedModelCard.read(dir);
        assertSame(Architecture.AMELIE_CNN, runtime.spec().architecture());
        assertEquals(card.model(), runtime.spec());
        assertEquals(card.classNames(), runtime.classNames());
        assertEquals(card.normalization(), runtime.normalization());
        assertEquals(0.8449, runtime.testAccuracy());
        assertEquals(card.parametersSha256(), runtime.parametersSha256());

        // written again, it speaks the new style and still reads the same
        card.write(dir);
        assertEquals(runtime, CheckedModelCard.read(dir));
        String rewritten = Files.readString(dir.resolve(ModelCard.FILE));
        assertFalse(rewritten.contains("AMELIE_CNN") || rewritten.contains("TRAIN_IMAGES"), rewritten);
        assertEquals(card, ModelCard.readIfPresent(dir));
    }
}
