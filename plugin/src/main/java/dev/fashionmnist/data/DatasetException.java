package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;

/**
 * A problem with a dataset, its configuration or one of its files, worded for the user: the message names
 * the parameter or file, what is wrong and what would be right. Never shown with a stack trace:
 * {@code getMessage()} in English, {@link #message()} in any language.
 */
public class DatasetException extends RuntimeException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public DatasetException(Message message) {
        this(message, null);
    }

    public DatasetException(Message message, Throwable cause) {
        super(message.toString(), cause);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
