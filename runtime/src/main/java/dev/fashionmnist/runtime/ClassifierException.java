package dev.fashionmnist.runtime;

/**
 * A model that cannot be used: none or several on the class path, a damaged or edited model directory, parameters
 * that do not fit the network, an unreadable image, missing PyTorch natives. The message says what is wrong, with
 * which file, and what would be right; it is meant to be shown as it is, without a stack trace: {@code getMessage()}
 * in English, {@link #message()} in any {@link Language}.
 *
 * @since 0.1.0
 */
public class ClassifierException extends RuntimeException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    /**
     * A problem worded by {@code message}.
     *
     * @param message what is wrong; {@code getMessage()} is its English text
     */
    public ClassifierException(Message message) {
        super(message.toString());
        this.message = message;
    }

    /**
     * A problem worded by {@code message} that {@code cause} brought about.
     *
     * @param message what is wrong; {@code getMessage()} is its English text
     * @param cause   the exception behind it, kept for a stack trace
     */
    public ClassifierException(Message message, Throwable cause) {
        super(message.toString(), cause);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
