package dev.fashionmnist.runtime.internal;

import dev.fashionmnist.runtime.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a model zip (the {@code -model.zip} artifact the train goal attaches) safely: only what a model directory
 * holds is accepted, {@code model/}, {@code model/model.json} and {@code model/fashionmnist-0000.params}, each once and
 * within its size limit, counted while inflating (the sizes a zip declares can lie).
 */
public final class ModelZip {
    /** The folder inside the zip that holds the model's files. */
    public static final String MODEL = "model/";

    private ModelZip() {
    }

    /** The most bytes each file of a model may inflate to. */
    public record Limits(long maxCardBytes, long maxParametersBytes) {
        /** model.json at most 1 MiB; the parameters at most 512 MiB (a resnet 2,2,2 has about 11 MB). */
        public static final Limits DEFAULT = new Limits(1L << 20, 512L << 20);

        /** The files of a model directory, each with its limit, by file name. */
        public Map<String, Long> byFile() {
            Map<String, Long> caps = new LinkedHashMap<>();
            caps.put(CheckedModelCard.FILE, maxCardBytes);
            caps.put(ModelParameters.file(Path.of(""), CheckedModelCard.PARAMETERS_NAME).toString(),
                    maxParametersBytes);
            return caps;
        }
    }

    /**
     * Unpacks {@code zip} into {@code folder} (which must exist and be empty) and returns the model directory inside
     * it, {@code folder/model}. A refused archive is a {@link UnreadableFileException} that says why; the caller
     * deletes what was unpacked.
     */
    public static Path extract(Path zip, Path folder, Limits limits) throws IOException {
        Map<String, Long> caps = new LinkedHashMap<>();
        limits.byFile().forEach((file, cap) -> caps.put(MODEL + file, cap));
        List<String> files = List.copyOf(caps.keySet());
        Path model = Files.createDirectory(folder.resolve("model"));
        try (ZipFile z = open(zip)) {
            if (z.size() > caps.size() + 1) {
                throw new UnreadableFileException(Message.runtime("runtime.zip.entries", z.size(), caps.size() + 1,
                        MODEL, String.join(", ", files)));
            }
            Set<String> seen = new HashSet<>();
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (!seen.add(name)) {
                    throw new UnreadableFileException(Message.runtime("runtime.zip.twice", name));
                }
                if (e.isDirectory() && name.equals(MODEL)) {
                    continue;
                }
                Long cap = caps.get(name);
                if (cap == null || e.isDirectory()) {
                    throw new UnreadableFileException(Message.runtime("runtime.zip.foreign", name, files.get(0),
                            files.get(1)));
                }
                try (InputStream in = z.getInputStream(e)) {
                    copy(in, model.resolve(name.substring(MODEL.length())), name, cap);
                }
            }
            for (String needed : caps.keySet()) {
                if (!seen.contains(needed)) {
                    throw new UnreadableFileException(Message.runtime("runtime.zip.incomplete", needed));
                }
            }
        }
        return model;
    }

    /**
     * Copies {@code in} into the new file {@code file}, at most {@code cap} bytes, counting what is actually read;
     * {@code name} names the source in the message of a refusal.
     */
    public static void copy(InputStream in, Path file, String name, long cap) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > cap) {
                    throw new UnreadableFileException(cap % (1 << 20) == 0
                            ? Message.runtime("runtime.zip.tooLargeMiB", name, cap, cap >> 20)
                            : Message.runtime("runtime.zip.tooLarge", name, cap));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new UnreadableFileException(Message.runtime("runtime.zip.notZip", e.getMessage()));
        }
    }
}
