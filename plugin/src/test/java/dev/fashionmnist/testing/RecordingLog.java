package dev.fashionmnist.testing;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the core logged, for assertions. */
public final class RecordingLog implements BuildLog {
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    public final List<String> debugs = new CopyOnWriteArrayList<>();
    private final Language language;

    /** A log in English. */
    public RecordingLog() {
        this(Language.ENGLISH);
    }

    /** A log that words the core's messages in {@code language}. */
    public RecordingLog(Language language) {
        this.language = language;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public void info(String message) {
        infos.add(message);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits until an INFO line containing {@code part} was logged; fails after a generous upper bound. */
    public synchronized void awaitInfo(String part) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (infos.stream().noneMatch(i -> i.contains(part))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no INFO line with '" + part + "' within 60 s: " + infos);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void debug(String message) {
        debugs.add(message);
    }

    public boolean warned(String part) {
        return warnings.stream().anyMatch(w -> w.contains(part));
    }
}
