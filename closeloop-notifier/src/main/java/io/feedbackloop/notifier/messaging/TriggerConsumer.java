package io.feedbackloop.notifier.messaging;

import java.time.Instant;

import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.feedbackloop.kit.messaging.IncomingEvent;
import io.feedbackloop.notifier.events.CaseResolution;
import io.feedbackloop.notifier.events.CaseUpdate;
import io.feedbackloop.notifier.events.CategorizedFeedback;
import io.feedbackloop.notifier.events.ImprovementAnnouncement;
import io.feedbackloop.notifier.events.OpenedAction;
import io.feedbackloop.notifier.events.SurveyInvitation;
import io.feedbackloop.notifier.mapping.OccasionMapper;
import io.feedbackloop.notifier.service.FollowUpPlanner;
import io.feedbackloop.notifier.service.FollowUpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event that can owe a customer a message. Each is read once (processed-event table), and
 * each message it asks for is queued under its own idempotency key in the same transaction. A
 * message whose customer's contact ({@code customer.contact.v1}) has not arrived yet fails the
 * transaction with a transient failure: the kit's consumer retries the event until the contact is
 * there or {@code followup.contact-wait} after the event's time has passed.
 */
@ApplicationScoped
public class TriggerConsumer {

    private static final String CONSUMER = "followup-triggers";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    FollowUpPlanner planner;

    @Inject
    FollowUpService followUps;

    @Incoming("feedback-categorized")
    public void onCategorized(ConsumerRecord<String, String> record) {
        consumer.consume(record, CategorizedFeedback.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data())), occurredAt(e, record)));
    }

    @Incoming("action-opened")
    public void onActionOpened(ConsumerRecord<String, String> record) {
        consumer.consume(record, OpenedAction.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data())), occurredAt(e, record)));
    }

    @Incoming("action-updated")
    public void onActionUpdated(ConsumerRecord<String, String> record) {
        consumer.consume(record, CaseUpdate.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data())), occurredAt(e, record)));
    }

    @Incoming("action-resolved")
    public void onActionResolved(ConsumerRecord<String, String> record) {
        consumer.consume(record, CaseResolution.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data())), occurredAt(e, record)));
    }

    @Incoming("improvement-announced")
    public void onImprovementAnnounced(ConsumerRecord<String, String> record) {
        consumer.consume(record, ImprovementAnnouncement.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data())), occurredAt(e, record)));
    }

    @Incoming("survey-invited")
    public void onSurveyInvited(ConsumerRecord<String, String> record) {
        consumer.consume(record, SurveyInvitation.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data())), occurredAt(e, record)));
    }

    /** When the event happened: its CloudEvent time, else when the broker took the record. */
    private static Instant occurredAt(IncomingEvent<?> event, ConsumerRecord<String, String> record) {
        return event.time() != null ? event.time() : Instant.ofEpochMilli(record.timestamp());
    }
}
