package dev.fashionmnist.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.results.EpochMetrics;
import dev.fashionmnist.runtime.internal.ModelParameters;
import dev.fashionmnist.runtime.internal.Normalization;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.runtime.internal.network.Networks;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A checkpoint after every epoch: {@code checkpoints/epoch-NNNN/} with everything the next epoch depends on: the
 * parameters (BatchNorm's running statistics included), the optimizer's state ({@value #OPTIMIZER}: momentum
 * buffers or Adam's moments, their update counts in {@code checkpoint.json}), the weight average ({@value #AVERAGE}:
 * its update count and averaged parameters, when {@code weightAverage} is on), and in {@code checkpoint.json} the
 * normalisation, the learning-rate schedule's plan and every epoch's metrics so far (early stopping's state and the
 * rows of metrics.csv). The shuffle, augmentation and PyTorch generators are seeded per epoch from the seed and the
 * epoch, so they need no state. The newest {@value #KEEP} are kept. Each is written into a temporary folder first
 * and renamed into place.
 */
public final class Checkpoints {
    static final int KEEP = 3;
    private static final String INFO = "checkpoint.json";
    static final String OPTIMIZER = "optimizer.ndlist";
    static final String AVERAGE = "average.ndlist";

    private final Path root;

    public Checkpoints(Path root) {
        this.root = root;
    }

    /**
     * What a checkpoint holds besides the parameters. Checkpoints of plugin versions before exact resume lack
     * {@code optimizer}, {@code lrSchedule}, {@code plannedEpochs} and {@code history} (null / 0).
     *
     * @param plannedEpochs the last epoch of the run that wrote it (the schedule's plan then)
     * @param history       the metrics of every epoch up to this one
     * @param startFingerprint the fingerprint of the run from scratch that this chain of runs began with
     * @param resumedAfter  the epochs after which a resumed run took over
     */
    public record Info(int epoch, ModelSpec model, Normalization normalization, Path directory,
                       ResumableOptimizer.Snapshot optimizer, String lrSchedule, int plannedEpochs,
                       List<EpochMetrics> history, String startFingerprint, List<Integer> resumedAfter) {

        /**
         * What the checkpoint after {@code epoch} is to say, before it is saved: no folder yet, and the optimizer's
         * snapshot is taken by {@link Checkpoints#save}.
         */
        public static Info of(int epoch, ModelSpec model, Normalization normalization, String lrSchedule,
                              int plannedEpochs, List<EpochMetrics> history, String startFingerprint,
                              List<Integer> resumedAfter) {
            return new Info(epoch, model, normalization, null, null, lrSchedule, plannedEpochs, history,
                    startFingerprint, resumedAfter);
        }

        /** This info as {@code checkpoint.json} holds it: with the optimizer's snapshot, without a folder. */
        Info stored(ResumableOptimizer.Snapshot snapshot) {
            return new Info(epoch, model, normalization, null, snapshot, lrSchedule, plannedEpochs, history,
                    startFingerprint, resumedAfter);
        }

        /** This info, read from {@code checkpoint.json}, with the folder it was read from. */
        Info in(Path folder) {
            return new Info(epoch, model, normalization, folder, optimizer, lrSchedule, plannedEpochs, history,
                    startFingerprint, resumedAfter);
        }

        /** Puts this checkpoint's parameters into {@code model}'s network, first initialised for that shape. */
        void loadParameters(Model model, ModelSpec spec, int batchSize) {
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.inputShape(spec, batchSize));
            ModelParameters.load(model, spec, directory, ModelCard.PARAMETERS_NAME);
        }

        /** Puts this checkpoint's optimizer state back into {@code target}; one of an older plugin has none. */
        void restoreOptimizer(ResumableOptimizer target, NDManager manager, Block block, BuildLog log)
                throws IOException {
            Path file = optimizerFile();
            if (file == null) {
                log.warn(Messages.of("train.resume.noOptimizerState", directory));
                return;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                target.load(optimizer, in, manager, block, file.toString());
            }
        }

        /**
         * Puts this checkpoint's weight average back into {@code target}; without one (an older plugin, or a run
         * without the average wrote it) the average starts from the current weights, with a warning.
         */
        void restoreAverage(WeightAverage target, NDManager manager, BuildLog log) throws IOException {
            if (!Files.isRegularFile(directory.resolve(AVERAGE))) {
                log.warn(Messages.of("train.resume.noAverage", directory));
                return;
            }
            readAverage(directory, target, manager);
        }

        /** The optimizer state file, or {@code null} when the checkpoint has none (an older plugin wrote it). */
        public Path optimizerFile() {
            Path file = directory.resolve(OPTIMIZER);
            return optimizer != null && Files.isRegularFile(file) ? file : null;
        }
    }

    /** Puts the weight average saved in the checkpoint folder {@code checkpoint} into {@code target}. */
    static void readAverage(Path checkpoint, WeightAverage target, NDManager manager) throws IOException {
        Path file = checkpoint.resolve(AVERAGE);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            target.load(in, manager, file.toString());
        }
    }

    /**
     * The checkpoint after {@code epoch}: what {@code info} says (its directory is ignored) plus the state files; with
     * {@code average} (not null) the weight average too.
     */
    public void save(Model model, ResumableOptimizer optimizer, WeightAverage average, Info info) throws IOException {
        Files.createDirectories(root);
        int epoch = info.epoch();
        Path target = root.resolve(String.format("epoch-%04d", epoch));
        Path temp = AtomicFiles.tempDirectoryFor(target);
        try {
            model.setProperty("Epoch", "0");
            model.save(temp, ModelCard.PARAMETERS_NAME);
            ResumableOptimizer.Snapshot snapshot;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp.resolve(OPTIMIZER)))) {
                snapshot = optimizer.save(out);
            }
            if (average != null) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp.resolve(AVERAGE)))) {
                    average.save(out, model.getNDManager());
                }
            }
            Json.writeFile(temp.resolve(INFO), info.stored(snapshot));
            AtomicFiles.replaceDirectory(temp, target);
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
            AtomicFiles.replaceDirectory(temp, best);
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
                return Json.readFile(info, Info.class).in(all.get(i));
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
