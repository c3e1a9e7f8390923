package io.feedbackloop.ingest.model;

import java.time.Instant;

/** What a feedback listing is narrowed to; null means "any". {@code to} is exclusive. */
public record FeedbackFilter(Instant from, Instant to, String channel, String touchpoint, String customerId) {
}
