package dev.fashionmnist.runtime.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.runtime.ModelDescription;
import dev.fashionmnist.runtime.internal.network.Architecture;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model's {@code model.json} (the model card the train goal writes), read and checked: what the runtime needs to
 * build the network again, load its parameters and feed it images (the card holds more: hyperparameters, data
 * checksums, history). Every model.json the plugin has written reads: architectures as the ids a POM uses
 * ({@code amelie-cnn}) or as the Java names of plugin 0.1.0 ({@code AMELIE_CNN}). Applications see its
 * {@link #description()}.
 *
 * @param architecture     the network, e.g. {@code amelie-cnn}
 * @param spec             the network's exact configuration (layer sizes, image size, classes)
 * @param dataset          the dataset it was trained on, e.g. {@code fashion-mnist}
 * @param classNames       the class of each output, in output order
 * @param normalization    the training images' mean and standard deviation, applied to every input
 * @param parametersSha256 the SHA-256 of the parameters file
 * @param testAccuracy     the test accuracy of the kept epoch (0..1), {@code null} when the card has none
 */
public record CheckedModelCard(String architecture, ModelSpec spec, String dataset, List<String> classNames,
                               Normalization normalization, String parametersSha256, Double testAccuracy) {
    /** The model card's file name in a model directory. */
    public static final String FILE = "model.json";
    /** The name DJL's parameters file starts with: {@code fashionmnist-0000.params}. */
    public static final String PARAMETERS_NAME = "fashionmnist";
    /** The card format this runtime reads. */
    public static final int FORMAT = 1;

    public CheckedModelCard {
        classNames = List.copyOf(classNames);
    }

    /**
     * Reads and checks {@code dir/model.json}: format, network spec, class names, normalization, the parameters'
     * SHA-256. Each problem is one {@link ClassifierException} naming the file and the field.
     */
    public static CheckedModelCard read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ClassifierException(Message.runtime("runtime.model.none", dir, FILE));
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JsonParseException e) {
            throw new ClassifierException(Message.runtime("runtime.card.unreadable", file, e.getMessage()));
        }
        if (!root.isJsonObject()) {
            throw new ClassifierException(Message.runtime("runtime.card.unreadable", file,
                    Message.runtime("runtime.card.noObject")));
        }
        return of(root.getAsJsonObject(), file);
    }

    /** The checked description in {@code json}, the content of {@code file}. */
    static CheckedModelCard of(JsonObject json, Path file) {
        check(integer(json, "formatVersion") == FORMAT, file, "formatVersion",
                Message.runtime("runtime.card.field.format", FORMAT));
        ModelSpec spec = spec(json.get("model"));
        check(spec != null && spec.architecture() != null, file, "model",
                Message.runtime("runtime.card.field.model"));
        String architecture = text(json, "architecture");
        check(architecture != null && architecture.equals(spec.architecture().id()), file, "architecture",
                Message.runtime("runtime.card.field.architecture", architecture, spec.architecture().id(),
                        Architecture.validIds()));
        check(spec.imageRows() > 0 && spec.imageColumns() > 0 && spec.classCount() >= 2, file, "model",
                Message.runtime("runtime.card.field.sizes"));
        check(spec.architecture() != Architecture.MLP || (!spec.hiddenLayers().isEmpty()
                && spec.hiddenLayers().stream().allMatch(h -> h != null && h > 0)), file, "model.hiddenLayers",
                Message.runtime("runtime.card.field.hiddenLayers"));
        check(spec.architecture() != Architecture.RESNET || (spec.resnetBlocks().size() == 3
                && spec.resnetBlocks().stream().allMatch(b -> b != null && b > 0)),
                file, "model.resnetBlocks", Message.runtime("runtime.card.field.resnetBlocks"));
        List<String> classNames = strings(json.get("classNames"));
        check(classNames != null && classNames.size() == spec.classCount(), file, "classNames",
                Message.runtime("runtime.card.field.classNames", spec.classCount()));
        JsonObject n = object(json.get("normalization"));
        double mean = n == null ? Double.NaN : number(n, "mean");
        double std = n == null ? Double.NaN : number(n, "std");
        check(std > 0 && Double.isFinite(std) && Double.isFinite(mean), file, "normalization",
                Message.runtime("runtime.card.field.normalization"));
        String sha = text(json, "parametersSha256");
        check(sha != null && sha.matches("[0-9a-f]{64}"), file, "parametersSha256",
                Message.runtime("runtime.card.field.sha"));
        JsonObject metrics = object(json.get("finalMetrics"));
        double accuracy = metrics == null ? Double.NaN : number(metrics, "testAccuracy");
        return new CheckedModelCard(architecture, spec, text(json, "dataset"), classNames, new Normalization(mean, std),
                sha, Double.isFinite(accuracy) ? accuracy : null);
    }

    /** What an application may know of the model: the card without the network's internals. */
    public ModelDescription description() {
        return new ModelDescription(architecture, spec.describe(), dataset, classNames, spec.imageRows(),
                spec.imageColumns(), parametersSha256, testAccuracy);
    }

    private static ModelSpec spec(JsonElement element) {
        JsonObject m = object(element);
        if (m == null) {
            return null;
        }
        Architecture architecture = architecture(text(m, "architecture"));
        List<Integer> hidden = integers(m.get("hiddenLayers"));
        List<Integer> blocks = integers(m.get("resnetBlocks"));
        return new ModelSpec(architecture, hidden == null ? List.of() : hidden, blocks == null ? List.of() : blocks,
                integer(m, "imageRows"), integer(m, "imageColumns"), integer(m, "classCount"));
    }

    /** {@code amelie-cnn} and {@code AMELIE_CNN} alike; {@code null} for anything else. */
    private static Architecture architecture(String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Architecture a : Architecture.values()) {
            if (a.name().equals(wanted)) {
                return a;
            }
        }
        return null;
    }

    private static JsonObject object(JsonElement e) {
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static double number(JsonObject o, String name) {
        return number(o.get(name));
    }

    private static double number(JsonElement e) {
        try {
            return e != null && e.isJsonPrimitive() ? e.getAsDouble() : Double.NaN;
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static int integer(JsonObject o, String name) {
        return integer(o.get(name));
    }

    /** A whole number, or -1 for anything else. */
    private static int integer(JsonElement e) {
        double v = number(e);
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE ? (int) v : -1;
    }

    private static List<Integer> integers(JsonElement e) {
        if (e == null || !e.isJsonArray()) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        for (JsonElement v : e.getAsJsonArray()) {
            values.add(integer(v));
        }
        return values;
    }

    private static List<String> strings(JsonElement e) {
        if (e == null || !e.isJsonArray()) {
            return null;
        }
        JsonArray array = e.getAsJsonArray();
        List<String> values = new ArrayList<>();
        for (JsonElement v : array) {
            if (!v.isJsonPrimitive()) {
                return null;
            }
            values.add(v.getAsString());
        }
        return values;
    }

    private static void check(boolean ok, Path file, String field, Message what) {
        if (!ok) {
            throw new ClassifierException(Message.runtime("runtime.card.field", file, field, what));
        }
    }
}
