package io.feedbackloop.action.rules.api;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.action.rules.RoutingConditions;

public record RoutingRuleView(UUID id, String name, int position, boolean enabled, RoutingConditions conditions,
                              String teamId, String assignee, Instant createdAt, Instant updatedAt) {
}
