package dev.fashionmnist.train;

import dev.fashionmnist.model.ModelException;
import java.util.Locale;

/** How the learning rate changes from epoch to epoch. */
public enum LrSchedule {
    /** The same rate in every epoch. */
    CONSTANT,
    /** Cosine annealing from the rate down towards zero over the run's epochs. */
    COSINE,
    /** The rate divided by 10 after each third of the run's epochs. */
    STEP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The rate for epoch {@code epoch} (0-based) of a run of {@code totalEpochs} epochs starting at {@code base}.
     */
    public double rate(double base, int epoch, int totalEpochs) {
        return switch (this) {
            case CONSTANT -> base;
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, totalEpochs)));
            case STEP -> base * Math.pow(0.1, epoch / Math.max(1, (totalEpochs + 2) / 3));
        };
    }

    public static LrSchedule parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (LrSchedule s : values()) {
            if (s.name().equals(wanted)) {
                return s;
            }
        }
        throw new ModelException("Parameter 'lrSchedule' is '" + text + "': use constant, cosine or step");
    }
}
