package io.feedbackloop.console.backend.views;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** feedback-categorize's search of categorized feedback. */
public final class FeedbackViews {

    private FeedbackViews() {
    }

    public record Found(UUID feedbackId, Instant respondedAt, String channel, String touchpoint, String language,
                        String text, LoopViews.Sentiment sentiment, String type, List<String> themes,
                        Integer npsScore, String npsClass, List<String> urgency) {
    }

    public record FoundPage(List<Found> items, String next) {
    }
}
