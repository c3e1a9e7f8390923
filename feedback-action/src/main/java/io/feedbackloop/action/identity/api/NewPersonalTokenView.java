package io.feedbackloop.action.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal access token just created. Only its hash is kept: this is the one time {@code token}
 * is shown. Exchange it at {@code POST /auth/token} ({@code grant_type=urn:feedback-loop:personal-access-token}).
 */
public record NewPersonalTokenView(UUID id, String name, Instant createdAt, Instant expiresAt, String token) {
}
