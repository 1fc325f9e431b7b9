package dev.fashionmnist.model;

/**
 * A wrong model or training configuration, or a model file that does not fit it; the message names the
 * parameter or file, the value, and what is allowed. Never shown with a stack trace.
 */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
