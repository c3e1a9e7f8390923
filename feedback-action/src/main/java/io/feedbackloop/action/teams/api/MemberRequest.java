package io.feedbackloop.action.teams.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person joining a team: an agent works the team's cases, a lead also manages rules and teams. */
public record MemberRequest(@NotBlank @Email @Size(max = 254) String email,
                            @Size(max = 200) String name,
                            @NotNull @Pattern(regexp = "agent|lead", message = "must be agent or lead") String role) {
}
