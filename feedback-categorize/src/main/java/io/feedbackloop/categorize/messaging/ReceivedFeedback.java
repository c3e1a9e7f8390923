package io.feedbackloop.categorize.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code feedback.received.v1} (published by feedback-ingest). */
public record ReceivedFeedback(@NotNull UUID feedbackId, Instant receivedAt, String channel,
                               @NotNull @Valid Customer customer, @Min(0) @Max(10) Integer npsScore, String text) {

    public record Customer(@NotBlank String id, String email, String name, String locale) {
    }
}
