package dev.fashionmnist.report;

/** Where the core writes what the user should see; the Maven goals pass their own log, tests a recording one. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that prints INFO and WARN to standard output, for use outside Maven. */
    static BuildLog console() {
        return new BuildLog() {
            @Override
            public void info(String message) {
                System.out.println("[INFO] " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("[WARNING] " + message);
            }

            @Override
            public void debug(String message) {
            }
        };
    }
}
