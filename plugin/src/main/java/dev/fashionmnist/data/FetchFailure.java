package dev.fashionmnist.data;

/** Why one source could not deliver one file; {@link #isNotFound()} means the source simply lacks it. */
final class FetchFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;

    FetchFailure(String reason, boolean notFound) {
        super(reason, null, false, false);
        this.notFound = notFound;
    }

    static FetchFailure notFound(String reason) {
        return new FetchFailure(reason, true);
    }

    static FetchFailure failed(String reason) {
        return new FetchFailure(reason, false);
    }

    boolean isNotFound() {
        return notFound;
    }
}
