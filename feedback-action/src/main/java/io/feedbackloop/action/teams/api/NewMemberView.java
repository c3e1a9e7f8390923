package io.feedbackloop.action.teams.api;

import java.time.Instant;

/**
 * A member just added, with the personal token they authenticate with ({@code Authorization:
 * Bearer <token>}). Only its hash is kept: this is the one time it is shown.
 */
public record NewMemberView(String email, String name, String role, String teamId, boolean active, Instant createdAt,
                            String token) {
}
