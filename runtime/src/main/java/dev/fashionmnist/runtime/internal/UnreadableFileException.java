package dev.fashionmnist.runtime.internal;

import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;
import java.io.IOException;

/**
 * A file that cannot be read as what it should be: a model zip that {@link ModelZip} refuses, a missing or malformed
 * JSON file of the plugin. {@code getMessage()} is English, {@link #message()} any language.
 */
public class UnreadableFileException extends IOException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public UnreadableFileException(Message message) {
        super(message.toString());
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
