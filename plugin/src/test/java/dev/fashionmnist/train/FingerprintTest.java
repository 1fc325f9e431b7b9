package dev.fashionmnist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fingerprint of a run's inputs changes with each of them and with nothing else. */
class FingerprintTest {
    private static final ModelSpec SPEC = ModelSpec.of("mlp", 128, null, null, 28, 28, 10);

    /** The settings of {@link #base()}, to change one at a time. */
    private static TrainSettings.Builder baseSettings() {
        return TrainSettings.builder().model(SPEC).epochs(10).batchSize(64).optimizer(OptimizerKind.SGD)
                .learningRate(0.01).momentum(0.9).lrSchedule(LrSchedule.CONSTANT).stratified(true).seed(42)
                .device("auto");
    }

    private static TrainSettings settings(int epochs, double learningRate) {
        return baseSettings().epochs(epochs).learningRate(learningRate).build();
    }

    private static Map<DatasetFile, String> checksums() {
        Map<DatasetFile, String> sha = new EnumMap<>(DatasetFile.class);
        for (DatasetFile f : DatasetFile.values()) {
            sha.put(f, String.valueOf(f.ordinal()).repeat(64));
        }
        return sha;
    }

    private static String base() {
        return Fingerprint.of(settings(10, 0.01), "fashion-mnist", checksums(), 10000, "cpu", "1.0.0");
    }

    @Test
    void sameInputsSameFingerprint() {
        String a = base();
        assertTrue(a.matches("[0-9a-f]{64}"), a);
        assertEquals(a, base());
        // the order in which the checksums were put does not matter
        Map<DatasetFile, String> reversed = new LinkedHashMap<>();
        List<DatasetFile> files = List.of(DatasetFile.values());
        for (int i = files.size() - 1; i >= 0; i--) {
            reversed.put(files.get(i), checksums().get(files.get(i)));
        }
        assertEquals(a, Fingerprint.of(settings(10, 0.01), "fashion-mnist", reversed, 10000, "cpu", "1.0.0"));
    }

    @Test
    void theSameInputsKeepTheirFingerprintFromBuildToBuild() {
        // pinned: a model cached by an earlier plugin build stays valid only while the hashed form of the same
        // inputs stays the same, however the settings are put together in code
        assertEquals("f35436a51fd9cea9fff61b77d577a6d16ce1b7c079af3682922c6f5dac58e071", base());
    }

    @Test
    void theReadersLanguageDoesNotChangeIt() {
        // the language is no input of a run: neither the JVM's locale (the language parameter's default) nor the
        // words of the settings' checks enter the fingerprint, so switching -Dfashionmnist.language never retrains
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            String english = base();
            Locale.setDefault(Locale.GERMANY);
            assertEquals(english, base());
            assertEquals(english, Fingerprint.of(settings(10, 0.01), "fashion-mnist", checksums(), 10000, "cpu",
                    "1.0.0"));
        } finally {
            Locale.setDefault(before);
        }
        assertTrue(!Json.canonical(settings(10, 0.01)).contains("language"), Json.canonical(settings(10, 0.01)));
    }

    @Test
    void eachInputChangesIt() {
        Map<DatasetFile, String> otherData = checksums();
        otherData.put(DatasetFile.TEST_LABELS, "f".repeat(64));
        List<String> prints = List.of(
                base(),
                Fingerprint.of(settings(11, 0.01), "fashion-mnist", checksums(), 10000, "cpu", "1.0.0"),
                Fingerprint.of(settings(10, 0.02), "fashion-mnist", checksums(), 10000, "cpu", "1.0.0"),
                Fingerprint.of(settings(10, 0.01), "fashion-mnist", otherData, 10000, "cpu", "1.0.0"),
                Fingerprint.of(settings(10, 0.01), "fashion-mnist", checksums(), 5000, "cpu", "1.0.0"),
                Fingerprint.of(settings(10, 0.01), "fashion-mnist", checksums(), 10000, "gpu", "1.0.0"),
                Fingerprint.of(settings(10, 0.01), "fashion-mnist", checksums(), 10000, "cpu", "1.0.1"),
                Fingerprint.of(settings(10, 0.01), "mnist", checksums(), 10000, "cpu", "1.0.0"));
        Set<String> distinct = new HashSet<>(prints);
        assertEquals(prints.size(), distinct.size(), "every input should change the fingerprint: " + prints);
        for (int i = 1; i < prints.size(); i++) {
            assertNotEquals(prints.get(0), prints.get(i), "input " + i);
        }
    }

    @Test
    void modelSpecChangesIt() {
        ModelSpec wider = ModelSpec.of("mlp", 256, null, null, 28, 28, 10);
        TrainSettings s = baseSettings().model(wider).build();
        assertNotEquals(base(), Fingerprint.of(s, "fashion-mnist", checksums(), 10000, "cpu", "1.0.0"));
    }

    @Test
    void targetEvaluationsScheduleAndSmoothingChangeIt() {
        TrainSettings plain = baseSettings().earlyStoppingPatience(0).augment(false).targetAccuracy(null)
                .evaluationsPerEpoch(1).labelSmoothing(0).build();
        assertEquals(base(), print(plain), "the defaults are the settings without them");
        List<String> prints = List.of(base(),
                print(baseSettings().targetAccuracy(0.9).build()),
                print(baseSettings().targetAccuracy(0.91).build()),
                print(baseSettings().evaluationsPerEpoch(4).build()),
                print(baseSettings().lrSchedule(LrSchedule.ONECYCLE).build()),
                print(baseSettings().labelSmoothing(0.1).build()),
                print(baseSettings().weightAverage(TrainSettings.WEIGHT_AVERAGE_DECAY).build()),
                print(baseSettings().weightAverage(0.999).build()));
        assertEquals(prints.size(), new HashSet<>(prints).size(), "each changes the fingerprint: " + prints);
    }

    @Test
    void withoutTheWeightAverageTheFingerprintIsThatOfEarlierPlugins() {
        // no average is no member of the settings' JSON: a run with weightAverage=false keeps the fingerprint it had
        // before the setting existed (the pinned one above); with it (the goal's default) the model is trained anew
        assertEquals(base(), print(baseSettings().weightAverage(null).build()));
        assertTrue(!Json.canonical(settings(10, 0.01)).contains("weightAverage"));
        assertTrue(Json.canonical(baseSettings().weightAverage(0.998).build()).contains("\"weightAverage\": 0.998"));
    }

    private static String print(TrainSettings s) {
        return Fingerprint.of(s, "fashion-mnist", checksums(), 10000, "cpu", "1.0.0");
    }
}
