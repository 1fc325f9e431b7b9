package dev.fashionmnist.config;

import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.Locale;

/**
 * How the learning rate changes during a run: per epoch ({@link #CONSTANT}, {@link #COSINE}, {@link #STEP}) or per
 * batch ({@link #ONECYCLE}, {@link #WSD}; see {@link #perBatch()}).
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
    ONECYCLE,
    /**
     * Warmup-stable-decay, stepped per batch (Hu et al. 2024, MiniCPM; Hägele et al. 2024, "Scaling Laws and
     * Compute-Optimal Training Beyond Fixed Training Durations"): a linear warm-up from
     * rate/{@value #WSD_START_DIVISOR} to the rate over a fixed number of steps ({@value #WSD_WARMUP_STEPS}, at most
     * {@value #WSD_WARMUP_EPOCH_SHARE} of the first epoch), then the constant rate (the stable phase), then a 1-sqrt
     * decay towards 0 over the last {@value #WSD_DECAY_SHARE} of all steps. Only the decay depends on the run's
     * length: a run that stops early (targetAccuracy) in the stable phase has trained at the plain rate, as a
     * constant schedule would, and holds a model as good as that.
     */
    WSD;

    /** The share of a one-cycle run's steps spent warming up. */
    public static final double ONECYCLE_WARMUP = 0.3;
    /** A one-cycle run starts at the rate divided by this. */
    public static final double ONECYCLE_START_DIVISOR = 25;
    /** A one-cycle run ends at the rate divided by this. */
    public static final double ONECYCLE_END_DIVISOR = 1e4;
    /**
     * The steps (batches) of a warmup-stable-decay run's warm-up. A fixed count, not a share of the run: the warm-up
     * is there to let the first updates (fresh Adam moments, large early gradients) settle, which takes about the
     * same number of updates however long the run is; 200 is a common count for small networks. Capped by
     * {@link #WSD_WARMUP_EPOCH_SHARE}.
     */
    public static final int WSD_WARMUP_STEPS = 200;
    /**
     * The largest share of the first epoch's batches a warmup-stable-decay warm-up takes: a small training set (a few
     * hundred images, a handful of batches per epoch) reaches the rate within its first epoch instead of spending
     * several epochs on {@link #WSD_WARMUP_STEPS}. With all 60,000 images and batches of 64 (938 per epoch) the
     * fixed count applies.
     */
    public static final double WSD_WARMUP_EPOCH_SHARE = 0.25;
    /** A warmup-stable-decay run starts at the rate divided by this. */
    public static final double WSD_START_DIVISOR = 25;
    /**
     * The share of all steps, at the end of a warmup-stable-decay run, over which the rate decays: 20% matched a cosine
     * schedule in Hägele et al. 2024. Even a run of one or two epochs gets its decay within its last epoch.
     */
    public static final double WSD_DECAY_SHARE = 0.2;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the rate changes from batch to batch (positions count batches) rather than from epoch to epoch. */
    public boolean perBatch() {
        return this == ONECYCLE || this == WSD;
    }

    /**
     * The rate at position {@code step} (0-based) of a run of {@code totalSteps} starting at {@code base}; a step is
     * an epoch, or a batch for a {@link #perBatch()} schedule, and then the run is taken as one epoch of
     * {@code totalSteps} batches (what {@link #WSD}'s warm-up depends on).
     */
    public double rate(double base, long step, long totalSteps) {
        return rate(base, step, totalSteps, perBatch() ? totalSteps : 1);
    }

    /**
     * The rate at position {@code step} (0-based) of a run of {@code totalSteps} starting at {@code base}, whose epochs
     * have {@code stepsPerEpoch} steps (1 for a schedule stepped per epoch).
     */
    public double rate(double base, long step, long totalSteps, long stepsPerEpoch) {
        return switch (this) {
            case CONSTANT -> base;
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, totalSteps)));
            case STEP -> base * Math.pow(0.1, step / Math.max(1, (totalSteps + 2) / 3));
            case ONECYCLE -> oneCycle(base, step, totalSteps);
            case WSD -> warmupStableDecay(base, step, totalSteps, stepsPerEpoch);
        };
    }

    /**
     * The rate for batch {@code batch} (0-based) of epoch {@code epoch} (1-based) in a run of {@code lastEpoch} epochs
     * of {@code batchesPerEpoch} batches: the epoch's rate, or the batch's for a {@link #perBatch()} schedule.
     */
    public double rate(double base, int epoch, int batch, int batchesPerEpoch, int lastEpoch) {
        return perBatch()
                ? rate(base, (long) (epoch - 1) * batchesPerEpoch + batch, (long) lastEpoch * batchesPerEpoch,
                        batchesPerEpoch)
                : rate(base, epoch - 1, lastEpoch);
    }

    /** The warm-up steps of a {@link #WSD} run whose epochs have {@code stepsPerEpoch} batches: at least one. */
    public static long wsdWarmupSteps(long stepsPerEpoch) {
        return Math.max(1, Math.min(WSD_WARMUP_STEPS, Math.round(WSD_WARMUP_EPOCH_SHARE * stepsPerEpoch)));
    }

    /** The step at which a {@link #WSD} run of {@code totalSteps} begins to decay: the last step at the latest. */
    public static long wsdDecayStart(long totalSteps) {
        return totalSteps - Math.max(1, Math.round(WSD_DECAY_SHARE * totalSteps));
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

    /**
     * Warm-up (linear, from base/{@value #WSD_START_DIVISOR}; it comes first where a very short run leaves no room),
     * stable, then 1-sqrt decay: the first decay step is still at the rate, the last one just above 0 (the rate over
     * twice the decay's steps, roughly), so that no batch is spent at a rate of 0.
     */
    private static double warmupStableDecay(double base, long step, long totalSteps, long stepsPerEpoch) {
        long warmup = wsdWarmupSteps(stepsPerEpoch);
        if (step < warmup) {
            double start = base / WSD_START_DIVISOR;
            return start + (base - start) * step / warmup;
        }
        long decayStart = wsdDecayStart(totalSteps);
        if (step < decayStart) {
            return base;
        }
        double decayed = Math.min(1, (double) (step - decayStart) / (totalSteps - decayStart));
        return base * (1 - Math.sqrt(decayed));
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
