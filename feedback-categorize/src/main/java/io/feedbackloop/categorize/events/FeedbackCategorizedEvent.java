package io.feedbackloop.categorize.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.categorize.text.Understanding;

/**
 * Data of {@code feedback.categorized.v1} and, with the {@code change} part, of
 * {@code feedback.recategorized.v1} (schemas under {@code /schemas/}). Everything the Act stage
 * routes on: score classes, sentiment, type, themes, urgency, priority.
 */
public record FeedbackCategorizedEvent(UUID feedbackId, Instant categorizedAt, Instant respondedAt, String channel,
                                       String touchpoint, String journeyStage, Customer customer, Integer npsScore,
                                       String npsClass, List<Score> scores, String text, String language,
                                       Understanding.Sentiment sentiment, Understanding.Classified type,
                                       List<Understanding.ThemeMatch> themes, List<String> urgency,
                                       String priority, Integer knowledgeVersion, Integer modelVersion,
                                       List<String> correctedFields, Change change) {

    public static final String TOPIC = "feedback.categorized.v1";
    public static final String TYPE = "feedbackloop.feedback.categorized.v1";
    public static final String RECATEGORIZED_TOPIC = "feedback.recategorized.v1";
    public static final String RECATEGORIZED_TYPE = "feedbackloop.feedback.recategorized.v1";

    /**
     * The customer reference, segment and locale. No contact data: {@code email}, {@code phone} and
     * {@code name} are no longer sent (they travel on {@code customer.contact.v1} to the notifier only).
     */
    public record Customer(String id, String segment, String locale) {
    }

    public record Score(String metric, int value, int scaleMin, int scaleMax, String scoreClass) {
    }

    /**
     * Why a feedback was categorized again and what it was before.
     *
     * @param reason          correction (a person), replay (a recategorization job) or comment (a late comment)
     * @param changedFields   which of sentiment, type, themes, urgency, priority, language changed
     * @param previous        the values before
     * @param recategorizationId the job, for a replay
     * @param correctedBy     the person, for a correction
     */
    public record Change(String reason, List<String> changedFields, Previous previous, UUID recategorizationId,
                         String correctedBy) {
    }

    public record Previous(String sentiment, String type, List<String> themes, List<String> urgency, String priority,
                           String language) {
    }
}
