package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's reading of {@code customer.contact.v1} (published by feedback-ingest with every
 * accepted feedback): how to reach the customer, as given with that feedback. Email, phone and name
 * are null when none was given; they arrive sealed with the customer's key and are opened on the way in.
 */
public record ContactGiven(@NotBlank String customerId, @NotNull UUID feedbackId, @NotNull Instant observedAt,
                           String email, String phone, String name, String locale, String timeZone) {

    public static final String TOPIC = "customer.contact.v1";
}
