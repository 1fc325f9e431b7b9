package dev.fashionmnist.fork;

import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Problem;
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
            throw new Problem(Messages.of("engine.lock.badTimeout", lockTimeoutSeconds));
        }
        try {
            return FolderLock.acquire(out, Duration.ofSeconds(lockTimeoutSeconds), holder -> log.info(
                    Messages.of("engine.lock.waiting", holder, out.toAbsolutePath(), lockTimeoutSeconds)));
        } catch (FolderLock.BusyException e) {
            throw new Problem(Messages.of("engine.lock.busy", e.folder(), e.holder(), lockTimeoutSeconds > 0
                    ? Messages.of("engine.lock.busyAfterWaiting", lockTimeoutSeconds) : ""));
        } catch (IOException e) {
            throw new Problem(Messages.of("engine.lock.notWritable", out, e));
        }
    }
}
