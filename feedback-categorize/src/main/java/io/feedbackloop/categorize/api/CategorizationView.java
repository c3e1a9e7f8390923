package io.feedbackloop.categorize.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.categorize.text.Understanding;

/** A feedback's categorization as ops see it, with what a person corrected. */
public record CategorizationView(UUID feedbackId, Instant respondedAt, String channel, String touchpoint,
                                 String journeyStage, String customerSegment, Integer npsScore, String npsClass,
                                 List<Score> scores, String text, String language,
                                 Understanding.Sentiment sentiment, Understanding.Classified type,
                                 List<Understanding.ThemeMatch> themes, List<String> urgency, String priority,
                                 Integer knowledgeVersion, Integer modelVersion, List<String> correctedFields,
                                 String correctedBy, Instant correctedAt, Instant categorizedAt, Instant updatedAt) {

    /** One answer on its own scale, with its class (promoter, good, agree, ...). */
    public record Score(String metric, int value, int scaleMin, int scaleMax, String scoreClass) {
    }
}
