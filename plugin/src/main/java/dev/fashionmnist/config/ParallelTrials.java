package dev.fashionmnist.config;

import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * How many trials of a sweep train at the same time ({@code parallelTrials}), and on what each concurrent slot runs:
 * its device and its PyTorch thread count. Each slot is an engine JVM of its own (see the fork package's
 * {@code ParallelSweep} for why), which trains one trial after another.
 *
 * @param count how many trials train at a time, from 1
 */
public record ParallelTrials(int count) {

    /** What one concurrent slot runs on. */
    public record Slot(int index, int gpuIndex, int threads) {
        /** The device in the plugin's words: {@code cpu} or {@code gpu:N}. */
        public String deviceName() {
            return gpuIndex < 0 ? "cpu" : "gpu:" + gpuIndex;
        }
    }

    /**
     * {@code text} as a count for a sweep that trains {@code trainings} runs: a whole number from 1 to that (or 1 when
     * nothing is to be trained); anything else is refused with one message naming the parameter. Empty: 1.
     */
    public static ParallelTrials parse(String text, long trainings) {
        if (text == null || text.isBlank()) {
            return new ParallelTrials(1);
        }
        long most = Math.max(1, trainings);
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= most) {
                return new ParallelTrials(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(Messages.of("train.sweep.parallelTrials", text, most));
    }

    /** Whether trials train concurrently. */
    public boolean concurrent() {
        return count > 1;
    }

    /**
     * The slots for {@code jobs} trainings (at most {@link #count}, never more than there are trainings). Devices: on
     * the CPU ({@code gpuIndex} -1) every slot; with the GPU {@code gpu:N} that the user named ({@code pinned}) every
     * slot shares that one; else slot i takes {@code gpu:(i mod gpuCount)}, one trial per GPU while there are as many
     * GPUs as slots. Threads: the user's {@code threads} when set, else the {@code cores} split between the slots
     * (at least 1 each), so that N concurrent trials do not fight over the cores; PyTorch's results depend on the
     * thread count in the last bits, so a trial trains as a sequential sweep with that many threads would.
     */
    public List<Slot> slots(int jobs, int gpuIndex, boolean pinned, int gpuCount, int cores, int threads) {
        int n = Math.max(1, Math.min(count, jobs));
        int perSlot = threads > 0 ? threads : Math.max(1, cores / n);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int gpu = gpuIndex < 0 ? -1 : pinned ? gpuIndex : i % Math.max(1, gpuCount);
            slots.add(new Slot(i, gpu, perSlot));
        }
        return slots;
    }
}
