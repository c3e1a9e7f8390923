package io.feedbackloop.action.teams.api;

import java.time.Instant;

/** A team member; never the token. */
public record MemberView(String email, String name, String role, String teamId, boolean active, Instant createdAt) {
}
