package dev.fashionmnist.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.fashionmnist.data.AtomicFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** JSON for model cards, checkpoints and the training fork's job: pretty, with paths as strings. */
public final class Json {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .registerTypeHierarchyAdapter(Path.class, new PathAdapter())
            .create();

    private Json() {
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    public static void writeFile(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, write(value) + "\n");
    }

    /**
     * Reads a JSON file; a missing or malformed file is an {@link IOException} whose message names it and says what
     * is wrong where (line and column), in words rather than Gson's exception classes.
     */
    public static <T> T readFile(Path file, Class<T> type) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not valid JSON (it is not UTF-8 text)");
        }
        T value;
        try {
            value = GSON.fromJson(text, type);
        } catch (RuntimeException e) {
            // JsonParseException, IllegalStateException, and Gson's RuntimeException when a record's constructor
            // rejects what the file holds (e.g. a missing list that the constructor copies)
            throw new IOException(file + " " + JsonProblem.describe(e, type));
        }
        if (value == null) {
            throw new IOException(file + " is empty");
        }
        return value;
    }

    private static final class PathAdapter extends TypeAdapter<Path> {
        @Override
        public void write(JsonWriter out, Path value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public Path read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Path.of(in.nextString());
        }
    }
}
