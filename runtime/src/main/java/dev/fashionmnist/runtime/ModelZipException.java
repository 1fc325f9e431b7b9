package dev.fashionmnist.runtime;

import java.io.IOException;

/** A model zip that {@link ModelZip} refuses: its {@code getMessage()} is English, {@link #message()} any language. */
public class ModelZipException extends IOException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public ModelZipException(Message message) {
        super(message.toString());
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
