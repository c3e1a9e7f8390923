package io.feedbackloop.notifier.messaging;

import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.feedbackloop.notifier.events.ContactGiven;
import io.feedbackloop.notifier.mapping.ContactMapper;
import io.feedbackloop.notifier.service.ContactDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Fills the contact directory from {@code customer.contact.v1}: each event once (processed-event
 * table), its email, phone and name opened with the customer's key by the kit's consumer (an event
 * sealed with a destroyed key, about an erased customer, stores nothing).
 */
@ApplicationScoped
public class ContactConsumer {

    private static final String CONSUMER = "contact-directory";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ContactDirectory directory;

    @Incoming("customer-contact")
    public void onContact(ConsumerRecord<String, String> record) {
        consumer.consume(record, ContactGiven.class, CONSUMER,
                e -> directory.remember(ContactMapper.toObservedContact(e.data())));
    }
}
