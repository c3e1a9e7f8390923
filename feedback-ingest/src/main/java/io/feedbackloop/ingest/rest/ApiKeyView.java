package io.feedbackloop.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.feedbackloop.ingest.repository.ApiKey;

/** An API key as the admin API shows it; {@code key} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, String channel, String label, String keyPrefix, String key, Instant createdAt,
                         Instant revokedAt) {

    public static ApiKeyView of(ApiKey apiKey, String plainKey) {
        return new ApiKeyView(apiKey.id, apiKey.channel, apiKey.label, apiKey.keyPrefix, plainKey, apiKey.createdAt,
                apiKey.revokedAt);
    }
}
