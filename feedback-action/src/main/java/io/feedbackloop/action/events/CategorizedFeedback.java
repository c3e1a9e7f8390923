package io.feedbackloop.action.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * This service's reading of {@code feedback.categorized.v1} and {@code feedback.recategorized.v1}
 * (both published by feedback-categorize, same body; a recategorization adds {@code change}).
 * Labels are optional here so that events of an older producer are still read. Contact data
 * (customer email, phone, name) is not read: older records may still carry it, it is ignored and
 * never stored (it travels on {@code customer.contact.v1} to the notifier only).
 */
public record CategorizedFeedback(@NotNull UUID feedbackId, Instant categorizedAt, Instant respondedAt,
                                  String channel, String touchpoint, String journeyStage,
                                  @NotNull @Valid Customer customer, Integer npsScore, String npsClass,
                                  List<Score> scores, String text, String language, Label sentiment, Label type,
                                  List<Theme> themes, List<String> urgency, String priority, Change change) {

    public record Customer(@NotBlank String id, String segment, String locale) {
    }

    /** One score on its own scale; scoreClass is promoter/passive/detractor, good/neutral/bad or agree/neutral/disagree. */
    public record Score(String metric, Integer value, Integer scaleMin, Integer scaleMax, String scoreClass) {
    }

    public record Label(String label) {
    }

    /** A taxonomy path such as {@code delivery/late}. */
    public record Theme(String theme) {
    }

    /** Why a recategorization happened: correction, replay or comment. */
    public record Change(String reason, String correctedBy) {
    }
}
