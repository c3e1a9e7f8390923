package io.feedbackloop.notifier.service;

import java.util.List;
import java.util.UUID;

import io.feedbackloop.notifier.repository.FollowUp;

/**
 * Tells the loop what became of a message, in the transaction that records it: ingest marks the
 * feedback followed up, action counts the case answered.
 */
public interface FollowUpEvents {

    /** The provider refused it. */
    String FAILED = "failed";
    /** The provider took it but reported it undeliverable. */
    String UNDELIVERED = "undelivered";
    /** We held it back on purpose (opt-out, cap, no address). */
    String SUPPRESSED = "suppressed";

    /** {@code followup.sent.v1}. */
    void sent(FollowUp followUp);

    /** {@code followup.failed.v1}; {@code outcome} is one of the constants above. */
    void failed(FollowUp followUp, String outcome);

    /**
     * The events already written about these messages (those not yet relayed, and the relayed ones
     * kept until the outbox retention removes them) keep no provider's answer: it may name the
     * customer who is being erased. Reasons we wrote ourselves, for suppressed messages, stay.
     */
    void eraseProviderWords(List<UUID> followUpIds);
}
