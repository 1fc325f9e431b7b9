package dev.fashionmnist.report;

import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;
import java.io.IOException;

/**
 * A file the plugin cannot read back (a missing, empty or malformed JSON file): {@code getMessage()} names it in
 * English, {@link #message()} in any language.
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
