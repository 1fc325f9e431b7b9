package dev.fashionmnist.io;

import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Exclusive use of one folder (a dataset folder of the cache, a goal's output folder) across processes and across
 * threads of this JVM: a file lock on {@code .lock} in the folder, which holds the owner's pid, and a process-wide
 * lock per folder, since a JVM cannot take a file lock twice (parallel builds with -T, tests). The same thread may
 * take it again inside (nested use); only the outermost release gives it up. The thread that took it releases it.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside the folder. */
    public static final String FILE = ".lock";

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private FolderLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Another build or goal held the folder for longer than the caller would wait. */
    public static final class BusyException extends RuntimeException implements Localizable {
        private static final long serialVersionUID = 1L;
        private final transient Path folder;
        private final transient Message holder;
        private final transient Message message;

        BusyException(Path folder, Message holder) {
            this(folder, holder, Messages.of("data.lock.busy", folder, holder));
        }

        private BusyException(Path folder, Message holder, Message message) {
            super(message.toString());
            this.folder = folder;
            this.holder = holder;
            this.message = message;
        }

        @Override
        public Message message() {
            return message;
        }

        public Path folder() {
            return folder;
        }

        /**
         * Who holds it, as far as known: "another build (pid 123)", "another goal of this build (pid 45)" in English
         * ({@code toString()}), worded in any language as a {@link Message} (an argument of a caller's message).
         */
        public Message holder() {
            return holder;
        }
    }

    /**
     * Takes the folder (creating it), waiting at most {@code timeout} ({@code null}: as long as it takes) while
     * another build or thread holds it; {@code waiting} is told once, with who holds it (a {@link Message}, "another
     * build (pid 123)" in English), when this has to wait.
     *
     * @throws BusyException when the folder is still held after {@code timeout}
     */
    public static FolderLock acquire(Path folder, Duration timeout, Consumer<Message> waiting) throws IOException {
        Files.createDirectories(folder);
        Path dir = folder.toRealPath();
        long start = System.nanoTime();
        long limit = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        if (threadLock.isHeldByCurrentThread()) {
            threadLock.lock();
            return new FolderLock(threadLock, null, null);
        }
        boolean told = false;
        try {
            if (!threadLock.tryLock()) {
                Message holder = Messages.of("data.lock.thisBuild", ProcessHandle.current().pid());
                if (limit > 0) {
                    waiting.accept(holder);
                    told = true;
                }
                if (!threadLock.tryLock(left(start, limit), TimeUnit.NANOSECONDS)) {
                    throw new BusyException(dir, holder);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + dir);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            long pause = FIRST_PAUSE_NANOS;
            while (fileLock == null) {
                long left = left(start, limit);
                if (left <= 0) {
                    throw new BusyException(dir, holder(dir));
                }
                if (!told) {
                    waiting.accept(holder(dir));
                    told = true;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
                pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
                fileLock = channel.tryLock();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return new FolderLock(threadLock, channel, fileLock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        } catch (InterruptedException e) {
            closeQuietly(channel);
            threadLock.unlock();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + dir);
        }
    }

    private static long left(long start, long limit) {
        long elapsed = System.nanoTime() - start;
        return limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit - elapsed;
    }

    /** The other process as its lock file names it. */
    private static Message holder(Path dir) {
        try {
            String content = Files.readString(dir.resolve(FILE), StandardCharsets.US_ASCII).trim();
            if (content.matches("pid \\d+")) {
                return Messages.of("data.lock.otherBuildPid", content.substring(4));
            }
        } catch (IOException e) {
            // unreadable while locked (Windows): the pid is unknown
        }
        return Messages.of("data.lock.otherBuild");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel, or at the latest with this process
            }
        }
    }

    /** Gives the folder up (the outermost holder of this thread: the file lock too). */
    @Override
    public void close() {
        try {
            if (channel != null) {
                try {
                    channel.truncate(0);
                    fileLock.release();
                } catch (IOException e) {
                    // closing the channel below releases the lock as well
                }
                closeQuietly(channel);
            }
        } finally {
            threadLock.unlock();
        }
    }
}
