package io.feedbackloop.action.improvements;

import java.time.Instant;
import java.util.UUID;

/**
 * Tells one customer what was done about what they said ({@code improvement.announced.v1}), in
 * the transaction that marks their link as announced. The messaging side says how it looks on the wire.
 */
public interface ImprovementAnnouncements {

    /** @param language the language of the action's message the customer is told in */
    void announce(ImprovementAction action, Recipient recipient, String language, Instant announcedAt);

    /**
     * A customer whose linked feedback the action answers: how to reach them is the notifier's to
     * find, by the feedback id.
     *
     * @param text     their own words, to quote back to them
     * @param language the language they wrote in
     */
    record Recipient(UUID feedbackId, String customerId, String locale, String language, String text,
                     Instant respondedAt) {
    }
}
