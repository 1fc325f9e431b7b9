package dev.fashionmnist.runtime.internal;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a network's parameters from a DJL {@code .params} file and checks that they fit the network the spec
 * describes: DJL itself loads a file of another width silently, and reports another architecture or a damaged file
 * with misleading messages; here each case becomes one clear {@link ClassifierException} naming the file.
 */
public final class ModelParameters {
    private ModelParameters() {
    }

    /** The file DJL writes for {@code name} in {@code dir} (epoch 0). */
    public static Path file(Path dir, String name) {
        return dir.resolve(name + "-0000.params");
    }

    /**
     * Loads {@code dir/name-0000.params} into {@code model}, whose block is a build of {@code spec} that has been
     * initialized (so that it knows its input shape).
     */
    public static void load(Model model, ModelSpec spec, Path dir, String name) {
        Path file = file(dir, name);
        requireFile(file);
        checkMagic(file);
        Block block = model.getBlock();
        // the initialized block holds the shapes the spec needs; loading replaces its arrays with the file's
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        try {
            model.load(dir, name, Map.of("epoch", "0"));
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new ClassifierException(Message.runtime("runtime.parameters.unloadable", file, spec.describe(),
                    describe(e)));
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape want = expected.get(p.getKey());
            Shape got = p.getValue().getArray().getShape();
            if (want == null || !want.equals(got)) {
                throw new ClassifierException(Message.runtime("runtime.parameters.mismatch", file, spec.describe(),
                        p.getKey(), got, want));
            }
        }
    }

    /**
     * The parameters file must be a file: a missing one and a directory in its place are each one message saying
     * what is there and what is expected.
     */
    public static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new ClassifierException(Message.runtime("runtime.parameters.directory", file, file.getFileName(),
                    CheckedModelCard.FILE));
        }
        if (!Files.isRegularFile(file)) {
            throw new ClassifierException(Message.runtime("runtime.parameters.missing", file));
        }
    }

    /**
     * The parameters file of {@code dir} must be exactly the one the card describes: a truncated or bit-flipped file
     * is refused.
     */
    public static void checkSha256(Path dir, String expected) {
        Path params = file(dir, CheckedModelCard.PARAMETERS_NAME);
        requireFile(params);
        String actual;
        try {
            actual = sha256(params);
        } catch (IOException e) {
            throw new ClassifierException(Message.runtime("runtime.file.unreadable", params, e.getMessage()));
        }
        if (!actual.equals(expected)) {
            throw new ClassifierException(Message.runtime("runtime.parameters.sha", params, actual,
                    CheckedModelCard.FILE, expected));
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void checkMagic(Path file) {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new ClassifierException(Message.runtime("runtime.file.unreadable", file, e.getMessage()));
        }
        if (n < 4 || head[0] != 'D' || head[1] != 'J' || head[2] != 'L' || head[3] != '@') {
            throw new ClassifierException(Message.runtime("runtime.parameters.magic", file));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
