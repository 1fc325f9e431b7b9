package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fashionmnist.config.LrSchedule;
import dev.fashionmnist.config.OptimizerKind;
import dev.fashionmnist.config.TrainSettings;
import dev.fashionmnist.data.DatasetFile;
import dev.fashionmnist.evaluate.EvaluateJob;
import dev.fashionmnist.evaluate.ImageInput;
import dev.fashionmnist.evaluate.PredictJob;
import dev.fashionmnist.runtime.internal.network.ModelSpec;
import dev.fashionmnist.testing.IdxFixtures;
import dev.fashionmnist.train.SweepJob;
import dev.fashionmnist.train.TrainJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine JVM's class path filter and memory defaults. */
class EngineJvmTest {
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private Map<DatasetFile, Path> files(long trainImagesBytes) throws IOException {
        Map<DatasetFile, Path> files = new EnumMap<>(DatasetFile.class);
        for (DatasetFile f : DatasetFile.values()) {
            Path p = dir.resolve(f.fileName());
            Files.write(p, new byte[(int) (f == DatasetFile.TRAIN_IMAGES ? trainImagesBytes : MIB)]);
            files.put(f, p);
        }
        return files;
    }

    private static TrainJob train(Map<DatasetFile, Path> files, boolean augment) {
        ModelSpec spec = ModelSpec.of("mlp", 16, null, "1,1,1", 28, 28, 10);
        TrainSettings s = TrainSettings.builder().model(spec).epochs(1).batchSize(32).optimizer(OptimizerKind.ADAM)
                .learningRate(0.001).lrSchedule(LrSchedule.CONSTANT).stratified(true).seed(1).device("cpu")
                .augment(augment).build();
        return TrainJob.builder().settings(s).datasetName("fashion-mnist").classNames(List.of()).dataFiles(files)
                .dataSha256(Map.of()).outputDirectory(Path.of("out")).fingerprint("f").pluginVersion("v").build();
    }

    /**
     * Fashion-MNIST's four files as far as the sizing reads them: their headers (60,000 and 10,000 images of 28x28),
     * the training images' gzip-compressed, the others raw.
     */
    private Map<DatasetFile, Path> fashionHeaders() throws IOException {
        Map<DatasetFile, Path> files = new EnumMap<>(DatasetFile.class);
        for (DatasetFile f : DatasetFile.values()) {
            int count = f.isTrain() ? 60_000 : 10_000;
            byte[] header = f.isImages() ? IdxFixtures.imagesHeader(count, 28, 28)
                    : IdxFixtures.idx(0x801, new int[] {count}, new byte[0]);
            Path p = dir.resolve(f.fileName());
            Files.write(p, f == DatasetFile.TRAIN_IMAGES ? IdxFixtures.gzip(header) : header);
            files.put(f, p);
        }
        return files;
    }

    private static long wholeMib(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }

    @Test
    void theImagesLiveInDirectMemoryAndTheHeapHoldsTheLabelsAndForAugmentationTheFloats() throws IOException {
        Map<DatasetFile, Path> files = fashionHeaders();
        long images = 70_000L * 28 * 28;
        long labels = 70_000L;
        long plain = EngineJvm.heapBytes(train(files, false));
        assertEquals(97 * MIB, plain, "base plus three times the labels: none of the 55 MB of pixels");
        long augmented = wholeMib(96 * MIB + 3 * labels + 4 * 60_000L * 28 * 28);
        assertEquals(augmented, EngineJvm.heapBytes(train(files, true)), "plus the training images as floats");
        assertEquals(augmented, EngineJvm.heapBytes(new SweepJob(List.of(train(files, false),
                train(files, true)), List.of("a", "b"))), "a sweep: its largest trial");
        EvaluateJob evaluate = new EvaluateJob(Path.of("m"), "fashion-mnist", List.of(), files, Map.of(), -1, false,
                Path.of("r"));
        assertEquals(plain, EngineJvm.heapBytes(evaluate));
        assertEquals(96 * MIB, EngineJvm.heapBytes(new PredictJob(Path.of("m"), List.of(), -1, false, Path.of("r"))));
        List<ImageInput.Prepared> prepared = java.util.Collections.nCopies(1024,
                new ImageInput.Prepared(Path.of("a.png"), new byte[784], false));
        PredictJob predict = new PredictJob(Path.of("m"), prepared, -1, false, Path.of("r"));
        assertEquals(109 * MIB, EngineJvm.heapBytes(predict),
                "predict: 16 bytes per pixel for the images as JSON (12.25 MiB), rounded up to whole MiB");

        long direct = wholeMib(64 * MIB + 2 * images + 8 * labels);
        assertEquals(170 * MIB, direct);
        assertEquals(direct, EngineJvm.directBytes(train(files, false)),
                "the decoded images, a chosen copy of them, the labels as int64, and the engine's buffers");
        assertEquals(direct, EngineJvm.directBytes(train(files, true)));
        assertEquals(direct, EngineJvm.directBytes(evaluate));
        assertEquals(68 * MIB, EngineJvm.directBytes(predict), "predict: the images as floats");
    }

    @Test
    void defaultsComeFirstAndTheUsersArgumentsWin() throws IOException {
        TrainJob job = train(files(MIB), false);
        List<String> args = EngineJvm.arguments(job, List.of("-Xmx4g"));
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmn8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
                "-XX:TieredStopAtLevel=1", "-Xms16m", "-Xmx" + EngineJvm.heapBytes(job) / MIB + "m",
                "-XX:MaxDirectMemorySize=" + EngineJvm.directBytes(job) / MIB + "m", "-Xmx4g"),
                args, "a later -Xmx replaces the default");
        List<String> own = EngineJvm.arguments(job, List.of("-XX:+UseG1GC"));
        assertFalse(own.contains("-XX:+UseSerialGC"), "two collectors would stop the JVM: " + own);
        assertFalse(own.contains("-Xmn8m"), "the young generation's size is the serial collector's setting: " + own);
        assertTrue(own.contains("-XX:+UseG1GC"));
    }

    @Test
    void allocatorSettingsKeepFreedMemoryButLeaveWhatTheUserSet() {
        Map<String, String> settings = EngineJvm.allocator(Map.of("MALLOC_ARENA_MAX", "8"));
        assertEquals(String.valueOf(256 * MIB), settings.get("MALLOC_MMAP_THRESHOLD_"));
        assertEquals(String.valueOf(256 * MIB), settings.get("MALLOC_TRIM_THRESHOLD_"));
        assertEquals(String.valueOf(16 * MIB), settings.get("MALLOC_TOP_PAD_"));
        assertFalse(settings.containsKey("MALLOC_ARENA_MAX"), "the user's own value stays: " + settings);
        assertEquals("2", EngineJvm.allocator(Map.of()).get("MALLOC_ARENA_MAX"));
    }

    @Test
    void theClassPathHoldsTheEngineAndWhatPlotsAndCsvNeedButNotMaven() {
        assertTrue(EngineJvm.needs("ai.djl.pytorch", "pytorch-engine"));
        assertTrue(EngineJvm.needs("org.jfree", "jfreechart"));
        assertTrue(EngineJvm.needs("org.apache.commons", "commons-csv"));
        assertFalse(EngineJvm.needs("org.apache.maven", "maven-core"));
        assertFalse(EngineJvm.needs("org.codehaus.plexus", "plexus-archiver"));
        assertFalse(EngineJvm.needs("com.github.luben", "zstd-jni"));
    }
}
