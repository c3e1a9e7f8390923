package io.feedbackloop.ingest.service;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.ingest.mapping.FeedbackMapper;
import io.feedbackloop.ingest.messaging.FeedbackReceivedEvent;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.LoopStage;
import io.feedbackloop.ingest.repository.LoopStep;
import io.feedbackloop.ingest.rest.FeedbackSubmission;
import io.feedbackloop.ingest.rest.FeedbackView;
import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Accepts feedback and answers where in the loop it is. */
@ApplicationScoped
@Transactional
public class FeedbackService {

    @Inject
    EventOutbox outbox;

    @Inject
    MeterRegistry registry;

    /** Stores the feedback and its {@code feedback.received.v1} event in one transaction. */
    public FeedbackView accept(FeedbackSubmission submission) {
        Instant now = Instant.now();
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.customerId = submission.customer().id().trim();
        feedback.customerEmail = submission.customer().email().trim();
        feedback.customerName = blankToNull(submission.customer().name());
        feedback.customerLocale = blankToNull(submission.customer().locale());
        feedback.channel = submission.channel().wireName();
        feedback.npsScore = submission.npsScore();
        feedback.text = blankToNull(submission.text());
        feedback.receivedAt = now;
        feedback.loopStage = LoopStage.RECEIVED;
        feedback.updatedAt = now;
        feedback.persist();
        recordStep(feedback, LoopStage.RECEIVED, now, "via " + feedback.channel, "received:" + feedback.id);
        outbox.publish(FeedbackReceivedEvent.TOPIC, FeedbackReceivedEvent.TYPE, feedback.id.toString(),
                FeedbackMapper.toEvent(feedback));
        // channel is a closed set of ten values: a safe metric label (no personal data)
        registry.counter("feedback.received", "channel", feedback.channel).increment();
        return FeedbackMapper.toView(feedback, LoopStep.of(feedback.id));
    }

    public FeedbackView find(UUID id) {
        Feedback feedback = Feedback.findById(id);
        if (feedback == null) {
            throw ProblemException.notFound("feedback", id);
        }
        return FeedbackMapper.toView(feedback, LoopStep.of(id));
    }

    /**
     * Records that the feedback reached a stage. Runs inside the consumer's transaction, which
     * also records the event id, so a redelivered event adds no second step.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordProgress(UUID feedbackId, LoopStage stage, Instant at, String detail, String eventId) {
        Feedback feedback = Feedback.findById(feedbackId);
        if (feedback == null) {
            return false;
        }
        recordStep(feedback, stage, at, detail, eventId);
        if (stage.isAfter(feedback.loopStage)) {
            feedback.loopStage = stage;
            feedback.updatedAt = Instant.now();
        }
        return true;
    }

    private static void recordStep(Feedback feedback, LoopStage stage, Instant at, String detail, String eventId) {
        LoopStep step = new LoopStep();
        step.feedbackId = feedback.id;
        step.stage = stage;
        step.occurredAt = at;
        step.detail = detail;
        step.eventId = eventId;
        step.persist();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
