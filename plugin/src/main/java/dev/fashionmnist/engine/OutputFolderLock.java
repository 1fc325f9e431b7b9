package dev.fashionmnist.engine;

import dev.fashionmnist.data.FolderLock;
import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.BuildLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One goal at a time per output folder (train, evaluate, sweep, predict): a second build that uses the same folder
 * waits for the first, at most {@code lockTimeout} seconds, instead of interleaving its files with the first's.
 */
public final class OutputFolderLock {
    private OutputFolderLock() {
    }

    /** Takes {@code out}, waiting at most {@code lockTimeoutSeconds} (0: not at all) for another build using it. */
    public static FolderLock acquire(Path out, int lockTimeoutSeconds, BuildLog log) {
        if (lockTimeoutSeconds < 0) {
            throw new ModelException("Parameter 'lockTimeout' is " + lockTimeoutSeconds + ": use the seconds to wait"
                    + " for another build that uses the same outputDirectory, 0 or more (0: fail at once)");
        }
        try {
            return FolderLock.acquire(out, Duration.ofSeconds(lockTimeoutSeconds), holder -> log.info("Waiting for "
                    + holder + ", which is using the output folder " + out.toAbsolutePath() + ", to finish (at most "
                    + lockTimeoutSeconds + " s, parameter lockTimeout)"));
        } catch (FolderLock.BusyException e) {
            throw new ModelException("Parameter 'outputDirectory': " + e.folder() + " is in use by " + e.holder()
                    + (lockTimeoutSeconds > 0 ? ", still after waiting " + lockTimeoutSeconds + " s (lockTimeout)" : "")
                    + ". Let that build finish or stop it, give this one its own folder with"
                    + " -Dfashionmnist.outputDirectory=..., or wait longer with -Dfashionmnist.lockTimeout=SECONDS");
        } catch (IOException e) {
            throw new ModelException("Parameter 'outputDirectory': " + out + " is not a writable folder (" + e
                    + "): choose another with -Dfashionmnist.outputDirectory=...");
        }
    }
}
