package io.feedbackloop.ingest.messaging;

import java.time.Clock;
import java.time.Instant;

import io.feedbackloop.ingest.events.LoopProgressEvent;
import io.feedbackloop.ingest.model.LoopStage;
import io.feedbackloop.ingest.service.FeedbackService;
import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.feedbackloop.kit.messaging.IncomingEvent;
import io.feedbackloop.kit.messaging.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows each feedback through the other services' events to answer "where is it now?". */
@ApplicationScoped
public class LoopProgressConsumer {

    private static final String CONSUMER = "loop-progress";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    FeedbackService feedback;

    @Inject
    Clock clock;

    @Incoming("feedback-categorized")
    public void categorized(ConsumerRecord<String, String> record) {
        apply(record, LoopStage.CATEGORIZED);
    }

    @Incoming("action-opened")
    public void actionOpened(ConsumerRecord<String, String> record) {
        apply(record, LoopStage.ACTION_OPENED);
    }

    @Incoming("action-resolved")
    public void actionResolved(ConsumerRecord<String, String> record) {
        apply(record, LoopStage.ACTION_RESOLVED);
    }

    @Incoming("followup-sent")
    public void followedUp(ConsumerRecord<String, String> record) {
        apply(record, LoopStage.FOLLOWED_UP);
    }

    @Incoming("followup-failed")
    public void followUpFailed(ConsumerRecord<String, String> record) {
        apply(record, LoopStage.FOLLOW_UP_FAILED);
    }

    private void apply(ConsumerRecord<String, String> record, LoopStage stage) {
        consumer.consume(record, LoopProgressEvent.class, CONSUMER, event -> {
            if (event.data().feedbackId() == null) {
                if (stage == LoopStage.FOLLOWED_UP || stage == LoopStage.FOLLOW_UP_FAILED) {
                    return;   // a survey invitation went out: it answers no feedback
                }
                throw new PoisonEventException("event " + event.id() + " names no feedback");
            }
            if (!feedback.recordProgress(event.data().feedbackId(), stage, occurredAt(event), detail(event.data()),
                    event.id())) {
                throw new PoisonEventException("event " + event.id() + " is about unknown feedback "
                        + event.data().feedbackId());
            }
        });
    }

    private Instant occurredAt(IncomingEvent<LoopProgressEvent> event) {
        return event.time() != null ? event.time() : clock.instant();
    }

    private static String detail(LoopProgressEvent event) {
        if (event.npsClass() != null) {
            return event.npsClass();
        }
        if (event.caseId() != null) {
            return "case " + event.caseId() + (event.channel() != null ? " via " + event.channel() : "");
        }
        if (event.reason() != null) {
            return event.reason();
        }
        return event.channel();
    }
}
