package dev.fashionmnist.runtime;

/** A problem whose text exists in every {@link Language}: its {@code getMessage()} is the English one. */
public interface Localizable {
    /** What is wrong, to be worded in the reader's language. */
    Message message();

    /**
     * What {@code problem} says, as an argument of another {@link Message}: its message where it is
     * {@link Localizable}, else its own text (worded by a library, in English).
     */
    static Object reason(Throwable problem) {
        if (problem instanceof Localizable l && l.message() != null) {
            return l.message();
        }
        return problem.getMessage() != null ? problem.getMessage() : problem.toString();
    }
}
