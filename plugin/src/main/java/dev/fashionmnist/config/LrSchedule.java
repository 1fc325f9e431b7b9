package dev.fashionmnist.config;

import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.Locale;

/**
 * How the learning rate changes during a run: per epoch ({@link #CONSTANT}, {@link #COSINE}, {@link #STEP}) or per
 * batch ({@link #ONECYCLE}; see {@link #perBatch()}).
 */
public enum LrSchedule {
    /** The same rate in every epoch. */
    CONSTANT,
    /** Cosine annealing from the rate down towards zero over the run's epochs. */
    COSINE,
    /** The rate divided by 10 after each third of the run's epochs. */
    STEP,
    /**
     * One cycle, stepped per batch: a linear warm-up from rate/{@value #ONECYCLE_START_DIVISOR} to the rate over the
     * first {@value #ONECYCLE_WARMUP} of all steps, then cosine annealing down to rate/{@value #ONECYCLE_END_DIVISOR}
     * at the last step.
     */
    ONECYCLE;

    /** The share of a one-cycle run's steps spent warming up. */
    public static final double ONECYCLE_WARMUP = 0.3;
    /** A one-cycle run starts at the rate divided by this. */
    public static final double ONECYCLE_START_DIVISOR = 25;
    /** A one-cycle run ends at the rate divided by this. */
    public static final double ONECYCLE_END_DIVISOR = 1e4;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the rate changes from batch to batch (positions count batches) rather than from epoch to epoch. */
    public boolean perBatch() {
        return this == ONECYCLE;
    }

    /**
     * The rate at position {@code step} (0-based) of a run of {@code totalSteps} starting at {@code base}; a step is
     * an epoch, or a batch for a {@link #perBatch()} schedule.
     */
    public double rate(double base, long step, long totalSteps) {
        return switch (this) {
            case CONSTANT -> base;
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, totalSteps)));
            case STEP -> base * Math.pow(0.1, step / Math.max(1, (totalSteps + 2) / 3));
            case ONECYCLE -> oneCycle(base, step, totalSteps);
        };
    }

    /**
     * The rate for batch {@code batch} (0-based) of epoch {@code epoch} (1-based) in a run of {@code lastEpoch} epochs
     * of {@code batchesPerEpoch} batches: the epoch's rate, or the batch's for a {@link #perBatch()} schedule.
     */
    public double rate(double base, int epoch, int batch, int batchesPerEpoch, int lastEpoch) {
        return perBatch()
                ? rate(base, (long) (epoch - 1) * batchesPerEpoch + batch, (long) lastEpoch * batchesPerEpoch)
                : rate(base, epoch - 1, lastEpoch);
    }

    private static double oneCycle(double base, long step, long totalSteps) {
        long warmup = Math.max(1, Math.round(ONECYCLE_WARMUP * totalSteps));
        double start = base / ONECYCLE_START_DIVISOR;
        if (step < warmup) {
            return start + (base - start) * step / warmup;
        }
        double end = base / ONECYCLE_END_DIVISOR;
        double annealed = Math.min(1, (double) (step - warmup) / Math.max(1, totalSteps - 1 - warmup));
        return end + (base - end) * 0.5 * (1 + Math.cos(Math.PI * annealed));
    }

    public static LrSchedule parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (LrSchedule s : values()) {
            if (s.name().equals(wanted)) {
                return s;
            }
        }
        throw new ConfigurationException(Messages.of("train.settings.lrSchedule", String.valueOf(text)));
    }
}
