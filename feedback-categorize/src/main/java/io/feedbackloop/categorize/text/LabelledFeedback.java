package io.feedbackloop.categorize.text;

import java.util.Set;

/** A feedback with the categorization a person gave it: a training example or an evaluation item. */
public record LabelledFeedback(FeedbackText feedback, String sentiment, String type, Set<String> themes) {
}
