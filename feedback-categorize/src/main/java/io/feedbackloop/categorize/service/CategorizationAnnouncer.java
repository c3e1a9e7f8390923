package io.feedbackloop.categorize.service;

import io.feedbackloop.categorize.model.Categorization;
import io.feedbackloop.categorize.model.CategorizationChange;

/**
 * Tells the stages after this one what a feedback was categorized as. Called inside the
 * transaction that stores the categorization, so the announcement exists exactly when the change
 * was committed; which topic and payload carry it is the messaging adapter's business.
 */
public interface CategorizationAnnouncer {

    /** A feedback was categorized for the first time. */
    void categorized(Categorization categorization);

    /** A stored categorization changed. */
    void recategorized(Categorization categorization, CategorizationChange change);
}
