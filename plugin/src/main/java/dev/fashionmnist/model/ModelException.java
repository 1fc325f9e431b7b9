package dev.fashionmnist.model;

import dev.fashionmnist.runtime.ClassifierException;
import dev.fashionmnist.runtime.Message;

/**
 * A wrong model or training configuration, or a model file that does not fit it; the message names the
 * parameter or file, the value, and what is allowed. Never shown with a stack trace. The runtime's checks (model
 * directory, parameters, images) throw its {@link ClassifierException}: catch that to handle both. Its
 * {@code getMessage()} is English; {@link #message()} words it in the reader's language.
 */
public class ModelException extends ClassifierException {
    private static final long serialVersionUID = 1L;

    public ModelException(Message message) {
        super(message);
    }

    public ModelException(Message message, Throwable cause) {
        super(message, cause);
    }
}
