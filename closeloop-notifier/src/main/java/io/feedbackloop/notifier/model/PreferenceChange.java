package io.feedbackloop.notifier.model;

/** A change of a customer's preferences: only the fields given change; email and sms are {@link Consent} words. */
public record PreferenceChange(String timeZone, String email, String sms, String changedBy) {
}
