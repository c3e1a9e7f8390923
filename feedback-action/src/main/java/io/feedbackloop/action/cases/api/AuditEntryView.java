package io.feedbackloop.action.cases.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change of a case.
 *
 * @param actor  who made it: a member's email, "admin", or a scheduler
 * @param action assigned, commented, replied, status-changed, escalated, reopened, closed, ...
 */
public record AuditEntryView(UUID id, Instant at, String actor, String action, Map<String, Object> details) {
}
