package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.internal.CheckedModelCard;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's problems in both languages: {@code getMessage()} stays English for applications, {@code message()}
 * words the same problem in German. None of these needs the PyTorch natives: each check fails before loading.
 */
class RuntimeLanguageTest {
    private static final String SHA = "0".repeat(64);

    @TempDir
    Path dir;

    @Test
    void aDamagedModelCardInGermanAndEnglish() throws Exception {
        TestModels.writeCard(dir, ModelSpec.of("mlp", 64, null, null, 28, 28, 10), SHA);
        Path card = dir.resolve(CheckedModelCard.FILE);
        Files.writeString(card, Files.readString(card).replace("\"Ankle boot\"", "\"Ankle boot\", \"Hat\""));
        ClassifierException e = assertThrows(ClassifierException.class, () -> CheckedModelCard.read(dir));
        assertEquals(card + ": field 'classNames' must name the model's 10 classes; the file was edited or comes "
                + "from another tool: retrain with 'mvn fashionmnist:train -Dfashionmnist.force'", e.getMessage());
        assertEquals(card + ": Das Feld 'classNames' muss die 10 Klassen des Modells nennen; die Datei wurde "
                + "bearbeitet oder stammt von einem anderen Werkzeug: Trainiere neu mit "
                + "'mvn fashionmnist:train -Dfashionmnist.force'", e.message().in(Language.GERMAN));
        assertEquals(e.getMessage(), e.message().in(Language.ENGLISH));

        Files.writeString(card, "[1, 2]");
        e = assertThrows(ClassifierException.class, () -> CheckedModelCard.read(dir));
        assertEquals(card + " lässt sich nicht als Modellkarte lesen (sie enthält kein JSON-Objekt); die Datei wurde "
                + "bearbeitet oder stammt von einem anderen Werkzeug: Trainiere neu mit "
                + "'mvn fashionmnist:train -Dfashionmnist.force'", e.message().in(Language.GERMAN));
        assertEquals(card + " cannot be read as a model card (it holds no JSON object); the file was edited or comes "
                + "from another tool: retrain with 'mvn fashionmnist:train -Dfashionmnist.force'", e.getMessage());
    }

    @Test
    void aFileThatIsNoZipInGerman() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        ClassifierException e = assertThrows(ClassifierException.class, () -> Classifier.load(text));
        String german = e.message().in(Language.GERMAN);
        assertTrue(german.startsWith(text + " ist kein brauchbares Modell-ZIP: das Archiv ist keine ZIP-Datei ("),
                german);
        assertTrue(e.getMessage().startsWith(text + " is not a usable model zip: it is not a zip file ("),
                e.getMessage());
        ClassifierException missing = assertThrows(ClassifierException.class,
                () -> Classifier.load(dir.resolve("nothing")));
        assertEquals(dir.resolve("nothing") + " existiert nicht: Gib einen Modellordner (mit model.json) oder ein "
                + "Modell-ZIP an, wie sie das Ziel fashionmnist:train von fashionmnist-maven-plugin schreibt",
                missing.message().in(Language.GERMAN));
    }

    @Test
    void aWrongNetworkParameterInGerman() {
        ClassifierException e = assertThrows(ClassifierException.class,
                () -> ModelSpec.of("resnet", 0, null, "2,x,2", 28, 28, 10));
        assertEquals("Parameter 'resnetBlocks' is '2,x,2': 'x' is not a whole number; use positive whole numbers, "
                + "comma-separated, three numbers, e.g. 2,2,2", e.getMessage());
        assertEquals("Parameter 'resnetBlocks' ist '2,x,2': 'x' ist keine ganze Zahl; verwende positive ganze "
                + "Zahlen, durch Kommas getrennt, drei Zahlen, z. B. 2,2,2", e.message().in(Language.GERMAN));
        e = assertThrows(ClassifierException.class, () -> ModelSpec.of("cnn", 0, null, null, 28, 28, 10));
        assertEquals("Parameter 'architecture' ist 'cnn': Verwende eine von mlp, net, amelie-cnn, resnet",
                e.message().in(Language.GERMAN));
    }
}
