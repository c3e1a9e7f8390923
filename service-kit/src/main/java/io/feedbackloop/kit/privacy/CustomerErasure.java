package io.feedbackloop.kit.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The erasure protocol every service takes part in: feedback-ingest publishes
 * {@code customer.erased.v1}; each service removes the customer's personal data from its own
 * store and answers {@code customer.erasure.confirmed.v1}; ingest shows the erasure complete when
 * every service confirmed. Rows are kept for the numbers (scores, categories, cases), under a
 * pseudonym that cannot be turned back into the customer id ({@link Pseudonyms}).
 */
public final class CustomerErasure {

    public static final String REQUESTED_TOPIC = "customer.erased.v1";
    public static final String REQUESTED_TYPE = "feedbackloop.customer.erased.v1";
    public static final String CONFIRMED_TOPIC = "customer.erasure.confirmed.v1";
    public static final String CONFIRMED_TYPE = "feedbackloop.customer.erasure.confirmed.v1";
    /** What replaces erased free text that must stay non-null (an agent's note about the customer). */
    public static final String ERASED_TEXT = "[erased]";

    private CustomerErasure() {
    }

    /**
     * @param eraseText also remove what the customer wrote (feedback text, comments, quotes),
     *                  not only their contact data
     */
    public record Requested(@NotNull UUID erasureId, @NotBlank String customerId, boolean eraseText,
                            Instant requestedAt) {
    }

    /** One service's answer: its store holds no personal data of the customer any more. */
    public record Confirmed(@NotNull UUID erasureId, @NotBlank String service, long rowsAffected, Instant confirmedAt) {
    }
}
