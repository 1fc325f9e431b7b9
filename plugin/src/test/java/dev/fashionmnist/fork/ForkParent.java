package dev.fashionmnist.fork;

import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.text.BuildLog;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays the Maven JVM for {@link ForkLifetimeTest}: runs {@link StubFork} (args: its mode), or the real
 * {@link ForkMain} (args: train JOB.json), through {@link ForkLauncher}, printing the fork's log to standard output.
 */
public final class ForkParent {
    private ForkParent() {
    }

    public static void main(String[] args) {
        List<Path> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classpath.add(Path.of(entry));
            }
        }
        try {
            ForkLauncher.Request request = args[0].equals(ForkMain.TRAIN)
                    ? new ForkLauncher.Request(classpath, List.of("-Xmx1g"), Map.of(), ForkMain.class.getName(),
                    List.of(args))
                    : new ForkLauncher.Request(classpath, List.of("-Xmx32m"), Map.of(), StubFork.class.getName(),
                    List.of(args[0]));
            ForkLauncher.run(request, BuildLog.console(), ForkLauncher.Progress.NONE);
            System.out.println("fork ended");
        } catch (ClassifierException e) {
            System.out.println("fork failed: " + e.getMessage());
        }
    }
}
