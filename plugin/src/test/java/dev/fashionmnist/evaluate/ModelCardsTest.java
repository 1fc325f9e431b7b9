package dev.fashionmnist.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What evaluate and predict say about a missing or damaged model card, in English and in German. */
class ModelCardsTest {
    @TempDir
    Path dir;

    @Test
    void noModelYetSaysHowToGetOne() {
        ClassifierException e = assertThrows(ClassifierException.class, () -> ModelCards.read(dir));
        assertEquals("No trained model in " + dir + " (model.json is missing): run 'mvn fashionmnist:train' first or "
                + "bind the train goal before evaluate, or point 'modelDirectory' at a model, or 'modelArtifact' at "
                + "an installed one (groupId:artifactId:version)", e.getMessage());
        assertEquals("Kein trainiertes Modell in " + dir + " (model.json fehlt): Führe zuerst 'mvn fashionmnist:train' "
                + "aus oder binde das Ziel fashionmnist:train vor fashionmnist:evaluate ein, oder richte "
                + "'modelDirectory' auf ein Modell oder 'modelArtifact' auf ein installiertes "
                + "(groupId:artifactId:version)", e.message().in(Language.GERMAN));
    }

    @Test
    void aCardThatIsNoJsonInGerman() throws Exception {
        Path card = Files.writeString(dir.resolve(ModelCard.FILE), "{broken");
        ClassifierException e = assertThrows(ClassifierException.class, () -> ModelCards.read(dir));
        assertEquals(card + " is not valid JSON (line 1, column 8, at broken: the file ends too early): retrain with "
                + "'mvn fashionmnist:train -Dfashionmnist.force'", e.getMessage());
        assertEquals(card + " ist kein gültiges JSON (Zeile 1, Spalte 8, bei broken: die Datei endet zu früh): "
                + "Trainiere neu mit 'mvn fashionmnist:train -Dfashionmnist.force'", e.message().in(Language.GERMAN));
    }
}
