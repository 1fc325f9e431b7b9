package dev.fashionmnist.data;

import dev.fashionmnist.report.BuildLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one dataset folder of the cache, across threads of this JVM and across processes (a file
 * lock on {@code .lock} in the folder), so that two builds sharing a cache never download twice or corrupt it.
 */
public final class CacheLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private CacheLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    public static CacheLock acquire(Path directory, BuildLog log) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        if (!threadLock.tryLock()) {
            log.info("Waiting for another download into " + dir + " to finish");
            threadLock.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                log.info("Waiting for another build to finish downloading into " + dir);
                fileLock = channel.lock();
            }
            return new CacheLock(threadLock, channel, fileLock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
