package dev.fashionmnist.maven;

import dev.fashionmnist.fork.ForkLauncher;
import dev.fashionmnist.report.ProgressText;
import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where the training progress goes, chosen from how Maven runs: nowhere when Maven logs errors only ({@code -q}); a
 * bar redrawn in place on an interactive terminal; else (batch mode, CI, no terminal, a parallel build) log lines,
 * which in a parallel build name their module as every line of the plugin does then (see {@link MavenBuildLog}).
 */
final class ProgressOutput implements ForkLauncher.Progress {
    /** The terminal width without a COLUMNS variable. */
    static final int DEFAULT_WIDTH = 80;

    enum Style {
        SILENT, LINES, BAR
    }

    private final Style style;
    private final BuildLog log;
    private final PrintStream terminal;
    private final int width;
    private final Language language;
    private int drawn;

    private ProgressOutput(Style style, BuildLog log, PrintStream terminal, int width, Language language) {
        this.style = style;
        this.log = log;
        this.terminal = terminal;
        this.width = width;
        this.language = language;
    }

    /**
     * The style for a build whose log shows INFO ({@code infoEnabled}: not {@code -q}), that runs modules in
     * parallel ({@code -T} with more than one thread) or not, on an interactive terminal or not.
     */
    static Style choose(boolean infoEnabled, boolean parallel, boolean terminal) {
        if (!infoEnabled) {
            return Style.SILENT;
        }
        return terminal && !parallel ? Style.BAR : Style.LINES;
    }

    /** Log lines for {@link Style#LINES}, in the log's language. */
    static ProgressOutput lines(BuildLog log) {
        return new ProgressOutput(Style.LINES, log, null, 0, log.language());
    }

    /** A bar redrawn on {@code terminal}, {@code width} columns wide, in {@code language}. */
    static ProgressOutput bar(PrintStream terminal, int width, Language language) {
        return new ProgressOutput(Style.BAR, null, terminal, width, language);
    }

    static ProgressOutput silent() {
        return new ProgressOutput(Style.SILENT, null, null, 0, Language.ENGLISH);
    }

    /**
     * The terminal's width: the COLUMNS variable ({@code columns}, may be null) where a shell exports it, else the
     * second number of {@code stty size} ({@code sttySize}: "rows columns", or null), else {@link #DEFAULT_WIDTH}.
     */
    static int width(String columns, Supplier<String> sttySize) {
        int fromVariable = number(columns);
        if (fromVariable >= 20) {
            return fromVariable;
        }
        String size = sttySize.get();
        String[] rowsColumns = size == null ? new String[0] : size.trim().split("\\s+");
        int fromTerminal = rowsColumns.length == 2 ? number(rowsColumns[1]) : 0;
        return fromTerminal >= 20 ? fromTerminal : DEFAULT_WIDTH;
    }

    /**
     * What {@code stty size} says of the terminal Maven runs in ("rows columns"), or null where there is none, no
     * stty (Windows) or no answer within two seconds.
     */
    static String sttySize() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return null;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = stty.getInputStream().readNBytes(64);
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return null;
            }
            return stty.exitValue() == 0 ? new String(out, StandardCharsets.US_ASCII) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean drawsBar() {
        return style == Style.BAR;
    }

    @Override
    public void show(EpochProgress progress) {
        switch (style) {
            case LINES -> log.info(ProgressText.line(progress, language));
            case BAR -> {
                String line = ProgressText.bar(progress, width, language);
                terminal.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
                terminal.flush();
                drawn = line.length();
            }
            case SILENT -> { }
        }
    }

    @Override
    public void clear() {
        if (drawn > 0) {
            terminal.print("\r" + " ".repeat(drawn) + "\r");
            terminal.flush();
            drawn = 0;
        }
    }
}
