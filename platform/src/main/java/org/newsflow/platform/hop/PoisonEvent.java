package org.newsflow.platform.hop;

/** An input event that can never be processed; it goes to the dead-letter topic with this message as its reason. */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason);
    }

    public PoisonEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
