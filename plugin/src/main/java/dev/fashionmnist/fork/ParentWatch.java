package dev.fashionmnist.fork;

import dev.fashionmnist.train.Cancellation;
import java.io.IOException;
import java.io.InputStream;

/**
 * The fork's side of "never outlive the build": the launcher keeps a pipe to the fork's standard input open, so end
 * of input means the Maven JVM is gone (even after kill -9); the parent process's exit is watched too. Either stops
 * the work through {@link Cancellation} (which waits for a model rename under way) and halts the JVM. A shutdown
 * of the fork's own JVM (SIGTERM from the launcher's shutdown hook) cancels as well, so it never renames a model.
 */
final class ParentWatch {
    /** The fork's exit code when it stopped because its parent is gone; nobody is left to read it. */
    static final int PARENT_GONE = 4;

    private ParentWatch() {
    }

    static void start(Cancellation cancellation, InputStream fromParent) {
        Thread stdin = new Thread(() -> {
            drain(fromParent);
            stop(cancellation);
        }, "fashionmnist-parent-watch");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> stop(cancellation)));
        Runtime.getRuntime().addShutdownHook(new Thread(cancellation::cancel, "fashionmnist-cancel"));
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the launcher writes nothing; end of input is the message
            }
        } catch (IOException e) {
            // a broken pipe means the same: the parent is gone
        }
    }

    private static void stop(Cancellation cancellation) {
        cancellation.cancel();
        Runtime.getRuntime().halt(PARENT_GONE);
    }
}
