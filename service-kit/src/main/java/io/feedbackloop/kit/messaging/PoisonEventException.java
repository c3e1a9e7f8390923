package io.feedbackloop.kit.messaging;

/**
 * An event that can never be processed however often it is retried (unreadable JSON, missing
 * CloudEvents id, a required field absent). It goes to the topic's dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
