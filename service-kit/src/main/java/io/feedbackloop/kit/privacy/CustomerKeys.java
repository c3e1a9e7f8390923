package io.feedbackloop.kit.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The contract of {@code customer.keys.v1}, a compacted topic keyed by key id: feedback-ingest
 * publishes each customer's data key (wrapped with the master key) when it first seals something
 * of theirs, and on erasure the same key id again without the key. Compaction then keeps only
 * that marker: the key is gone from the log, and a service that reads the topic from the start
 * still learns that events sealed with it belong to an erased customer.
 */
public final class CustomerKeys {

    public static final String TOPIC = "customer.keys.v1";
    public static final String TYPE = "feedbackloop.customer.key.v1";

    private CustomerKeys() {
    }

    /**
     * @param customerRef the customer's keyed pseudonym, never the id
     * @param wrappedKey  base64 of the data key wrapped with the master key; null once destroyed
     */
    public record KeyRecord(@NotNull UUID keyId, @NotBlank String customerRef, String wrappedKey, Instant createdAt,
                            Instant destroyedAt) {
    }
}
