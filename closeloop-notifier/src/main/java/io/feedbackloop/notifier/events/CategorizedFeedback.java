package io.feedbackloop.notifier.messaging;

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

    /** A promoter (NPS 9–10) or a delighted CSAT answer: someone who might say so publicly. */
    public boolean isPromoter() {
        return scores != null && scores.stream().anyMatch(s -> "promoter".equals(s.scoreClass()))
                && scores.stream().noneMatch(s -> "detractor".equals(s.scoreClass()) || "bad".equals(s.scoreClass()));
    }
}
