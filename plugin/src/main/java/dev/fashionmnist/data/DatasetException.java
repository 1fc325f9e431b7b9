package dev.fashionmnist.data;

/**
 * A problem with a dataset, its configuration or one of its files, worded for the user: the message names
 * the parameter or file, what is wrong and what would be right. Never shown with a stack trace.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
