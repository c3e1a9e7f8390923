package io.feedbackloop.notifier.service;

import io.feedbackloop.kit.messaging.NotDeliveredYetException;

/**
 * A message is owed to a customer whose contact has not arrived yet: {@code customer.contact.v1} is
 * another topic and may lag behind the event that owes the message. It passes by itself, so the
 * kit's consumer retries the event instead of dead-lettering it; the wait is bounded by
 * {@code followup.contact-wait}.
 */
public class ContactNotYetKnownException extends NotDeliveredYetException {

    public ContactNotYetKnownException(String message) {
        super(message);
    }
}
