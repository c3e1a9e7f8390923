package io.feedbackloop.categorize.model;

/**
 * Who edits the taxonomy and lexicons and why.
 *
 * @param basedOnVersion the version the edit started from; null to edit whatever is in force
 */
public record KnowledgeEdit(Integer basedOnVersion, String changedBy, String comment) {
}
