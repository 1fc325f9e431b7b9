package dev.fashionmnist.results;

import dev.fashionmnist.io.Json;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code run.json} beside metrics.csv: which training run metrics.csv belongs to, and how that run ended. A run
 * that fails says so here with its message; one that was killed still says {@code running}. The model card names the
 * run that wrote the model ({@code runId}), so whoever reads metrics.csv can tell whether it describes the model.
 *
 * @param state      {@value #RUNNING}, {@value #COMPLETE} or {@value #FAILED}
 * @param firstEpoch the first epoch this run trained (above 1 when it resumed)
 * @param lastEpoch  the last epoch it was to train
 * @param message    why it failed; {@code null} otherwise
 */
public record RunStatus(String runId, String state, int firstEpoch, int lastEpoch, String startedAt,
                        String message) {
    public static final String FILE = "run.json";
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    /** A new run, in progress. */
    public static RunStatus start(int firstEpoch, int lastEpoch) {
        return new RunStatus(UUID.randomUUID().toString(), RUNNING, firstEpoch, lastEpoch, Instant.now().toString(),
                null);
    }

    public RunStatus complete() {
        return new RunStatus(runId, COMPLETE, firstEpoch, lastEpoch, startedAt, null);
    }

    public RunStatus failed(String why) {
        return new RunStatus(runId, FAILED, firstEpoch, lastEpoch, startedAt, why);
    }

    public boolean isComplete() {
        return COMPLETE.equals(state);
    }

    /** One phrase for people: "run 1a2b3c4d (epochs 1-4) failed: ...". */
    public Message describe() {
        String id = runId == null ? "?" : runId.substring(0, Math.min(8, runId.length()));
        Message epochs = firstEpoch == lastEpoch ? Messages.of("train.run.epoch", firstEpoch)
                : Messages.of("train.run.epochs", firstEpoch, lastEpoch);
        return switch (state == null ? "" : state) {
            case COMPLETE -> Messages.of("train.run.complete", id, epochs);
            case FAILED -> message == null ? Messages.of("train.run.failed", id, epochs)
                    : Messages.of("train.run.failedBecause", id, epochs, message);
            case RUNNING -> Messages.of("train.run.running", id, epochs);
            default -> Messages.of("train.run.state", id, epochs, state);
        };
    }

    public void write(Path outputDirectory) throws IOException {
        Json.writeFile(outputDirectory.resolve(FILE), this);
    }

    /** The status in {@code outputDirectory}, or {@code null} when there is none (or it cannot be read). */
    public static RunStatus readIfPresent(Path outputDirectory) {
        Path file = outputDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.readFile(file, RunStatus.class);
        } catch (IOException e) {
            return null;
        }
    }
}
