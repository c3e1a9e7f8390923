package io.feedbackloop.action.messaging;

import java.util.Arrays;
import java.util.List;

import io.feedbackloop.action.cases.CaseAudit;
import io.feedbackloop.action.cases.CaseEvents;
import io.feedbackloop.action.cases.SupportCase;
import io.feedbackloop.action.events.ActionOpenedEvent;
import io.feedbackloop.action.events.ActionResolvedEvent;
import io.feedbackloop.action.events.ActionUpdatedEvent;
import io.feedbackloop.kit.messaging.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes what happens to cases to the outbox, keyed by the feedback id so one feedback's events stay in
 * order. No contact data: every event carries the {@code feedbackId} the notifier looks the contact up by.
 */
@ApplicationScoped
public class CaseEventPublisher implements CaseEvents {

    @Inject
    EventOutbox outbox;

    @Override
    public void opened(SupportCase c) {
        outbox.publish(ActionOpenedEvent.TOPIC, ActionOpenedEvent.TYPE, c.feedbackId.toString(),
                new ActionOpenedEvent(c.id, c.feedbackId, c.openedAt, c.priority, c.reason, c.ownerTeam,
                        c.firstResponseDueAt, c.channel,
                        new ActionOpenedEvent.Customer(c.customerId, c.customerLocale, c.customerSegment),
                        c.npsScore, c.text, c.ruleName, List.of(c.themes), List.of(c.urgency), c.sentiment,
                        c.feedbackType, c.resolutionDueAt, c.assignee));
    }

    @Override
    public void changed(SupportCase c, CaseAudit change, String customerReply) {
        outbox.publish(ActionUpdatedEvent.TOPIC, ActionUpdatedEvent.TYPE, c.feedbackId.toString(),
                new ActionUpdatedEvent(c.id, c.feedbackId, change.at, change.action, change.actor, change.details,
                        c.status, c.priority, c.ownerTeam, c.assignee, c.firstResponseDueAt, c.resolutionDueAt,
                        themes(c), customer(c), customerReply));
    }

    @Override
    public void resolved(SupportCase c, String closedBy) {
        outbox.publish(ActionResolvedEvent.TOPIC, ActionResolvedEvent.TYPE, c.feedbackId.toString(),
                new ActionResolvedEvent(c.id, c.feedbackId, c.resolvedAt, c.resolutionCode, c.rootCause,
                        c.resolutionText, c.ownerTeam, closedBy, themes(c), customer(c), c.text));
    }

    private static ActionUpdatedEvent.Customer customer(SupportCase c) {
        return new ActionUpdatedEvent.Customer(c.customerId, c.customerLocale);
    }

    private static List<String> themes(SupportCase c) {
        return c.themes == null ? List.of() : Arrays.asList(c.themes);
    }
}
