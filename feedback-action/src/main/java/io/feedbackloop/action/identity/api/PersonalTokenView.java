package io.feedbackloop.action.identity.api;

import java.time.Instant;
import java.util.UUID;

/** A personal access token as listed: never the secret. */
public record PersonalTokenView(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                                Instant revokedAt) {
}
