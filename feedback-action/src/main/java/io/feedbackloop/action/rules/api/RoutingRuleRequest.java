package io.feedbackloop.action.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.action.rules.RoutingConditions;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A routing rule as a lead writes it.
 *
 * @param position   rules are tried in ascending position (default: after the last rule)
 * @param enabled    default true
 * @param conditions see {@link RoutingConditions}; unknown keys are refused
 * @param teamId     the team that owns the cases it matches
 * @param assignee   optional: an active member of that team who gets them
 */
public record RoutingRuleRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
        String name,
        @Min(0) Integer position,
        Boolean enabled,
        JsonNode conditions,
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                message = "must be a team id: lower-case letters, digits and dashes") String teamId,
        @Email @Size(max = 254) String assignee) {
}
