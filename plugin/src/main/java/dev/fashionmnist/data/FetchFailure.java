package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Message;

/** Why one source could not deliver one file; {@link #isNotFound()} means the source simply lacks it. */
final class FetchFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;
    private final transient Message reason;

    FetchFailure(Message reason, boolean notFound) {
        super(reason.toString(), null, false, false);
        this.reason = reason;
        this.notFound = notFound;
    }

    static FetchFailure notFound(Message reason) {
        return new FetchFailure(reason, true);
    }

    static FetchFailure failed(Message reason) {
        return new FetchFailure(reason, false);
    }

    /** Why, in any language ({@code getMessage()} is the English text). */
    Message reason() {
        return reason;
    }

    boolean isNotFound() {
        return notFound;
    }
}
