package dev.fashionmnist.fork;

import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.data.IdxDecoder;
import dev.fashionmnist.data.IdxFormatException;
import dev.fashionmnist.evaluate.EvaluateJob;
import dev.fashionmnist.evaluate.PredictJob;
import dev.fashionmnist.train.SweepJob;
import dev.fashionmnist.train.TrainJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the engine JVM is started: which of the plugin's artifacts it needs on its class path (the engine and what
 * training, evaluation and plots use: 13 jars with the runtime's networks, not Maven's own dozens), and its defaults:
 * the serial collector and a
 * heap sized to the job's data, starting small, so that the JVM's share of the resident memory follows what the job
 * holds instead of growing towards a quarter of the machine; the JIT's quick tier only; glibc's allocator keeping
 * freed memory. The user's {@code jvmArgs} come after the defaults and win (a later {@code -Xmx} replaces ours; a
 * collector of their own replaces the serial one).
 */
public final class EngineJvm {
    /** groupId:artifactId of every artifact the engine JVM needs. */
    static final Set<String> NEEDED = Set.of(
            "dev.fashionmnist:fashionmnist-runtime", "ai.djl:api", "ai.djl.pytorch:pytorch-engine",
            "ai.djl.pytorch:pytorch-jni", "net.java.dev.jna:jna",
            "org.apache.commons:commons-compress", "com.google.code.gson:gson", "org.apache.commons:commons-csv",
            "commons-io:commons-io", "commons-codec:commons-codec", "org.jfree:jfreechart", "org.slf4j:slf4j-api",
            "org.slf4j:slf4j-simple");

    private static final long MIB = 1L << 20;
    /** Heap besides the data: the engine's Java side, model cards, CSVs and plots. */
    private static final long BASE_HEAP = 96 * MIB;
    /** Direct memory besides the data: the engine's buffers for batches, parameters and results. */
    private static final long BASE_DIRECT = 64 * MIB;
    /** Heap per pixel of an image to classify: up to 4 characters of JSON, 2 bytes each, read and parsed. */
    private static final long PREDICT_BYTES_PER_PIXEL = 16;

    private EngineJvm() {
    }

    /**
     * glibc's allocator settings for the engine JVM, the ones {@code environment} does not set already. PyTorch
     * allocates and frees every batch's activations and gradients; by default glibc serves large blocks with fresh
     * mappings or trims the freed top of its heap, and each batch then pays page faults on memory it just had
     * (measured, 2 cores: amelie-cnn 2,270 against 2,900-3,000 images/s, mlp epoch 1 about +5%; peak memory +20
     * MiB). With these, freed blocks are kept for the next batch: no mappings below 256 MiB, no trimming below
     * 256 MiB, the heap grown 16 MiB at a time, two arenas (one per core rather than eight).
     */
    public static Map<String, String> allocator(Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MALLOC_MMAP_THRESHOLD_", String.valueOf(256 * MIB));
        settings.put("MALLOC_TRIM_THRESHOLD_", String.valueOf(256 * MIB));
        settings.put("MALLOC_TOP_PAD_", String.valueOf(16 * MIB));
        settings.put("MALLOC_ARENA_MAX", "2");
        settings.keySet().removeAll(environment.keySet());
        return settings;
    }

    /** Whether the engine JVM needs the plugin dependency {@code groupId:artifactId}. */
    public static boolean needs(String groupId, String artifactId) {
        return NEEDED.contains(groupId + ":" + artifactId);
    }

    /** The engine JVM's arguments for {@code job}: the defaults, then the user's {@code jvmArgs}. */
    public static List<String> arguments(Object job, List<String> userArgs) {
        List<String> args = new ArrayList<>();
        boolean ownCollector = userArgs.stream().anyMatch(a -> a.matches("-XX:\\+Use\\w*GC"));
        if (!ownCollector) {
            args.add("-XX:+UseSerialGC");
            // a small young generation and a heap that stays close to its live data: the Java side of a step makes
            // little garbage, and every page the heap touches counts in the peak resident memory beside PyTorch's
            // (amelie-cnn, 12,800 images: 462 -> 436 MiB peak, same images/s)
            args.add("-Xmn8m");
            args.add("-XX:MinHeapFreeRatio=10");
            args.add("-XX:MaxHeapFreeRatio=20");
        }
        // the JIT's optimising tier compiles in threads that take the cores from PyTorch's for the whole first epoch
        // (2 cores: mlp 45,000 against 86,000 images/s in epoch 1), while the Java side of a step is glue around
        // native calls that the quick tier compiles well enough
        args.add("-XX:TieredStopAtLevel=1");
        args.add("-Xms16m");
        args.add("-Xmx" + heapBytes(job) / MIB + "m");
        // the decoded images are direct buffers, which count against this limit (by default -Xmx, now far below them)
        args.add("-XX:MaxDirectMemorySize=" + directBytes(job) / MIB + "m");
        args.addAll(userArgs);
        return args;
    }

    /**
     * The heap a job needs: the decoded images live in direct buffers (see {@link #directBytes}), so the heap holds the
     * engine's Java side, the labels three times over (decoded, chosen, garbage between collections), and for
     * augmentation the training images as floats.
     */
    static long heapBytes(Object job) {
        long heap = BASE_HEAP;
        if (job instanceof TrainJob train) {
            heap += trainHeap(train);
        } else if (job instanceof SweepJob sweep) {
            heap += sweep.trials().stream().mapToLong(EngineJvm::trainHeap).max().orElse(0);
        } else if (job instanceof EvaluateJob evaluate) {
            heap += 3 * labelBytes(evaluate.dataFiles());
        } else if (job instanceof PredictJob predict) {
            // the job file holds each image's pixels as JSON numbers: read as text, then parsed
            heap += predict.images().stream().mapToLong(i -> PREDICT_BYTES_PER_PIXEL * i.pixels().length).sum();
        }
        return wholeMib(heap);
    }

    /**
     * The direct memory a job needs: its decoded images twice (the decoded buffers, and the copies of a choice of them
     * that become the engine's tensors; all of a set in file order needs no copy), its labels as the engine's int64,
     * and room for the engine's own direct buffers (batches, parameters).
     */
    static long directBytes(Object job) {
        long direct = BASE_DIRECT;
        if (job instanceof TrainJob train) {
            direct += dataDirect(train.dataFiles());
        } else if (job instanceof SweepJob sweep) {
            direct += sweep.trials().stream().mapToLong(t -> dataDirect(t.dataFiles())).max().orElse(0);
        } else if (job instanceof EvaluateJob evaluate) {
            direct += dataDirect(evaluate.dataFiles());
        } else if (job instanceof PredictJob predict) {
            direct += predict.images().stream().mapToLong(i -> Float.BYTES * i.pixels().length).sum();
        }
        return wholeMib(direct);
    }

    private static long trainHeap(TrainJob job) {
        long heap = 3 * labelBytes(job.dataFiles());
        if (job.settings().augment()) {
            heap += Float.BYTES * dataBytes(job.dataFiles().get(DatasetFile.TRAIN_IMAGES), DatasetFile.TRAIN_IMAGES);
        }
        return heap;
    }

    private static long dataDirect(Map<DatasetFile, Path> files) {
        long direct = 0;
        for (Map.Entry<DatasetFile, Path> e : files.entrySet()) {
            direct += (e.getKey().isImages() ? 2 : Long.BYTES) * dataBytes(e.getValue(), e.getKey());
        }
        return direct;
    }

    private static long labelBytes(Map<DatasetFile, Path> files) {
        return files.entrySet().stream().filter(e -> !e.getKey().isImages())
                .mapToLong(e -> dataBytes(e.getValue(), e.getKey())).sum();
    }

    /** The bytes {@code file} decodes to, as its header says; else its size (the fork reports a bad file itself). */
    private static long dataBytes(Path file, DatasetFile kind) {
        if (file == null) {
            return 0;
        }
        try {
            return IdxDecoder.dataBytes(file, kind.isImages() ? 3 : 1);
        } catch (IdxFormatException e) {
            return size(file);
        }
    }

    private static long wholeMib(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }

    private static long size(Path file) {
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0; // the fork reports a missing file itself
        }
    }
}
