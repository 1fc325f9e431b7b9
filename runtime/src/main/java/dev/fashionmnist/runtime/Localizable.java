package dev.fashionmnist.runtime;

/**
 * A problem whose text exists in every {@link Language}: its {@code getMessage()} is the English one.
 *
 * @since 0.1.0
 */
public interface Localizable {
    /**
     * What is wrong, to be worded in the reader's language.
     *
     * @return the message; {@link Message#in(Language)} words it
     */
    Message message();
}
