package io.feedbackloop.notifier.model;

import java.time.Instant;
import java.util.UUID;

/** How to reach a customer, as they gave it with one feedback, at {@code observedAt}. */
public record ObservedContact(UUID feedbackId, CustomerContact contact, Instant observedAt) {
}
