package io.feedbackloop.action.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.action.rules.RuleConditions;
import io.feedbackloop.action.sla.CasePriority;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A case rule as a lead writes it.
 *
 * @param position     rules are tried in ascending position (default: after the last rule)
 * @param enabled      default true
 * @param conditions   see {@link RuleConditions}; unknown keys are refused
 * @param casePriority the priority of the cases it opens; null: the categorization's, at least normal
 */
public record CaseRuleRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
        String name,
        @Min(0) Integer position,
        Boolean enabled,
        JsonNode conditions,
        @Pattern(regexp = CasePriority.PATTERN, message = "must be low, normal, high or critical") String casePriority) {
}
