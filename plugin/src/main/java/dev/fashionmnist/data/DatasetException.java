package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Problem;

/**
 * A problem with a dataset, its configuration or one of its files, worded for the user: the message names
 * the parameter or file, what is wrong and what would be right. Never shown with a stack trace:
 * {@code getMessage()} in English, {@link #message()} in any language.
 */
public class DatasetException extends Problem {
    private static final long serialVersionUID = 1L;

    public DatasetException(Message message) {
        super(message);
    }

    public DatasetException(Message message, Throwable cause) {
        super(message, cause);
    }
}
