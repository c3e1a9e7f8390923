package io.feedbackloop.notifier.mapping;

import io.feedbackloop.notifier.events.ContactGiven;
import io.feedbackloop.notifier.model.CustomerContact;
import io.feedbackloop.notifier.model.ObservedContact;

/** Reads {@code customer.contact.v1} as the contact it tells the directory. */
public final class ContactMapper {

    private ContactMapper() {
    }

    public static ObservedContact toObservedContact(ContactGiven e) {
        return new ObservedContact(e.feedbackId(), new CustomerContact(e.customerId(), e.email(), e.phone(), e.name(),
                e.locale(), e.timeZone()), e.observedAt());
    }
}
