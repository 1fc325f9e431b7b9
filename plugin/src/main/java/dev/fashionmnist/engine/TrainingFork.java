package dev.fashionmnist.engine;

import dev.fashionmnist.data.DatasetException;
import dev.fashionmnist.data.DatasetSpec;
import dev.fashionmnist.data.LoadedDataset;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.BuildLog;
import dev.fashionmnist.report.Json;
import dev.fashionmnist.train.TrainJob;
import dev.fashionmnist.train.Training;
import dev.fashionmnist.train.TrainingProgress;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The training fork's entry point: reads the job file, trains, reports through {@link ForkProtocol} lines. */
public final class TrainingFork {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 3;
    private static final long BATCH_MODE_INTERVAL_NANOS = 10_000_000_000L;
    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;

    private TrainingFork() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        BuildLog log = new ProtocolLog(out);
        int exit;
        try {
            TrainJob job = Json.readFile(Path.of(args[0]), TrainJob.class);
            if (job.settings().threads() > 0) {
                System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(job.settings().threads()));
            }
            DatasetSpec spec = new DatasetSpec(job.datasetName(), false, job.classNames(), List.of(),
                    job.dataSha256(), Map.of(), List.of());
            LoadedDataset data = LoadedDataset.decode(spec, job.dataFiles());
            new Training(job, log, progress(out, job.interactive())).run(data);
            exit = 0;
        } catch (ModelException | DatasetException e) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.ERROR, e.getMessage()));
            exit = USER_ERROR;
        } catch (OutOfMemoryError e) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.ERROR, "The training JVM ran out of memory ("
                    + e.getMessage() + "): give it more with -Dfashionmnist.jvmArgs=-Xmx8g, or lower batchSize"));
            exit = USER_ERROR;
        } catch (Throwable e) {
            StringBuilder m = new StringBuilder("Training failed: " + e);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                m.append("\n  caused by ").append(c);
            }
            out.println(ForkProtocol.format(ForkProtocol.Kind.ERROR, m.toString()));
            exit = INTERNAL_ERROR;
        }
        out.flush();
        System.exit(exit);
    }

    /** Progress as frequent PROGRESS lines for a terminal, or an INFO line every 10 s in batch mode. */
    private static TrainingProgress progress(PrintStream out, boolean interactive) {
        long interval = interactive ? TERMINAL_INTERVAL_NANOS : BATCH_MODE_INTERVAL_NANOS;
        long[] last = {System.nanoTime()};
        return (epoch, lastEpoch, done, total, rate) -> {
            long now = System.nanoTime();
            if (now - last[0] < interval && done < total) {
                return;
            }
            last[0] = now;
            String text = String.format(java.util.Locale.ROOT, "epoch %d/%d: %3.0f%% (%d/%d images), %.0f images/s",
                    epoch, lastEpoch, 100.0 * done / total, done, total, rate);
            if (interactive) {
                out.println(ForkProtocol.format(ForkProtocol.Kind.PROGRESS, text));
            } else if (done < total) {
                out.println(ForkProtocol.format(ForkProtocol.Kind.INFO, text));
            }
        };
    }

    /** The fork's log: protocol lines on standard output. */
    private record ProtocolLog(PrintStream out) implements BuildLog {
        @Override
        public void info(String message) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.INFO, message));
        }

        @Override
        public void warn(String message) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.WARN, message));
        }

        @Override
        public void debug(String message) {
            out.println(ForkProtocol.format(ForkProtocol.Kind.DEBUG, message));
        }
    }
}
