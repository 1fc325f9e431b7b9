package dev.fashionmnist.text;

import dev.fashionmnist.runtime.Message;

/**
 * A parameter value that cannot be used (a negative learning rate, an unknown optimizer, a malformed gate or sweep
 * grid): the message names the parameter, the value and what is allowed.
 */
public class ConfigurationException extends Problem {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(Message message) {
        super(message);
    }
}
