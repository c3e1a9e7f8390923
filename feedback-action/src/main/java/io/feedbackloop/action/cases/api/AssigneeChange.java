package io.feedbackloop.action.cases.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who works the case: an active member of its owner team (their email), or null to unassign. */
public record AssigneeChange(@Schema(nullable = true, example = "maria@example.com") @Size(max = 254) String assignee) {
}
