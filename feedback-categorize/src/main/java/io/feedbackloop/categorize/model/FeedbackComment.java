package io.feedbackloop.categorize.model;

import java.time.Instant;
import java.util.UUID;

/** The customer's words that came after their score, on a topic of their own. */
public record FeedbackComment(UUID feedbackId, Instant commentedAt, String text, String language) {
}
