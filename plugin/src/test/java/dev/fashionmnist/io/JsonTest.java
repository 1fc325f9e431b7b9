package dev.fashionmnist.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Localizable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is not the JSON expected: one message naming it, where and what is wrong, no Java class names. */
class JsonTest {
    record Spec(String name, List<Integer> sizes) {
        Spec {
            sizes = List.copyOf(sizes);
        }
    }

    record Card(int formatVersion, Spec model) {
    }

    @TempDir
    Path dir;

    private String failure(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("model.json"), content);
        IOException e = assertThrows(IOException.class, () -> Json.readFile(file, Card.class));
        String m = e.getMessage();
        assertTrue(m.startsWith(file + " "), m);
        for (String java : List.of("Exception", "com.google", "java.", "gson", "See http", "\n", "$")) {
            assertFalse(m.contains(java), "'" + m + "' shows no '" + java + "'");
        }
        return m.substring(file.toString().length() + 1);
    }

    @Test
    void aSyntaxErrorSaysLineColumnAndWhat() throws Exception {
        assertEquals("is not valid JSON (line 3, column 14, at model: expected a name in double quotes)",
                failure("{\n  \"formatVersion\": 1,\n  \"model\" : {,}\n}"));
        assertEquals("is not valid JSON (line 1, column 8, at broken: the file ends too early)", failure("{broken"));
        assertEquals("is not valid JSON (line 1, column 23: text that is not JSON (an unquoted word, a comment, or "
                + "more after the end))", failure("{\"formatVersion\": 1} trailing"));
    }

    @Test
    void aWrongStructureSaysWhatWasExpectedAndFound() throws Exception {
        assertEquals("is not valid JSON for a Card (line 1, column 12, at model: expected an object {...} but found "
                + "a string)", failure("{\"model\": \"mlp\"}"));
        assertEquals("is not valid JSON for a Card (line 1, column 2: expected an object {...} but found a list "
                + "[...])", failure("[1, 2]"));
        assertEquals("is not valid JSON for a Card (expected a number, found \"x\")",
                failure("{\"formatVersion\": \"x\"}"));
    }

    @Test
    void aValueThatARecordRefusesNamesTheRecord() throws Exception {
        assertEquals("is not valid JSON for a Card (its Spec cannot be made: a required value is missing or null)",
                failure("{\"model\": {\"name\": \"mlp\"}}"));
    }

    @Test
    void emptyMissingAndValidFiles() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals(empty + " is empty",
                assertThrows(IOException.class, () -> Json.readFile(empty, Card.class)).getMessage());
        Path missing = dir.resolve("missing.json");
        assertEquals(missing + " does not exist",
                assertThrows(IOException.class, () -> Json.readFile(missing, Card.class)).getMessage());
        Path good = Files.writeString(dir.resolve("good.json"), "{\"formatVersion\": 1, \"model\": {\"name\": \"mlp\","
                + " \"sizes\": [2, 3]}}");
        assertEquals(new Card(1, new Spec("mlp", List.of(2, 3))), Json.readFile(good, Card.class));
    }

    @Test
    void theProblemsInGerman() throws Exception {
        Path file = Files.writeString(dir.resolve("model.json"), "{\"model\": \"mlp\"}");
        IOException e = assertThrows(IOException.class, () -> Json.readFile(file, Card.class));
        assertEquals(file + " ist kein gültiges JSON für den Typ Card (Zeile 1, Spalte 12, bei model: erwartet wurde "
                + "ein Objekt {...}, gefunden: eine Zeichenkette)", ((Localizable) e).message().in(Language.GERMAN));
        Files.writeString(file, "{broken");
        e = assertThrows(IOException.class, () -> Json.readFile(file, Card.class));
        assertEquals(file + " ist kein gültiges JSON (Zeile 1, Spalte 8, bei broken: die Datei endet zu früh)",
                ((Localizable) e).message().in(Language.GERMAN));
        Path missing = dir.resolve("nothing.json");
        e = assertThrows(IOException.class, () -> Json.readFile(missing, Card.class));
        assertEquals(missing + " existiert nicht", ((Localizable) e).message().in(Language.GERMAN));
    }

    @Test
    void everyTokenHasWordsInBothLanguages() {
        for (String token : JsonProblem.TOKENS) {
            for (Language language : Language.values()) {
                String words = ((dev.fashionmnist.runtime.Message) JsonProblem.token(token)).in(language);
                assertFalse(words.isBlank() || words.contains(token), token + " in " + language + ": " + words);
            }
        }
        assertEquals("an object {...}", JsonProblem.token("BEGIN_OBJECT").toString());
        assertEquals("SOMETHING_NEW", JsonProblem.token("SOMETHING_NEW"));
    }
}
