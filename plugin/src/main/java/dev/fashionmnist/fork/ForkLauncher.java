package dev.fashionmnist.fork;

import dev.fashionmnist.engine.EngineException;
import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a forked JVM (as Surefire forks tests): PyTorch's natives can be loaded by only one class
 * loader per JVM, the fork keeps native memory out of Maven, and a native crash becomes a clear goal failure. The
 * fork's protocol lines are passed to the log; an ERROR line is the user-facing reason for a failure.
 */
public final class ForkLauncher {
    private static final int TAIL = 25;

    /**
     * What to run: class path, JVM arguments, system properties, main class and its arguments, and environment
     * variables set for it beside this JVM's (e.g. where the GPU driver's library is).
     */
    public record Request(List<Path> classpath, List<String> jvmArgs, Map<String, String> systemProperties,
                          String mainClass, List<String> args, Map<String, String> environment) {
        /** A request with this JVM's environment. */
        public Request(List<Path> classpath, List<String> jvmArgs, Map<String, String> systemProperties,
                       String mainClass, List<String> args) {
            this(classpath, jvmArgs, systemProperties, mainClass, args, Map.of());
        }
    }

    /** Where the fork's progress goes: a bar, log lines, or nowhere. */
    public interface Progress {
        void show(EpochProgress progress);

        /** Takes the progress off the screen before another line is written (a no-op for log lines). */
        void clear();

        /**
         * A sweep fork starts the trial at place {@code trial} of its job: the lines after this belong to it. Only
         * concurrent trials ({@link ParallelSweep}) need to know.
         */
        default void trialStarted(int trial) {
        }

        /** Shows nothing. */
        Progress NONE = new Progress() {
            @Override
            public void show(EpochProgress progress) {
            }

            @Override
            public void clear() {
            }
        };
    }

    private ForkLauncher() {
    }

    public static List<String> command(Request r) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(r.jvmArgs());
        r.systemProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        StringBuilder cp = new StringBuilder();
        for (Path p : r.classpath()) {
            if (cp.length() > 0) {
                cp.append(java.io.File.pathSeparatorChar);
            }
            cp.append(p.toAbsolutePath());
        }
        cmd.add(cp.toString());
        cmd.add(r.mainClass());
        cmd.addAll(r.args());
        return cmd;
    }

    /**
     * Runs the fork to its end; throws {@link EngineException} with the fork's reason when it fails. The fork never
     * outlives this JVM: its standard input stays an open pipe from here, whose end tells it that this JVM is gone
     * (even after kill -9), and a shutdown hook (Ctrl-C, SIGTERM) stops it while this JVM shuts down.
     */
    public static void run(Request request, BuildLog log, Progress progress) {
        List<String> cmd = command(request);
        log.debug("Forking: " + String.join(" ", cmd));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
            builder.environment().putAll(EngineJvm.allocator(builder.environment()));
            builder.environment().putAll(request.environment());
            process = builder.start();
        } catch (IOException e) {
            throw new EngineException(Messages.of("engine.fork.cannotStart", cmd.get(0), e.getMessage()));
        }
        ForkStopper stopper = new ForkStopper(process);
        Thread hook = new Thread(stopper, "fashionmnist-fork-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            readToEnd(process, log, progress, stopper);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // this JVM is shutting down: the hook is stopping the fork
            }
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                log.debug("closing the training JVM's input: " + e);
            }
        }
    }

    private static void readToEnd(Process process, BuildLog log, Progress progress, ForkStopper stopper) {
        Deque<String> tail = new ArrayDeque<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                ForkProtocol.Message m = ForkProtocol.parse(line);
                if (m == null) {
                    log.debug("[fork] " + line);
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                    continue;
                }
                if (m.kind() == ForkProtocol.Kind.INFO || m.kind() == ForkProtocol.Kind.WARN) {
                    progress.clear();
                }
                switch (m.kind()) {
                    case INFO -> log.info(m.text());
                    case WARN -> log.warn(m.text());
                    case DEBUG -> log.debug(m.text());
                    case PROGRESS -> {
                        EpochProgress p = ForkProtocol.progress(m.text());
                        if (p != null) {
                            progress.show(p);
                        } else {
                            log.debug("[fork] unreadable progress: " + m.text());
                        }
                    }
                    case ERROR -> errors.add(m.text());
                    case TRIAL -> progress.trialStarted(Integer.parseInt(m.text().trim()));
                }
            }
            int exit = process.waitFor();
            progress.clear();
            if (stopper.stopped()) {
                throw new EngineException(Messages.of("engine.fork.stopped"));
            }
            if (!errors.isEmpty()) {
                throw new EngineException(Messages.of("engine.fork.errors", String.join("\n", errors)));
            }
            if (exit != 0) {
                throw new EngineException(Messages.of("engine.fork.exited", exit, exit > 128
                        ? Messages.of("engine.fork.killed", exit - 128) : "", String.join("\n  ", tail)));
            }
        } catch (IOException e) {
            stopper.run();
            throw new EngineException(Messages.of("engine.fork.lost", e.getMessage()));
        } catch (InterruptedException e) {
            stopper.run();
            Thread.currentThread().interrupt();
            throw new EngineException(Messages.of("engine.fork.interrupted"));
        }
    }

    /**
     * Stops the fork: SIGTERM first (its JVM then cancels the training, so no model is renamed into place), after
     * {@link #GRACE_SECONDS} a forcible kill.
     */
    private static final class ForkStopper implements Runnable {
        private static final int GRACE_SECONDS = 10;
        private final Process process;
        private volatile boolean stopped;

        ForkStopper(Process process) {
            this.process = process;
        }

        boolean stopped() {
            return stopped;
        }

        @Override
        public void run() {
            if (!process.isAlive()) {
                return;
            }
            stopped = true;
            process.destroy();
            try {
                if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
