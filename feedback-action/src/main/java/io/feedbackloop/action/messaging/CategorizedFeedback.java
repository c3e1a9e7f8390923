package io.feedbackloop.action.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code feedback.categorized.v1} (published by feedback-categorize). */
public record CategorizedFeedback(@NotNull UUID feedbackId, Instant categorizedAt, String channel,
                                  @NotNull @Valid Customer customer, Integer npsScore, String npsClass, String text) {

    public record Customer(@NotBlank String id, String email, String name, String locale) {
    }
}
