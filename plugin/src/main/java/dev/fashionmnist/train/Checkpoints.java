package dev.fashionmnist.train;

import ai.djl.Model;
import dev.fashionmnist.data.AtomicFiles;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelSpec;
import dev.fashionmnist.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A checkpoint after every epoch: {@code checkpoints/epoch-NNNN/} with the parameters and {@code checkpoint.json}.
 * The newest {@value #KEEP} are kept. Each is written into a temporary folder first and renamed into place.
 */
public final class Checkpoints {
    static final int KEEP = 3;
    private static final String INFO = "checkpoint.json";

    private final Path root;

    public Checkpoints(Path root) {
        this.root = root;
    }

    /** What a checkpoint holds besides the parameters. */
    public record Info(int epoch, ModelSpec model, Normalization normalization, Path directory) {
    }

    public void save(Model model, int epoch, ModelSpec spec, Normalization norm) throws IOException {
        Files.createDirectories(root);
        Path target = root.resolve(String.format("epoch-%04d", epoch));
        Path temp = AtomicFiles.tempDirectoryFor(target);
        try {
            model.setProperty("Epoch", "0");
            model.save(temp, ModelCard.PARAMETERS_NAME);
            Json.writeFile(temp.resolve(INFO), new Info(epoch, spec, norm, null));
            AtomicFiles.deleteTree(target);
            Files.move(temp, target);
        } finally {
            AtomicFiles.deleteTree(temp);
        }
        List<Path> all = list();
        for (int i = 0; i < all.size() - KEEP; i++) {
            AtomicFiles.deleteTree(all.get(i));
        }
    }

    /**
     * Copies the checkpoint of {@code epoch} to {@code best/}, which pruning keeps; returns that folder.
     */
    public Path keepBest(int epoch) throws IOException {
        Path source = root.resolve(String.format("epoch-%04d", epoch));
        Path best = root.resolve("best");
        Path temp = AtomicFiles.tempDirectoryFor(best);
        try {
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, temp.resolve(f.getFileName()));
                }
            }
            AtomicFiles.deleteTree(best);
            Files.move(temp, best);
        } finally {
            AtomicFiles.deleteTree(temp);
        }
        return best;
    }

    /** The kept best checkpoint if it is that of {@code epoch} (e.g. from before a resume), else {@code null}. */
    public Path best(int epoch) throws IOException {
        Path info = root.resolve("best").resolve(INFO);
        if (Files.isRegularFile(info) && Json.readFile(info, Info.class).epoch() == epoch) {
            return info.getParent();
        }
        return null;
    }

    /** The newest complete checkpoint, or {@code null}. */
    public Info latest() throws IOException {
        List<Path> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path info = all.get(i).resolve(INFO);
            if (Files.isRegularFile(info)) {
                Info read = Json.readFile(info, Info.class);
                return new Info(read.epoch(), read.model(), read.normalization(), all.get(i));
            }
        }
        return null;
    }

    public void clear() throws IOException {
        AtomicFiles.deleteTree(root);
    }

    private List<Path> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d+")).sorted().toList();
        }
    }

}
