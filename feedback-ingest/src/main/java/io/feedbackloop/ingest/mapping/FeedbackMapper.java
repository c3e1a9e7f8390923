package io.feedbackloop.ingest.mapping;

import java.util.List;
import java.util.Locale;

import io.feedbackloop.ingest.messaging.FeedbackReceivedEvent;
import io.feedbackloop.ingest.repository.Feedback;
import io.feedbackloop.ingest.repository.LoopStage;
import io.feedbackloop.ingest.repository.LoopStep;
import io.feedbackloop.ingest.rest.CustomerRef;
import io.feedbackloop.ingest.rest.FeedbackView;

/** Converts the stored feedback into what the API shows and what the event carries. */
public final class FeedbackMapper {

    private FeedbackMapper() {
    }

    public static FeedbackView toView(Feedback feedback, List<LoopStep> steps) {
        return new FeedbackView(feedback.id, customer(feedback), feedback.channel, feedback.npsScore, feedback.text,
                feedback.receivedAt, new FeedbackView.LoopStatus(wire(feedback.loopStage),
                steps.stream().map(s -> new FeedbackView.Step(wire(s.stage), s.occurredAt, s.detail)).toList()));
    }

    public static FeedbackReceivedEvent toEvent(Feedback feedback) {
        return new FeedbackReceivedEvent(feedback.id, feedback.receivedAt, feedback.channel,
                new FeedbackReceivedEvent.Customer(feedback.customerId, feedback.customerEmail, feedback.customerName,
                        feedback.customerLocale),
                feedback.npsScore, feedback.text);
    }

    private static CustomerRef customer(Feedback feedback) {
        return new CustomerRef(feedback.customerId, feedback.customerEmail, feedback.customerName, feedback.customerLocale);
    }

    private static String wire(LoopStage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
