package io.feedbackloop.categorize.messaging;

import io.feedbackloop.categorize.events.CommentedFeedback;
import io.feedbackloop.categorize.events.ReceivedFeedback;
import io.feedbackloop.categorize.mapping.CategorizationMapper;
import io.feedbackloop.categorize.service.CategorizationService;
import io.feedbackloop.kit.messaging.IdempotentConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ReceivedFeedbackConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CategorizationService categorizations;

    @Incoming("feedback-received")
    public void onFeedbackReceived(ConsumerRecord<String, String> record) {
        consumer.consume(record, ReceivedFeedback.class, "categorizer",
                event -> categorizations.categorize(CategorizationMapper.toCategorization(event.data())));
    }

    @Incoming("feedback-commented")
    public void onFeedbackCommented(ConsumerRecord<String, String> record) {
        consumer.consume(record, CommentedFeedback.class, "comment-categorizer",
                event -> categorizations.comment(CategorizationMapper.toComment(event.data())));
    }
}
