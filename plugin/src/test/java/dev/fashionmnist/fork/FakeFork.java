package dev.fashionmnist.fork;

import dev.fashionmnist.results.EpochProgress;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A stand-in for the training fork, for {@link ForkProtocolTest}: behaves as its single argument says. */
public final class FakeFork {
    private FakeFork() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        switch (args[0]) {
            case "ok" -> {
                out.println("an ordinary line from PyTorch");
                out.println(ForkProtocol.format(ForkProtocol.Kind.INFO, "Training mlp\nfor 1 epoch"));
                out.println(ForkProtocol.format(ForkProtocol.Kind.WARN, "careful: C:\\temp"));
                out.println(ForkProtocol.format(ForkProtocol.Kind.DEBUG, "a detail"));
                out.println(ForkProtocol.progress(new EpochProgress(1, 1, 30, 60, 1.5, 0.5, 0.75)));
                out.println(ForkProtocol.format(ForkProtocol.Kind.PROGRESS, "half way"));
                out.flush();
                System.exit(0);
            }
            case "error" -> {
                out.println("an ordinary line before the error");
                out.println(ForkProtocol.format(ForkProtocol.Kind.ERROR, "Parameter 'epochs' is 0:\ntrain at least 1"));
                out.flush();
                System.exit(2);
            }
            case "crash" -> {
                for (int i = 1; i <= 30; i++) {
                    out.printf("out-%02d%n", i);
                }
                out.flush();
                Runtime.getRuntime().halt(134);
            }
            case "exit3" -> {
                out.println("only this");
                out.flush();
                System.exit(3);
            }
            case "environment" -> {
                out.println(ForkProtocol.format(ForkProtocol.Kind.INFO, "LD_LIBRARY_PATH=" + System.getenv(
                        "LD_LIBRARY_PATH") + " PYTORCH_FLAVOR=" + System.getProperty("PYTORCH_FLAVOR")));
                out.flush();
                System.exit(0);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
