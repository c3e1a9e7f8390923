package io.feedbackloop.notifier.events;

import jakarta.validation.constraints.NotBlank;

/**
 * The customer as categorize's and action's events name them: a reference, their language and
 * (optionally, IANA id) time zone. These events carry no contact data: the address comes from
 * {@code customer.contact.v1} ({@link ContactGiven}). Contact fields an old record may still carry
 * are not read.
 */
public record Customer(@NotBlank String id, String locale, String timeZone, String segment) {
}
