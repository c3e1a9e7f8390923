package io.feedbackloop.categorize.model;

import java.util.List;

/**
 * A person's correction of a categorization: the labels given (null: keep), who, and why.
 * Priority, if not given, follows from the corrected labels.
 */
public record Correction(String sentiment, String type, List<String> themes, List<String> urgency, String priority,
                         String correctedBy, String note) {
}
