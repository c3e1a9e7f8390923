package io.feedbackloop.action.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A feedback as feedback-categorize labelled it, with what this service keeps of it.
 *
 * @param categorizedAt when this categorization was made: an older one never replaces a newer one
 * @param scoreClasses  promoter, passive, detractor, good, neutral, bad, agree, disagree: one per score given
 * @param themes        taxonomy paths such as {@code delivery/late}
 * @param priority      the categorizer's priority: low, normal, high, critical
 * @param change        why it was categorized again (null for a first categorization)
 */
public record Categorization(UUID feedbackId, Instant categorizedAt, Instant respondedAt, String channel,
                             String touchpoint, String journeyStage, Customer customer, Integer npsScore,
                             String npsClass, Integer csatScore, Integer cesScore, List<String> scoreClasses,
                             String text, String language, String sentiment, String feedbackType, List<String> themes,
                             List<String> urgency, String priority, Change change) {

    /** Who wrote it: their reference, segment and language; this service holds no contact data. */
    public record Customer(String id, String segment, String locale) {
    }

    /**
     * Why a feedback was categorized again.
     *
     * @param reason      correction, replay or comment
     * @param correctedBy the person who corrected it, for a correction
     */
    public record Change(String reason, String correctedBy) {
    }
}
