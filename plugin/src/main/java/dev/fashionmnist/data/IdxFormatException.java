package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Message;

/** A file that is not a well-formed IDX file of the expected kind; the message names the file and the fault. */
public class IdxFormatException extends DatasetException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(Message message) {
        super(message);
    }
}
