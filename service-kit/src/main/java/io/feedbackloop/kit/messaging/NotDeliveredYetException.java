package io.feedbackloop.kit.messaging;

/**
 * An event needs something another topic brings (a data key, a customer's contact) that has not
 * arrived yet: topics are not ordered with each other. It passes by itself, so the consumer retries
 * the event instead of dead-lettering it. Services extend it for what they wait for.
 */
public class NotDeliveredYetException extends RuntimeException {

    public NotDeliveredYetException(String message) {
        super(message);
    }
}
