package io.feedbackloop.kit.privacy;

import io.feedbackloop.kit.messaging.NotDeliveredYetException;

/**
 * An event sealed with a key this service has not learnt yet: {@code customer.keys.v1} is another
 * topic and may lag. It passes by itself, so the consumer retries instead of dead-lettering.
 */
public class KeyNotYetDeliveredException extends NotDeliveredYetException {

    public KeyNotYetDeliveredException(String message) {
        super(message);
    }
}
