package dev.fashionmnist.results;

import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;
import java.io.IOException;

/**
 * A file of earlier results (sweep.csv, the JUnit report) that cannot be read as one: the message names the file and
 * what is wrong with it; {@code getMessage()} in English, {@link #message()} in any language.
 */
public final class ResultsFileException extends IOException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public ResultsFileException(Message message) {
        super(message.toString());
        this.message = message;
    }

    public ResultsFileException(Message message, Throwable cause) {
        super(message.toString(), cause);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
