package dev.fashionmnist.text;

import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;

/**
 * Something the user can fix, worded for them: the message names the parameter or file, what is wrong and what would
 * be right. The plugin's own worded exceptions extend it; a goal shows it as one line, never with a stack trace.
 * {@code getMessage()} is English, {@link #message()} words it in the reader's language.
 */
public class Problem extends RuntimeException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public Problem(Message message) {
        this(message, null);
    }

    public Problem(Message message, Throwable cause) {
        super(message.toString(), cause);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
