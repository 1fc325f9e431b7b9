package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Problem;

/**
 * The engine cannot run as asked: an unsupported platform, a device that is not there, natives that are missing, or
 * the engine's JVM that could not start or stopped; the message says what to change.
 */
public class EngineException extends Problem {
    private static final long serialVersionUID = 1L;

    public EngineException(Message message) {
        super(message);
    }
}
