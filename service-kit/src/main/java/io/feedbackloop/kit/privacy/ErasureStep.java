package io.feedbackloop.kit.privacy;

/**
 * A service's own part of an erasure: remove or pseudonymise the customer's personal data in its
 * store, nothing else. The kit calls it inside the transaction that also records the event as
 * processed and writes the confirmation, so a redelivered request erases nothing twice and an
 * erasure that fails confirms nothing.
 */
@FunctionalInterface
public interface ErasureStep {

    /** @return rows changed, reported in the confirmation */
    long erase(CustomerErasure.Requested request);
}
