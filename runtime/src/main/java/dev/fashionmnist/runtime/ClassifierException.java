package dev.fashionmnist.runtime;

/**
 * A model that cannot be used: none or several on the class path, a damaged or edited model directory, parameters
 * that do not fit the network, an unreadable image, missing PyTorch natives. The message says what is wrong, with
 * which file, and what would be right; it is meant to be shown as it is, without a stack trace.
 */
public class ClassifierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClassifierException(String message) {
        super(message);
    }

    public ClassifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
