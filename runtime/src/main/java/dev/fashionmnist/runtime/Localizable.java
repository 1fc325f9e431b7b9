package dev.fashionmnist.runtime;

/** A problem whose text exists in every {@link Language}: its {@code getMessage()} is the English one. */
public interface Localizable {
    /** What is wrong, to be worded in the reader's language. */
    Message message();
}
