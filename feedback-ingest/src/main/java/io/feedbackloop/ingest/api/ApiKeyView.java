package io.feedbackloop.ingest.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An API key as the admin API shows it; {@code key} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, String channel, String label, String keyPrefix, String key, Instant createdAt,
                         Instant revokedAt) {
}
