package io.feedbackloop.notifier.model;

import java.util.Map;
import java.util.UUID;

/**
 * One message as a provider receives it. {@code id} is its idempotency key everywhere: the
 * {@code X-Followup-Id} and {@code Message-ID} of an email, the {@code Idempotency-Key} of an SMS
 * or webhook call, so a provider that deduplicates drops a resend after a crash.
 */
public record OutgoingMessage(UUID id, String kind, String to, String subject, String text, String html,
                              String unsubscribeUrl, Map<String, Object> metadata) {
}
