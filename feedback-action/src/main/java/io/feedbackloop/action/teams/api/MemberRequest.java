package io.feedbackloop.action.teams.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person joining a team: an agent works the team's cases, a lead also manages the team, an
 * analyst reads across teams (added by administrators only).
 *
 * @param password left out: one is generated and shown once in the answer ({@code initialPassword})
 */
public record MemberRequest(@NotBlank @Email @Size(max = 254) String email,
                            @Size(max = 200) String name,
                            @NotNull @Pattern(regexp = "agent|lead|analyst", message = "must be agent, lead or analyst")
                            String role,
                            @Size(max = 200) String password) {
}
