package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.engine.EngineException;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.train.TrainJob;
import dev.fashionmnist.train.TrainingTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real training fork speaks the build's language: the Maven JVM passes it as the system property
 * {@code fashionmnist.language}, and the fork's log lines and errors come back worded in it (1 epoch on 200 real
 * Fashion-MNIST images).
 */
class ForkLanguageTest {
    @TempDir
    Path tmp;

    private static ForkLauncher.Request fork(Path jobFile, String language) {
        List<Path> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classpath.add(Path.of(entry));
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ai.djl.offline", "true");
        props.put("java.awt.headless", "true");
        props.put(ForkMain.LANGUAGE, language);
        return new ForkLauncher.Request(classpath, List.of("-Xmx1g"), props, ForkMain.class.getName(),
                List.of(ForkMain.TRAIN, jobFile.toString()));
    }

    private Path jobFile(int trainSize) throws IOException {
        TrainJob job = TrainingTest.job(tmp.resolve("out"), "mlp", null, trainSize, 100, 1, false, 42);
        Path file = tmp.resolve("job.json");
        Json.writeFile(file, job);
        assertFalse(Files.readString(file).contains("language"), "the language is no part of the job (nor of its "
                + "fingerprint): switching it never retrains");
        return file;
    }

    @Test
    void aTinyTrainingLogsInGerman() throws IOException {
        RecordingLog log = new RecordingLog();
        ForkLauncher.run(fork(jobFile(200), "de"), log, ForkLauncher.Progress.NONE);
        assertTrue(log.infos.contains("Netz mlp 784-128-10: 101.770 trainierbare Parameter"), log.infos.toString());
        assertTrue(log.infos.contains("Training mit 200 von 60000 Bildern (geschichtete Stichprobe mit festem Seed), "
                + "Test mit 100, Gerät cpu, 1 Epoche"), log.infos.toString());
        String epoch = log.infos.stream().filter(l -> l.startsWith("Epoche 1/1: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no German epoch line: " + log.infos));
        assertTrue(epoch.matches("Epoche 1/1: Trainingsgenauigkeit=[01],\\d{4} Testgenauigkeit=[01],\\d{4} "
                + "Trainingsverlust=\\d+,\\d{4} Testverlust=\\d+,\\d{4} Lernrate=0,00100 \\d+,\\d s \\d+ Bilder/s"),
                epoch);
        assertTrue(Stream.concat(log.infos.stream(), log.warnings.stream()).anyMatch(l -> l.startsWith("Diagnose: ")),
                log.infos + " " + log.warnings);
        assertTrue(Stream.concat(log.infos.stream(), log.warnings.stream()).noneMatch(l -> l.startsWith("Diagnosis")
                || l.startsWith("epoch ") || l.startsWith("Training on")), "no English line: " + log.infos);
    }

    @Test
    void errorsComeBackInTheBuildsLanguage() throws IOException {
        Path job = jobFile(70_000);
        EngineException german = assertThrows(EngineException.class,
                () -> ForkLauncher.run(fork(job, "de"), new RecordingLog(), ForkLauncher.Progress.NONE));
        assertEquals("Parameter 'trainSize' ist 70000, aber die Trainingsdaten haben nur 60000 Bilder: Setze höchstens "
                + "60000 (oder 0 für alle)", german.getMessage());
        EngineException english = assertThrows(EngineException.class,
                () -> ForkLauncher.run(fork(job, "en"), new RecordingLog(), ForkLauncher.Progress.NONE));
        assertEquals("Parameter 'trainSize' is 70000, but the training set has only 60000 images: use at most 60000 "
                + "(or 0 for all)", english.getMessage());
    }

    @Test
    void theForkReadsTheLanguageProperty() {
        assertEquals(Language.GERMAN, ForkMain.language("de"));
        assertEquals(Language.GERMAN, ForkMain.language("de_AT"));
        assertEquals(Language.ENGLISH, ForkMain.language("en"));
        assertEquals(Language.ENGLISH, ForkMain.language(null), "a fork started by an older plugin");
        assertEquals(Language.ENGLISH, ForkMain.language("fr"));
    }
}
