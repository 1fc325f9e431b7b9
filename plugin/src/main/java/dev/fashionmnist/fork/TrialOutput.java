package dev.fashionmnist.fork;

import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The output of concurrent sweep forks, in trial order, so that the log reads as a sequential sweep's: the lines of
 * the first trial not yet finished (the live one) are shown as they come, with its progress; the lines of later
 * trials are held and shown once every trial before them has finished. Each line names its trial ("[trial 2/4] ...")
 * because held lines arrive in bursts and a user may grep one trial's lines. A trial is finished when its fork starts
 * another one or ends. Thread-safe: each slot's reader thread calls in through its {@link #slot(int)}.
 */
final class TrialOutput {
    private final BuildLog log;
    private final ForkLauncher.Progress progress;
    private final List<String> tags;
    /** Lines of trials that are not live yet, by trial place, each a write to the log. */
    private final Map<Integer, List<Consumer<BuildLog>>> held = new HashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    /** The place of the live trial. */
    private int live;

    /**
     * @param tags     each trial's name in the lines' prefix, by place in the sweep job (e.g. "2/4")
     * @param progress where the live trial's progress goes, given a log whose lines name the live trial
     */
    TrialOutput(BuildLog log, Function<BuildLog, ForkLauncher.Progress> progress,
                List<String> tags) {
        this.log = log;
        this.tags = List.copyOf(tags);
        this.progress = progress.apply(new Tagged(log, () -> live < this.tags.size() ? this.tags.get(live) : null));
    }

    /** The log and progress for one more fork, which passes them to {@link ForkLauncher#run}. */
    Slot slot() {
        return new Slot();
    }

    /** Shows whatever is still held, in trial order (trials that never started, after a failure, have nothing). */
    synchronized void finish() {
        progress.clear();
        held.keySet().stream().sorted().forEach(place -> held.get(place).forEach(line -> line.accept(log)));
        held.clear();
        live = tags.size();
    }

    private synchronized void line(int trial, Consumer<BuildLog> write) {
        if (trial < 0 || trial == live) {
            progress.clear();
            write.accept(trial < 0 ? log : new Tagged(log, () -> tags.get(trial)));
        } else {
            BuildLog tagged = new Tagged(log, () -> tags.get(trial));
            held.computeIfAbsent(trial, t -> new ArrayList<>()).add(l -> write.accept(tagged));
        }
    }

    private synchronized void show(int trial, EpochProgress p) {
        if (trial == live) {
            progress.show(p);
        }
    }

    private synchronized void finished(int trial) {
        if (trial < 0) {
            return;
        }
        finished.add(trial);
        while (finished.contains(live)) {
            live++;
            List<Consumer<BuildLog>> lines = held.remove(live);
            if (lines != null) {
                progress.clear();
                lines.forEach(line -> line.accept(log));
            }
        }
    }

    /** One fork's side: its lines belong to the trial it announced last (none before the first). */
    final class Slot implements BuildLog, ForkLauncher.Progress {
        private volatile int trial = -1;

        @Override
        public void info(String message) {
            line(trial, l -> l.info(message));
        }

        @Override
        public void warn(String message) {
            line(trial, l -> l.warn(message));
        }

        @Override
        public void debug(String message) {
            line(trial, l -> l.debug(message));
        }

        @Override
        public Language language() {
            return log.language();
        }

        @Override
        public void show(EpochProgress p) {
            TrialOutput.this.show(trial, p);
        }

        @Override
        public void clear() {
            // cleared before each line written, whichever fork's line it is
        }

        @Override
        public void trialStarted(int place) {
            finished(trial);
            trial = place;
        }

        /** The fork has ended: its last trial is finished. */
        void ended() {
            finished(trial);
            trial = -1;
        }
    }

    /** A log whose lines start with the name of a trial; unchanged while there is none. */
    private record Tagged(BuildLog log, Supplier<String> tag) implements BuildLog {
        @Override
        public void info(String message) {
            log.info(prefixed(message, log.language()));
        }

        @Override
        public void warn(String message) {
            log.warn(prefixed(message, log.language()));
        }

        @Override
        public void debug(String message) {
            log.debug(prefixed(message, Language.ENGLISH));
        }

        @Override
        public Language language() {
            return log.language();
        }

        private String prefixed(String message, Language language) {
            String t = tag.get();
            return t == null ? message : Messages.text(language, "engine.fork.trialLine", t, message);
        }
    }
}
