package io.feedbackloop.ingest.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

public final class ErasureViews {

    private ErasureViews() {
    }

    /** {@code eraseText}: also erase what the customer wrote (default true). */
    public record Request(Boolean eraseText, @Size(max = 200) String requestedBy) {
    }

    public record Confirmation(String service, long rowsAffected, Instant confirmedAt) {
    }

    /**
     * @param status     {@code pending} until every service confirmed, then {@code completed}
     * @param waitingFor the services that have not confirmed yet
     */
    public record Erasure(UUID id, String customerRef, boolean eraseText, String requestedBy, Instant requestedAt,
                          String status, Instant completedAt, List<Confirmation> confirmations, List<String> waitingFor) {
    }
}
