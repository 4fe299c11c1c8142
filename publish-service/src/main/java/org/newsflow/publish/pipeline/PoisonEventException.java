package org.newsflow.publish.pipeline;

/** An input event that can never be processed; it goes to the dead-letter topic with this message as reason. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
