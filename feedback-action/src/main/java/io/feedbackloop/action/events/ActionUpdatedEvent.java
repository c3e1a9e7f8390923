package io.feedbackloop.action.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@code action.updated.v1}: one change of a case (schema: {@code /schemas/action.updated.v1.json}).
 *
 * @param change        what happened: assigned, commented, replied, status-changed, escalated, reopened,
 *                      labels-changed, closed
 * @param actor         who did it (a member's email, "admin", or "sla-scheduler")
 * @param details       the change's own fields, e.g. {"from": "open", "to": "in_progress"}
 * @param customerReply for {@code replied}: the words the customer is to receive (HTML is the
 *                      notifier's job to escape); null for internal changes
 */
public record ActionUpdatedEvent(UUID caseId, UUID feedbackId, Instant updatedAt, String change, String actor,
                                 Map<String, Object> details, String status, String priority, String ownerTeam,
                                 String assignee, Instant firstResponseDueAt, Instant resolutionDueAt,
                                 List<String> themes, Customer customer, String customerReply) {

    public static final String TOPIC = "action.updated.v1";
    public static final String TYPE = "feedbackloop.action.updated.v1";

    /**
     * Who the case is about, never contact data: the notifier finds how to reach them by
     * {@code feedbackId} (its contact directory, filled from {@code customer.contact.v1}).
     */
    public record Customer(String id, String locale) {
    }
}
