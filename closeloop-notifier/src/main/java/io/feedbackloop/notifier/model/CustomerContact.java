package io.feedbackloop.notifier.model;

/** The customer a message goes to, as the upstream event told us; {@code timeZone} is optional (IANA id). */
public record CustomerContact(String id, String email, String phone, String name, String locale, String timeZone) {
}
