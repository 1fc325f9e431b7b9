package dev.fashionmnist.maven;

/** The in-epoch progress bar on a terminal: one line, redrawn in place. */
final class ProgressBar {
    private int lastLength;

    /** Draws {@code text}; {@code null} clears the line. */
    void show(String text) {
        if (text == null) {
            if (lastLength > 0) {
                System.out.print("\r" + " ".repeat(lastLength) + "\r");
                System.out.flush();
                lastLength = 0;
            }
            return;
        }
        String line = "[progress] " + text;
        System.out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        System.out.flush();
        lastLength = line.length();
    }
}
