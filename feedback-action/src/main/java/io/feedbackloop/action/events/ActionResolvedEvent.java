package io.feedbackloop.action.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code action.resolved.v1}: a case was closed with a resolution the customer is to be told
 * (schema: {@code /schemas/action.resolved.v1.json}).
 */
public record ActionResolvedEvent(UUID caseId, UUID feedbackId, Instant resolvedAt, String resolutionCode,
                                  String rootCause, String resolutionText, String ownerTeam, String closedBy,
                                  List<String> themes, ActionUpdatedEvent.Customer customer, String text) {

    public static final String TOPIC = "action.resolved.v1";
    public static final String TYPE = "feedbackloop.action.resolved.v1";
}
