package dev.fashionmnist.data;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Localizable;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;

/**
 * A class of a dataset as an argument of a {@link Message}: worded in the message's language. Fashion-MNIST's classes
 * have German names; in English, and for every other dataset, the class keeps the dataset's own {@code name} (the
 * CSVs' name, which is data). {@code dataset} may be {@code null} (not known).
 */
public record ClassName(String dataset, int index, String name) implements Localizable {

    @Override
    public Message message() {
        String key = "class." + dataset + "." + index;
        if (DatasetCatalog.FASHION_MNIST.equals(dataset) && Message.exists(Messages.BUNDLE, key)
                && Message.pattern(Messages.BUNDLE, key, Language.ENGLISH).equals(name)) {
            return Messages.of(key);
        }
        return Message.literal(name);
    }

    /** The name in {@code language}. */
    public String in(Language language) {
        return message().in(language);
    }

    /** The dataset's own name (English). */
    @Override
    public String toString() {
        return name;
    }
}
