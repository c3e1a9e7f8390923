package io.feedbackloop.action.rules.api;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.action.rules.RuleConditions;

public record CaseRuleView(UUID id, String name, int position, boolean enabled, RuleConditions conditions,
                           String casePriority, Instant createdAt, Instant updatedAt) {
}
