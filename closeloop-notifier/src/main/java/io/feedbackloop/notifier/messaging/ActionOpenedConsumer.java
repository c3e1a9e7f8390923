package io.feedbackloop.notifier.messaging;

import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.feedbackloop.notifier.service.FollowUpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ActionOpenedConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    FollowUpService followUps;

    @Incoming("action-opened")
    public void onActionOpened(ConsumerRecord<String, String> record) {
        consumer.consume(record, OpenedAction.class, "case-acknowledgement",
                event -> followUps.queueCaseAcknowledgement(event.data()));
    }
}
