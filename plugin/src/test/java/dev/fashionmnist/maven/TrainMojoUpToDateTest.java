package dev.fashionmnist.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelParameters;
import dev.fashionmnist.report.Json;
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
        assertTrue(TrainMojo.upToDate(model, "run"));
        assertFalse(TrainMojo.upToDate(model, "other"));
    }

    @Test
    void aResumedContinuationOfTheConfiguredRunIsUpToDate() throws Exception {
        // 2 epochs (fingerprint "run"), then -Dfashionmnist.resume (fingerprint "resume"): a plain rerun keeps it
        card("{\"fingerprint\": \"resume\", \"startFingerprint\": \"run\", \"resumedAfter\": [2]}");
        assertTrue(TrainMojo.upToDate(model, "run"));
        assertTrue(TrainMojo.upToDate(model, "resume"));
        assertFalse(TrainMojo.upToDate(model, "other"), "a changed configuration trains again");
    }

    @Test
    void aStartFingerprintWithoutAResumeCountsForNothing() throws Exception {
        card("{\"fingerprint\": \"run\", \"startFingerprint\": \"older\", \"resumedAfter\": []}");
        assertFalse(TrainMojo.upToDate(model, "older"));
    }

    @Test
    void anOldCardWithoutTheNewFieldsStillWorks() throws Exception {
        card("{\"formatVersion\": 1, \"fingerprint\": \"run\", \"epochsTrained\": 3}");
        assertTrue(TrainMojo.upToDate(model, "run"));
        assertFalse(TrainMojo.upToDate(model, "other"));
    }

    @Test
    void withoutParametersNothingIsUpToDate() throws Exception {
        card("{\"fingerprint\": \"run\"}");
        Files.delete(ModelParameters.file(model, ModelCard.PARAMETERS_NAME));
        assertFalse(TrainMojo.upToDate(model, "run"));
    }
}
