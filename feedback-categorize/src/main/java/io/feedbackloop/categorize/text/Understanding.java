package io.feedbackloop.categorize.text;

import java.util.List;

/**
 * What the categorizer made of one feedback.
 *
 * @param language  ru, en or other
 * @param sentiment negative, neutral or positive, with the evidence score and a confidence 0..1
 * @param type      complaint, problem, idea, question or praise, with a confidence 0..1
 * @param themes    taxonomy paths with the words that matched
 * @param urgency   urgency flags with the words that raised them
 * @param priority  low, normal, high or critical
 */
public record Understanding(String language, Sentiment sentiment, Classified type, List<ThemeMatch> themes,
                            List<UrgencyMatch> urgency, String priority) {

    public record Sentiment(String label, double score, double confidence) {
    }

    public record Classified(String label, double confidence) {
    }

    /** @param source rules (a lexicon matched), model (learned from corrections) or correction (set by a person) */
    public record ThemeMatch(String theme, List<String> matched, String source) {
    }

    public record UrgencyMatch(String flag, List<String> matched) {
    }

    public List<String> themeIds() {
        return themes.stream().map(ThemeMatch::theme).toList();
    }

    public List<String> urgencyFlags() {
        return urgency.stream().map(UrgencyMatch::flag).toList();
    }
}
