package dev.fashionmnist.train;

import static dev.fashionmnist.text.Numbers.rounded;

import dev.fashionmnist.evaluate.ModelCards;
import dev.fashionmnist.io.AtomicFiles;
import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.io.Json;
import dev.fashionmnist.io.LocalHost;
import dev.fashionmnist.model.ModelCard;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.plot.LearningCurves;
import dev.fashionmnist.results.RunStatus;
import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trained models kept across clean builds and CI runs, one entry per training fingerprint:
 * {@code <root>/<fingerprint>/}
 * holds the model directory, the run's {@code metrics.csv}, {@code run.json} and learning-curve plots, and
 * {@value #ENTRY} (who stored it, where, when). A train goal whose fingerprint has an entry restores it into its output
 * folder instead of training.
 *
 * <p>An entry is staged in a temporary folder beside it and renamed into place complete, under a {@link FolderLock}
 * on the cache folder, so that a killed store leaves no entry that could be restored and two builds storing the same
 * fingerprint each put a complete entry there. Before a restore the entry is checked (its card, the parameters'
 * SHA-256 that the card records, every file present); a damaged entry is removed and the model trained. The cache
 * keeps the {@code size} entries stored or restored last and evicts the others.
 */
public final class ModelCache {
    /** What the cache records about an entry, beside its files. */
    public static final String ENTRY = "cache-entry.json";
    /** The files of a run beside the model directory that train writes and evaluate and report read. */
    public static final List<String> RUN_FILES = List.of("metrics.csv", RunStatus.FILE, LearningCurves.ACCURACY,
            LearningCurves.LOSS);
    private static final String MODEL = "model";
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    /** Staging folders older than this were left by a killed build; younger ones may be another build's, in use. */
    private static final Duration STALE = Duration.ofDays(1);

    private final Path root;
    private final int size;
    private final BuildLog log;

    /**
     * The layout of the files in an entry that this plugin restores: 2 since metrics.csv's {@code train_loss} is the
     * plain cross entropy beside its own {@code train_objective} column (before, with label smoothing, the train loss
     * was the smoothed objective: restored, such a file would show it as cross entropy). Entries of an older layout
     * are trained again and replaced; the fingerprint, which says what is trained, stays as it is.
     */
    public static final int LAYOUT = 2;

    /**
     * Who stored an entry, and when: the host is that of the training, which stores right after it ends;
     * {@code layout} is the {@link #LAYOUT} it was stored with (0 in the records of older plugins).
     */
    public record Entry(String fingerprint, String host, String storedAt, int layout) {
    }

    /**
     * @param root the cache folder (created on the first store)
     * @param size how many entries to keep, at least 1
     */
    public ModelCache(Path root, int size, BuildLog log) {
        if (size < 1) {
            throw new ModelException(Messages.of("train.cache.badSize", size));
        }
        this.root = root.toAbsolutePath().normalize();
        this.size = size;
        this.log = log;
    }

    /** The folder of the entry for {@code fingerprint}. */
    public Path entry(String fingerprint) {
        return root.resolve(fingerprint);
    }

    /**
     * Puts the cached run with {@code fingerprint} into the output folder {@code out}, as its training would have
     * left it (the model directory replaced in one rename, checkpoints of other runs removed), and logs where it came
     * from. Returns its card, or {@code null} when the cache holds no usable entry (then the caller trains).
     */
    public ModelCard restore(String fingerprint, Path out) {
        Path entry = entry(fingerprint);
        if (!Files.isDirectory(entry.resolve(MODEL))) {
            log.debug("Model cache: no entry " + entry);
            return null;
        }
        try (FolderLock lock = lock()) {
            ModelCard card;
            Entry stored;
            try {
                stored = check(entry, fingerprint);
                if (stored.layout() < LAYOUT) {
                    log.info(Messages.of("train.cache.olderLayout", entry));
                    return null;
                }
                card = ModelCards.read(entry.resolve(MODEL));
                ModelCards.checkParameters(entry.resolve(MODEL), card);
                if (!fingerprint.equals(card.fingerprint())) {
                    throw new ModelException(Messages.of("train.cache.cardFingerprint", ModelCard.FILE,
                            card.fingerprint()));
                }
            } catch (IOException | RuntimeException e) {
                remove(entry, Messages.of("train.cache.damaged", e));
                return null;
            }
            put(entry, out);
            touch(entry);
            log.info(Messages.of("train.cache.restored", describe(card, stored), entry));
            return card;
        } catch (IOException e) {
            log.warn(Messages.of("train.cache.restoreFailed", entry, e));
            return null;
        }
    }

    /**
     * Stores the run in {@code out} under {@code fingerprint}, when its model is that run's own (not a resumed one)
     * and metrics.csv belongs to it; then evicts the entries used longest ago beyond the cache's size. A failure is
     * logged as a warning: the model itself was trained and the build goes on.
     */
    public void store(String fingerprint, Path out) {
        Path model = out.resolve(MODEL);
        Path target = entry(fingerprint);
        Path staged = null;
        try {
            ModelCard card = ModelCard.readIfPresent(model);
            RunStatus run = RunStatus.readIfPresent(out);
            if (card == null || !fingerprint.equals(card.fingerprint()) || card.resumed() || run == null
                    || !run.isComplete() || !run.runId().equals(card.runId())) {
                log.debug("Model cache: " + out + " holds no complete run with fingerprint " + fingerprint
                        + ", nothing stored");
                return;
            }
            Files.createDirectories(root);
            staged = AtomicFiles.tempDirectoryFor(target);
            copyFiles(model, Files.createDirectory(staged.resolve(MODEL)));
            ModelCards.checkParameters(staged.resolve(MODEL), card);
            for (String name : RUN_FILES) {
                Files.copy(out.resolve(name), staged.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
            Json.writeFile(staged.resolve(ENTRY), new Entry(fingerprint, LocalHost.name(),
                    Instant.now().toString(), LAYOUT));
            try (FolderLock lock = lock()) {
                AtomicFiles.replaceDirectory(staged, target);
                touch(target);
                evict(target);
            }
            log.info(Messages.of("train.cache.stored", target));
        } catch (IOException | ClassifierException e) {
            log.warn(Messages.of("train.cache.storeFailed", root, e));
        } finally {
            if (staged != null) {
                deleteQuietly(staged);
            }
        }
    }

    /** The entries, newest (stored or restored last) first. */
    public List<Path> entries() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p) && FINGERPRINT.matcher(p.getFileName().toString()).matches()) {
                    entries.add(p);
                }
            }
        }
        entries.sort(Comparator.comparing(ModelCache::lastUsed).reversed().thenComparing(Path::getFileName));
        return entries;
    }

    /** Checks that {@code entry} is complete; returns its record. */
    private static Entry check(Path entry, String fingerprint) throws IOException {
        Path file = entry.resolve(ENTRY);
        if (!Files.isRegularFile(file)) {
            throw new ModelException(Messages.of("train.cache.fileMissing", ENTRY));
        }
        Entry stored = Json.readFile(file, Entry.class);
        if (stored == null || !fingerprint.equals(stored.fingerprint())) {
            throw new ModelException(Messages.of("train.cache.otherFingerprint", ENTRY,
                    String.valueOf(stored == null ? null : stored.fingerprint())));
        }
        for (String name : RUN_FILES) {
            if (!Files.isRegularFile(entry.resolve(name))) {
                throw new ModelException(Messages.of("train.cache.fileMissing", name));
            }
        }
        return stored;
    }

    /** Copies the entry's files into {@code out}: the run's files first, the model directory last, in one rename. */
    private static void put(Path entry, Path out) throws IOException {
        Files.createDirectories(out);
        for (String name : RUN_FILES) {
            Path target = out.resolve(name);
            Path temp = AtomicFiles.tempFileFor(target);
            try {
                Files.copy(entry.resolve(name), temp, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                AtomicFiles.move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        // checkpoints of another run must not be resumed as if they were this model's
        new Checkpoints(out.resolve("checkpoints")).clear();
        Path model = out.resolve(MODEL);
        Path temp = AtomicFiles.tempDirectoryFor(model);
        try {
            copyFiles(entry.resolve(MODEL), temp);
            AtomicFiles.replaceDirectory(temp, model);
        } finally {
            AtomicFiles.deleteTree(temp);
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Removes the entries beyond the cache's size, used longest ago first, and staging folders of killed builds. */
    private void evict(Path keep) throws IOException {
        List<Path> others = entries().stream().filter(e -> !e.equals(keep)).toList();
        for (Path e : others.subList(Math.min(others.size(), size - 1), others.size())) {
            AtomicFiles.deleteTree(e);
            log.info(Messages.of("train.cache.evicted", e.getFileName().toString().substring(0, 12),
                    lastUsed(e).toInstant(), size));
        }
        Instant staleBefore = Instant.now().minus(STALE);
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".part") && lastUsed(p).toInstant().isBefore(staleBefore)) {
                    deleteQuietly(p);
                }
            }
        }
    }

    private void remove(Path entry, Message why) {
        try {
            AtomicFiles.deleteTree(entry);
            log.warn(Messages.of("train.cache.removed", entry, why));
        } catch (IOException e) {
            log.warn(Messages.of("train.cache.unremovable", entry, why, e.getMessage()));
        }
    }

    private FolderLock lock() throws IOException {
        return FolderLock.acquire(root, null, holder -> log.info(Messages.of("train.cache.waiting", holder, root)));
    }

    /** One phrase for the log: fingerprint, when and where trained, how good. */
    static Message describe(ModelCard card, Entry stored) {
        return Messages.of("train.cache.entry", card.fingerprint().substring(0, 12), card.createdAt(), stored.host(),
                card.device(), card.epochsTrained(), rounded(card.trainingSeconds(), 1),
                rounded(100 * card.finalMetrics().testAccuracy(), 2));
    }

    /** Marks {@code entry} as used now, for eviction; a read-only cache keeps its old order. */
    private void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            log.debug("Model cache: cannot mark " + entry + " as used: " + e.getMessage());
        }
    }

    private static FileTime lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            // left for the next eviction, which removes staging folders of killed builds
        }
    }
}
