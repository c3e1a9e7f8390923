package io.feedbackloop.ingest.messaging;

import io.feedbackloop.ingest.service.ErasureService;
import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.feedbackloop.kit.privacy.CustomerErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The other services confirm they erased a customer. */
@ApplicationScoped
public class ErasureConfirmationConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ErasureService erasures;

    @Incoming("erasure-confirmed")
    public void onConfirmed(ConsumerRecord<String, String> record) {
        consumer.consume(record, CustomerErasure.Confirmed.class, "erasure-confirmations",
                event -> erasures.confirm(event.data()));
    }
}
