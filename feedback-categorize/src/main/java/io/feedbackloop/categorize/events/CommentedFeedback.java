package io.feedbackloop.categorize.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code feedback.commented.v1}: the words that came after the score. */
public record CommentedFeedback(@NotNull UUID feedbackId, @NotNull Instant commentedAt, String channel,
                                @NotBlank String text, String language) {
}
