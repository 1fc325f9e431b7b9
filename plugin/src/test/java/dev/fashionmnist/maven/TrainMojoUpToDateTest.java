package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule that lets train skip: the model is the configured run's, or that run continued by resume. */
class TrainMojoUpToDateTest {
    @TempDir
    Path model;

    private void card(String json) throws Exception {
        Json.read(json, ModelCard.class).write(model);
        Files.writeString(ModelParameters.file(model, ModelCard.PARAMETERS_NAME), "DJL@");
    }

    @Test
    void theConfiguredRunsModelIsUpToDate() throws Exception {
        card("{\"fingerprint\": \"run\"}");
        assertTrue(ModelCard.upToDate(model, "run"));
        assertFalse(ModelCard.upToDate(model, "other"));
    }

    @Test
    void aResumedContinuationOfTheConfiguredRunIsUpToDate() throws Exception {
        // 2 epochs (fingerprint "run"), then -Dfashionmnist.resume (fingerprint "resume"): a plain rerun keeps it
        card("{\"fingerprint\": \"resume\", \"startFingerprint\": \"run\", \"resumedAfter\": [2]}");
        assertTrue(ModelCard.upToDate(model, "run"));
        assertTrue(ModelCard.upToDate(model, "resume"));
        assertFalse(ModelCard.upToDate(model, "other"), "a changed configuration trains again");
    }

    private static TrainSettings configured(int epochs, LrSchedule schedule) {
        return TrainSettings.builder().model(ModelSpec.of("mlp", 16, null, null, 28, 28, 10)).epochs(epochs)
                .batchSize(32).optimizer(OptimizerKind.ADAM).learningRate(0.001).lrSchedule(schedule).stratified(true)
                .seed(1).device("cpu").build();
    }

    /** A stand-in fingerprint that shows what it was computed from. */
    private static String fingerprint(TrainSettings s) {
        return s.epochs() + "/" + s.resume() + "/" + s.lrSchedule().id();
    }

    @Test
    void twoPlusTwoResumedEpochsAreTheConfiguredFourWithAConstantSchedule() {
        ModelCard card = Json.read("{\"fingerprint\": \"2/true/constant\", "
                + "\"startFingerprint\": \"2/false/constant\", \"resumedAfter\": [2], \"epochsTrained\": 4}",
                ModelCard.class);
        assertEquals("2/false/constant", TrainMojo.exactChainStart(configured(4, LrSchedule.CONSTANT), card,
                TrainMojoUpToDateTest::fingerprint));
        assertNull(TrainMojo.exactChainStart(configured(5, LrSchedule.CONSTANT), card,
                TrainMojoUpToDateTest::fingerprint), "5 epochs are not 2 + 2");
        assertNull(TrainMojo.exactChainStart(configured(4, LrSchedule.COSINE), card,
                TrainMojoUpToDateTest::fingerprint), "cosine over 4 epochs is not cosine over 2 and then 4");
        ModelCard single = Json.read("{\"fingerprint\": \"4/false/constant\", \"epochsTrained\": 4}",
                ModelCard.class);
        assertNull(TrainMojo.exactChainStart(configured(4, LrSchedule.CONSTANT), single,
                TrainMojoUpToDateTest::fingerprint));
        ModelCard otherStart = Json.read("{\"fingerprint\": \"2/true/constant\", \"startFingerprint\": \"x\", "
                + "\"resumedAfter\": [2], \"epochsTrained\": 4}", ModelCard.class);
        assertNull(TrainMojo.exactChainStart(configured(4, LrSchedule.CONSTANT), otherStart,
                TrainMojoUpToDateTest::fingerprint), "a chain that began with other settings");
    }

    @Test
    void aStartFingerprintWithoutAResumeCountsForNothing() throws Exception {
        card("{\"fingerprint\": \"run\", \"startFingerprint\": \"older\", \"resumedAfter\": []}");
        assertFalse(ModelCard.upToDate(model, "older"));
    }

    @Test
    void anOldCardWithoutTheNewFieldsStillWorks() throws Exception {
        card("{\"formatVersion\": 1, \"fingerprint\": \"run\", \"epochsTrained\": 3}");
        assertTrue(ModelCard.upToDate(model, "run"));
        assertFalse(ModelCard.upToDate(model, "other"));
    }

    @Test
    void withoutParametersNothingIsUpToDate() throws Exception {
        card("{\"fingerprint\": \"run\"}");
        Files.delete(ModelParameters.file(model, ModelCard.PARAMETERS_NAME));
        assertFalse(ModelCard.upToDate(model, "run"));
    }
}
