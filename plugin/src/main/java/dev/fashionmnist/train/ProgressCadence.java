package dev.fashionmnist.train;

import java.util.function.LongSupplier;

/**
 * When a progress report is due. For a bar redrawn on a terminal: every {@link #BAR_INTERVAL_NANOS}, and at an
 * epoch's first and last batch. For log lines (batch mode, CI, parallel builds): only when a batch crosses 25%, 50% or
 * 75% of the epoch, and then only when at least {@link #LOG_INTERVAL_NANOS} have passed since the last line or the
 * epoch's start, whichever rule is rarer; so at most three lines per epoch, none in an epoch under 30 s.
 */
public final class ProgressCadence {
    public static final long BAR_INTERVAL_NANOS = 200_000_000L;
    public static final long LOG_INTERVAL_NANOS = 30_000_000_000L;
    private static final int QUARTERS = 4;

    private final LongSupplier nanoClock;
    private final boolean bar;
    private int epoch = Integer.MIN_VALUE;
    private long last;
    private int quarter;

    private ProgressCadence(LongSupplier nanoClock, boolean bar) {
        this.nanoClock = nanoClock;
        this.bar = bar;
    }

    /** The cadence of a terminal bar; {@code nanoClock} is {@code System::nanoTime} outside tests. */
    public static ProgressCadence bar(LongSupplier nanoClock) {
        return new ProgressCadence(nanoClock, true);
    }

    /** The cadence of progress log lines; {@code nanoClock} is {@code System::nanoTime} outside tests. */
    public static ProgressCadence logLines(LongSupplier nanoClock) {
        return new ProgressCadence(nanoClock, false);
    }

    /** Whether the progress after a batch that brought {@code epoch} to {@code done} of {@code total} is shown. */
    public boolean due(int epoch, long done, long total) {
        long now = nanoClock.getAsLong();
        boolean first = epoch != this.epoch;
        if (first) {
            this.epoch = epoch;
            this.quarter = 0;
            this.last = now;
        }
        if (bar) {
            if (first || done >= total || now - last >= BAR_INTERVAL_NANOS) {
                last = now;
                return true;
            }
            return false;
        }
        int reached = total <= 0 ? QUARTERS : (int) Math.min(QUARTERS, done * QUARTERS / total);
        boolean crossed = reached > quarter && reached < QUARTERS;
        quarter = reached;
        if (crossed && now - last >= LOG_INTERVAL_NANOS) {
            last = now;
            return true;
        }
        return false;
    }
}
