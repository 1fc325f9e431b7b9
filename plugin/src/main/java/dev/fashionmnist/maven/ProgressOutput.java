package dev.fashionmnist.maven;

import dev.fashionmnist.engine.ForkLauncher;
import dev.fashionmnist.report.BuildLog;
import dev.fashionmnist.report.ProgressText;
import dev.fashionmnist.train.EpochProgress;
import java.io.PrintStream;

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
    private int drawn;

    private ProgressOutput(Style style, BuildLog log, PrintStream terminal, int width) {
        this.style = style;
        this.log = log;
        this.terminal = terminal;
        this.width = width;
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

    /** Log lines for {@link Style#LINES}. */
    static ProgressOutput lines(BuildLog log) {
        return new ProgressOutput(Style.LINES, log, null, 0);
    }

    static ProgressOutput bar(PrintStream terminal, int width) {
        return new ProgressOutput(Style.BAR, null, terminal, width);
    }

    static ProgressOutput silent() {
        return new ProgressOutput(Style.SILENT, null, null, 0);
    }

    /** The terminal's width from the COLUMNS variable ({@code columns}, may be null), else {@link #DEFAULT_WIDTH}. */
    static int width(String columns) {
        try {
            int w = columns == null ? 0 : Integer.parseInt(columns.trim());
            return w >= 20 ? w : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    boolean drawsBar() {
        return style == Style.BAR;
    }

    @Override
    public void show(EpochProgress progress) {
        switch (style) {
            case LINES -> log.info(ProgressText.line(progress));
            case BAR -> {
                String line = ProgressText.bar(progress, width);
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
