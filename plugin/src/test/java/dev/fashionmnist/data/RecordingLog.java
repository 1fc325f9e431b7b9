package dev.fashionmnist.data;

import dev.fashionmnist.report.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the core logged, for assertions. */
public final class RecordingLog implements BuildLog {
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    public final List<String> debugs = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
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
