package dev.fashionmnist.train;

import dev.fashionmnist.model.ModelException;
import dev.fashionmnist.report.Messages;
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
        throw new ModelException(Messages.of("train.settings.optimizer", String.valueOf(text)));
    }
}
