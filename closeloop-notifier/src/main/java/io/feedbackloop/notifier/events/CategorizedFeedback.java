package io.feedbackloop.notifier.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** This service's reading of {@code feedback.categorized.v1} (published by feedback-categorize). */
public record CategorizedFeedback(@NotNull UUID feedbackId, @NotNull @Valid Customer customer, String text,
                                  List<Score> scores, Instant respondedAt) {

    public record Score(String metric, Integer value, String scoreClass) {
    }
}
