package io.feedbackloop.ingest.service;

import java.util.List;

import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.FeedbackScore;
import io.feedbackloop.ingest.repository.Invitation;
import io.feedbackloop.ingest.repository.Survey;
import io.feedbackloop.kit.privacy.CustomerErasure;

/**
 * What this service tells the rest of the loop. Each call publishes inside the caller's
 * transaction, so the event exists exactly when the change it reports was committed; the event
 * shapes are the messaging adapter's business.
 */
public interface OutgoingEvents {

    /**
     * {@code feedback.received.v1}, keyed by the feedback id, and the contact given with it,
     * {@code customer.contact.v1} keyed by the customer id: every accepted feedback, whichever way
     * it came in, publishes both.
     */
    void feedbackReceived(Feedback feedback, List<FeedbackScore> scores);

    /** {@code feedback.commented.v1}: the comment that arrived after the score. */
    void feedbackCommented(Feedback feedback);

    /** {@code survey.invited.v1}, keyed by the invitation id: an invitation that went out. */
    void surveyInvited(Invitation invitation, Survey survey);

    /** {@code customer.erased.v1}, keyed by the erasure id: every service erases the customer. */
    void customerErased(CustomerErasure.Requested request);
}
