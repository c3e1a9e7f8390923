package io.feedbackloop.ingest.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code customer.contact.v1} (schema: {@code /schemas/customer.contact.v1.json}): how to
 * reach the customer, as given with one feedback. Published with every {@code feedback.received.v1}
 * (in the same transaction), also when no contact was given (then email, phone and name are null).
 * Only closeloop-notifier reads it; the rest of the loop works with the customer id. Key: the
 * customer id.
 */
public record CustomerContactEvent(String customerId, UUID feedbackId, Instant observedAt, String email,
                                   String phone, String name, String locale, String timeZone) {

    public static final String TOPIC = "customer.contact.v1";
    public static final String TYPE = "feedbackloop.customer.contact.v1";
}
