package dev.fashionmnist.config;

import dev.fashionmnist.text.ConfigurationException;
import dev.fashionmnist.text.Messages;
import java.util.Locale;

/** The optimizers the plugin offers. */
public enum OptimizerKind {
    SGD, ADAM, ADAMW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OptimizerKind parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (OptimizerKind k : values()) {
            if (k.name().equals(wanted)) {
                return k;
            }
        }
        throw new ConfigurationException(Messages.of("train.settings.optimizer", String.valueOf(text)));
    }
}
