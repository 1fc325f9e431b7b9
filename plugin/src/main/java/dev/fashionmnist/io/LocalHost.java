package dev.fashionmnist.io;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The machine this build runs on, as the reports and the model cache name it. */
public final class LocalHost {
    private LocalHost() {
    }

    /** This machine's name as JUnit's XML gives it; {@code localhost} when it cannot be found. */
    public static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            return "localhost";
        }
    }
}
