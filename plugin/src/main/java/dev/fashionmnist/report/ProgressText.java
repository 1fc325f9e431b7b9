package dev.fashionmnist.report;

import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.util.Locale;

/**
 * The text of the training progress: a bar like the notebook's tqdm for a terminal,
 * {@code epoch 2/3  42%|████████▍           | 25216/60000 [00:05<00:07, 4812 img/s, loss=0.412, acc=0.853]}, and the
 * same numbers without the bar for a log line, {@code epoch 2/3 42% 25216/60000 [00:05<00:07, ...]}; in German
 * {@code Epoche 2/3 42 % 25216/60000 [00:05<00:07, 4812 Bilder/s, Verlust=0,412, Genauigkeit=0,853]}.
 */
public final class ProgressText {
    /** Eighths of a bar cell, as tqdm draws them; index 0 is an empty cell. */
    private static final String[] EIGHTHS = {" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    private static final String FULL = "█";
    /** The narrowest bar worth drawing; below it the line goes without a bar. */
    private static final int MIN_BAR = 10;

    private ProgressText() {
    }

    /** The progress as one log line in {@code language}. */
    public static String line(EpochProgress p, Language language) {
        return Messages.text(language, "maven.progress.line", p.epoch(), p.lastEpoch(), percent(p),
                numbers(p, language));
    }

    /**
     * The progress as a bar line at most {@code width - 1} characters wide (the last column stays free, so that the
     * terminal never wraps it). The bar takes what the numbers leave; where that is less than {@value #MIN_BAR} cells
     * the image counts go first (the percentage stays), then images/s, then the bar itself. Worded in
     * {@code language}.
     */
    public static String bar(EpochProgress p, int width, Language language) {
        // the percentage right-aligned in three columns, so that the bar does not move while it grows
        String head = Messages.text(language, "maven.progress.head", p.epoch(), p.lastEpoch(),
                String.format(Locale.ROOT, "%3d", percent(p)));
        String minimal = Messages.text(language, "maven.progress.minimal", time(p.seconds()), left(p),
                Numbers.rounded(p.loss(), 3), Numbers.rounded(p.accuracy(), 3));
        String numbers = numbers(p, language);
        for (String tail : new String[] {numbers, numbers.substring(numbers.indexOf('[')), minimal}) {
            int cells = width - 1 - head.length() - tail.length() - 3;
            if (cells >= MIN_BAR) {
                return head + "|" + cells(p.fraction(), cells) + "| " + tail;
            }
        }
        String plain = head + " " + minimal;
        return plain.length() <= width - 1 ? plain : plain.substring(0, Math.max(0, width - 1));
    }

    /** {@code n} cells filled to {@code fraction} in eighths of a cell. */
    static String cells(double fraction, int n) {
        int eighths = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * n * 8);
        int full = eighths / 8;
        StringBuilder b = new StringBuilder(FULL.repeat(full));
        if (full < n) {
            b.append(EIGHTHS[eighths % 8]).append(" ".repeat(n - full - 1));
        }
        return b.toString();
    }

    private static int percent(EpochProgress p) {
        return (int) Math.floor(100 * p.fraction());
    }

    private static String numbers(EpochProgress p, Language language) {
        return Messages.text(language, "maven.progress.numbers", p.imagesDone(), p.imagesTotal(), time(p.seconds()),
                left(p), Math.round(p.imagesPerSecond()), Numbers.rounded(p.loss(), 3),
                Numbers.rounded(p.accuracy(), 3));
    }

    /** The time the epoch has left, {@code ?} while there is no rate yet. */
    private static String left(EpochProgress p) {
        double left = p.secondsLeft();
        return left < 0 ? "?" : time(left);
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from an hour on, as tqdm writes times. */
    static String time(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
