package io.feedbackloop.categorize.model;

import java.util.List;
import java.util.UUID;

/**
 * Why a stored categorization was categorized again, and what it was before.
 *
 * @param reason             correction (a person), replay (a recategorization job) or comment (a late comment)
 * @param changedFields      which of text, sentiment, type, themes, urgency, priority, language changed
 * @param previous           the labels before
 * @param recategorizationId the job, for a replay
 * @param correctedBy        the person, for a correction
 */
public record CategorizationChange(String reason, List<String> changedFields, Previous previous,
                                   UUID recategorizationId, String correctedBy) {

    public record Previous(String sentiment, String type, List<String> themes, List<String> urgency, String priority,
                           String language) {
    }
}
