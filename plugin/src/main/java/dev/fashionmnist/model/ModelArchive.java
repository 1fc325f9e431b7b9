package dev.fashionmnist.model;

import dev.fashionmnist.data.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The model directory as one zip, the artifact that {@code mvn install} and {@code deploy} archive. */
public final class ModelArchive {
    private static final FileTime FIXED_TIME = FileTime.fromMillis(0);

    private ModelArchive() {
    }

    /** Zips the files of {@code modelDirectory} (flat, sorted, fixed times) into {@code zip}, atomically. */
    public static void zip(Path modelDirectory, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(modelDirectory)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        AtomicFiles.write(zip, out -> {
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path f : files) {
                    ZipEntry e = new ZipEntry("model/" + f.getFileName());
                    e.setLastModifiedTime(FIXED_TIME);
                    z.putNextEntry(e);
                    Files.copy(f, z);
                    z.closeEntry();
                }
            }
        });
    }

    /**
     * Unpacks a model zip made by {@link #zip} into {@code target} (emptied first) and returns the model folder
     * inside it. Only flat {@code model/<file>} entries are accepted.
     */
    public static Path unzip(Path zip, Path target) throws IOException {
        AtomicFiles.deleteTree(target);
        Path model = target.resolve("model");
        Files.createDirectories(model);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() && name.equals("model/")) {
                    continue;
                }
                if (!name.startsWith("model/") || name.indexOf('/', 6) >= 0 || name.length() == 6
                        || name.contains("..") || name.contains("\\")) {
                    throw new IOException(zip + " is not a model archive: unexpected entry '" + name + "'");
                }
                try (var in = z.getInputStream(e)) {
                    Files.copy(in, model.resolve(name.substring(6)));
                }
            }
        }
        return model;
    }
}
