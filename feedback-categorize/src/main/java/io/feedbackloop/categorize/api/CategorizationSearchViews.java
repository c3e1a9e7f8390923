package io.feedbackloop.categorize.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the categorization search ({@code GET /api/v1/categorizations}). */
public final class CategorizationSearchViews {

    private CategorizationSearchViews() {
    }

    /**
     * One page, newest first.
     *
     * @param next the cursor of the next page, to be passed back unchanged as {@code cursor}; null on the last page
     */
    public record Page(List<Item> items,
                       @Schema(nullable = true, description = "cursor of the next page; null on the last page")
                       String next) {
    }

    /**
     * A feedback found, as a list shows it (the whole categorization, with matched words and
     * corrections, is {@code GET /api/v1/feedback/{feedbackId}/categorization}).
     *
     * @param language ru, en or other, as the categorizer read the text
     * @param type     complaint, problem, idea, question or praise
     * @param themes   taxonomy paths, in order of first mention
     * @param npsClass promoter, passive or detractor; null without an NPS answer
     * @param urgency  churn, legal, safety
     */
    public record Item(UUID feedbackId, Instant respondedAt, String channel, String touchpoint, String language,
                       String text, Sentiment sentiment, String type, List<String> themes, Integer npsScore,
                       String npsClass, List<String> urgency) {
    }

    /** @param label negative, neutral or positive; @param confidence 0..1 */
    public record Sentiment(String label, Double confidence) {
    }
}
