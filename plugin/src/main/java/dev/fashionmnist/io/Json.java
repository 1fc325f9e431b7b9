package dev.fashionmnist.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.fashionmnist.runtime.internal.UnreadableFileException;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON for model cards, checkpoints and the training fork's job: pretty, with paths as strings and the plugin's
 * choices (architecture, optimizer, schedule, dataset file, ...) as the lower-case ids a POM uses: {@code amelie-cnn},
 * {@code adam}, {@code constant}, {@code train-images}, also as map keys. Reading accepts those ids and the Java
 * names that files of plugin 0.1.0 hold ({@code AMELIE_CNN}, {@code TRAIN_IMAGES}); an unknown value reads as null.
 */
public final class Json {
    private static final Gson GSON = base()
            .registerTypeAdapterFactory(new IdAdapterFactory())
            .enableComplexMapKeySerialization()
            .create();
    /** The JSON of plugin 0.1.0 (enum constants by their Java names), which fingerprints are computed over. */
    private static final Gson CANONICAL = base().create();

    private Json() {
    }

    private static GsonBuilder base() {
        return new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .serializeSpecialFloatingPointValues()
                .registerTypeHierarchyAdapter(Path.class, new PathAdapter());
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    /** {@code value} as a JSON tree, to leave out or add a member before {@link #writeFile}. */
    public static JsonObject tree(Object value) {
        return GSON.toJsonTree(value).getAsJsonObject();
    }

    /**
     * {@code value} as the JSON that fingerprints are computed over: it stays as plugin 0.1.0 wrote it (Java enum
     * names), so that a new style of the files the plugin writes does not make every model out of date.
     */
    public static String canonical(Object value) {
        return CANONICAL.toJson(value);
    }

    /** The JSON id of an enum constant of the plugin: its name in lower case, {@code _} as {@code -}. */
    private static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
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
            throw new UnreadableFileException(Messages.of("report.json.missing", file));
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(Messages.of("report.json.notUtf8", file));
        }
        T value;
        try {
            value = GSON.fromJson(text, type);
        } catch (RuntimeException e) {
            // JsonParseException, IllegalStateException, and Gson's RuntimeException when a record's constructor
            // rejects what the file holds (e.g. a missing list that the constructor copies)
            throw new UnreadableFileException(JsonProblem.describe(file, e, type));
        }
        if (value == null) {
            throw new UnreadableFileException(Messages.of("report.json.empty", file));
        }
        return value;
    }

    /** The plugin's enums ({@code dev.fashionmnist.*}) as {@link #id}s; reads ids and Java names alike. */
    private static final class IdAdapterFactory implements TypeAdapterFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (!raw.isEnum() || !raw.getName().startsWith("dev.fashionmnist.")) {
                return null;
            }
            return (TypeAdapter<T>) new IdAdapter(raw);
        }
    }

    private static final class IdAdapter<E extends Enum<E>> extends TypeAdapter<E> {
        private final Map<String, E> byName = new HashMap<>();

        IdAdapter(Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                byName.put(constant.name(), constant);
            }
        }

        @Override
        public void write(JsonWriter out, E value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(id(value));
            }
        }

        @Override
        public E read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return byName.get(in.nextString().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
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
