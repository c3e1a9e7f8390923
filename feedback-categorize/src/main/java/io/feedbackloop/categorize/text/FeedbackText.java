package io.feedbackloop.categorize.text;

import java.util.List;

/**
 * What the categorizer reads of a feedback.
 *
 * @param text             the customer's words, may be null
 * @param declaredLanguage the language the channel declared (or the customer's locale), may be null
 * @param scores           the scores given with it
 */
public record FeedbackText(String text, String declaredLanguage, List<Score> scores) {

    /** One answer on a rating scale. */
    public record Score(Metric metric, int value, int scaleMin, int scaleMax) {
    }

    public enum Metric { NPS, CSAT, CES }

    public static FeedbackText of(String text) {
        return new FeedbackText(text, null, List.of());
    }
}
