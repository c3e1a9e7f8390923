package io.feedbackloop.categorize.rest;

import java.time.Instant;
import java.util.UUID;

/** A feedback's categorization as ops see it. */
public record CategorizationView(UUID feedbackId, String channel, Integer npsScore, String npsClass, String text,
                                 Instant categorizedAt) {
}
