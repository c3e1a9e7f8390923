package io.feedbackloop.notifier.messaging;

import io.feedbackloop.kit.messaging.IdempotentConsumer;
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
 * each message it asks for is queued under its own idempotency key in the same transaction.
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
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data()))));
    }

    @Incoming("action-opened")
    public void onActionOpened(ConsumerRecord<String, String> record) {
        consumer.consume(record, OpenedAction.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data()))));
    }

    @Incoming("action-updated")
    public void onActionUpdated(ConsumerRecord<String, String> record) {
        consumer.consume(record, CaseUpdate.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data()))));
    }

    @Incoming("action-resolved")
    public void onActionResolved(ConsumerRecord<String, String> record) {
        consumer.consume(record, CaseResolution.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data()))));
    }

    @Incoming("improvement-announced")
    public void onImprovementAnnounced(ConsumerRecord<String, String> record) {
        consumer.consume(record, ImprovementAnnouncement.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data()))));
    }

    @Incoming("survey-invited")
    public void onSurveyInvited(ConsumerRecord<String, String> record) {
        consumer.consume(record, SurveyInvitation.class, CONSUMER,
                e -> followUps.queue(planner.plan(OccasionMapper.toOccasion(e.data()))));
    }
}
