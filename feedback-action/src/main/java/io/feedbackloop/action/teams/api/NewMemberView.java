package io.feedbackloop.action.teams.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member just added. {@code initialPassword} is the generated password they sign in with
 * ({@code POST /auth/token}), shown this once (only its hash is kept); absent when the request set one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewMemberView(String email, String name, String role, String teamId, boolean active, Instant createdAt,
                            String initialPassword) {
}
