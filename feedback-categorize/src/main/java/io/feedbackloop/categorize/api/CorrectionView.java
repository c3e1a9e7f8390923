package io.feedbackloop.categorize.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One correction of a categorization: who, when, why, and the labels before and after. */
public record CorrectionView(UUID id, UUID feedbackId, Instant correctedAt, String correctedBy, String note,
                             Labels before, Labels after) {

    /** The labels a person may correct. */
    public record Labels(String sentiment, String type, List<String> themes, List<String> urgency, String priority) {
    }
}
