package dev.fashionmnist.fork;

import dev.fashionmnist.train.Cancellation;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a long training fork, for {@link ForkLifetimeTest}: says "ready PID" and then blocks forever.
 * {@code watching} watches its parent as {@link ForkMain} does; {@code deaf} ignores it, so that only the
 * launcher's shutdown hook can stop it.
 */
public final class StubFork {
    private StubFork() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args[0].equals("watching")) {
            ParentWatch.start(new Cancellation(), System.in);
        } else if (!args[0].equals("deaf")) {
            throw new IllegalArgumentException(args[0]);
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println(ForkProtocol.format(ForkProtocol.Kind.INFO, "ready " + ProcessHandle.current().pid()));
        new CountDownLatch(1).await();
    }
}
