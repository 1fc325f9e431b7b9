package dev.fashionmnist.maven;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log, written to Maven's; in a parallel build ({@code -T}) every line starts with {@code [module]}, since
 * the lines of several modules interleave.
 */
final class MavenBuildLog implements BuildLog {
    private final Log log;
    private final String prefix;
    private final Language language;

    /** {@code module}: the module to name on every line, or {@code null} for none; messages in {@code language}. */
    MavenBuildLog(Log log, String module, Language language) {
        this.log = log;
        this.prefix = module == null ? "" : "[" + module + "] ";
        this.language = language;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public void info(String message) {
        log.info(prefix + message);
    }

    @Override
    public void warn(String message) {
        log.warn(prefix + message);
    }

    @Override
    public void debug(String message) {
        log.debug(prefix + message);
    }
}
