package dev.fashionmnist.fork;

import dev.fashionmnist.io.FolderLock;
import dev.fashionmnist.text.BuildLog;
import dev.fashionmnist.text.Problem;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Another build, for {@link OutputFolderLockTest}: takes the output folder (args: folder, lockTimeout), says
 * "locked", holds it until its standard input ends, then says "released". A refusal is printed as "failed: ...".
 */
public final class HoldOutputFolder {
    private HoldOutputFolder() {
    }

    public static void main(String[] args) throws IOException {
        FolderLock lock;
        try {
            lock = OutputFolderLock.acquire(Path.of(args[0]), Integer.parseInt(args[1]), BuildLog.console());
        } catch (Problem e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("locked");
        System.in.readAllBytes();
        lock.close();
        System.out.println("released");
    }
}
