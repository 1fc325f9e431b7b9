package dev.fashionmnist.fork;

import dev.fashionmnist.engine.EngineException;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.train.SweepJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A sweep's trials in several engine JVMs at once ({@code parallelTrials}): one fork per slot, each with its own
 * device and PyTorch thread count, each given all trials and taking the next unclaimed one whenever it is free
 * ({@link SweepJob#claims()}), so the trials start in trial order and a long trial does not hold up the others.
 *
 * <p>Why one JVM per slot rather than concurrent trials in one engine JVM: PyTorch's random generator is one per
 * process, and the training seeds it per run and per epoch ({@code Engine.setRandomSeed}); two trials in one process
 * would draw their initial weights and dropout masks from it in an order that depends on timing, so the same seeds
 * would no longer give the same models. PyTorch's intra-op thread count is process-wide too ({@code
 * torch.set_num_threads}, read once from {@code ai.djl.pytorch.num_threads} when DJL starts the engine), and a trial's
 * results depend on it in the last bits (measured: an mlp's parameters differ between 1 and 2 threads): in a JVM of
 * its own, each trial gets a fixed count whatever the others do. A native crash takes down one slot only. The cost:
 * each JVM decodes the data and holds it once, in native memory outside the Java heap ({@link EngineJvm} sizes both),
 * besides PyTorch's own memory (measured: 250 to 330 MiB resident per JVM for small mlp trials).
 */
public final class ParallelSweep {
    private ParallelSweep() {
    }

    /**
     * Runs one fork per request at the same time and waits for all; the forks' lines are shown in trial order
     * ({@link TrialOutput}). When a fork fails, the others take no further trial ({@link SweepJob#STOP} in
     * {@code claims}) but finish the one they train; then the first failure is thrown.
     *
     * @param tags     each trial's name for its lines, by place in the sweep job (e.g. "2/4")
     * @param progress where the live trial's progress goes, given a log whose lines name that trial
     */
    public static void run(List<ForkLauncher.Request> requests, List<String> tags, Path claims, BuildLog log,
                           Function<BuildLog, ForkLauncher.Progress> progress) {
        TrialOutput output = new TrialOutput(log, progress, tags);
        List<RuntimeException> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ForkLauncher.Request request = requests.get(i);
            TrialOutput.Slot slot = output.slot();
            Thread thread = new Thread(() -> {
                try {
                    ForkLauncher.run(request, slot, slot);
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    stop(claims, log);
                } finally {
                    slot.ended();
                }
            }, "fashionmnist-trials-" + (i + 1));
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    // the forks end on their own or with Maven (their shutdown hooks); take no further trial
                    interrupted = true;
                    stop(claims, log);
                }
            }
        }
        output.finish();
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new EngineException(Messages.of("engine.fork.interrupted"));
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void stop(Path claims, BuildLog log) {
        try {
            Files.createDirectories(claims);
            Files.writeString(claims.resolve(SweepJob.STOP), "");
        } catch (IOException e) {
            log.debug("could not write " + claims.resolve(SweepJob.STOP) + ": " + e);
        }
    }
}
