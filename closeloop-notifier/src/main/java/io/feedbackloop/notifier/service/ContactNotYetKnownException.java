package io.feedbackloop.notifier.service;

import io.feedbackloop.kit.privacy.KeyNotYetDeliveredException;

/**
 * A message is owed to a customer whose contact has not arrived yet: {@code customer.contact.v1} is
 * another topic and may lag behind the event that owes the message. Like a data key not delivered
 * yet, it passes by itself, so the kit's consumer retries the event (its transient failures include
 * {@link KeyNotYetDeliveredException} and what extends it) instead of dead-lettering it; the wait is
 * bounded by {@code followup.contact-wait}.
 */
public class ContactNotYetKnownException extends KeyNotYetDeliveredException {

    public ContactNotYetKnownException(String message) {
        super(message);
    }
}
