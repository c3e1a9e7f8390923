package io.feedbackloop.categorize.messaging;

import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.feedbackloop.kit.privacy.CustomerErasure;
import io.feedbackloop.kit.privacy.ErasureConfirmations;
import io.feedbackloop.categorize.service.CustomerEraser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A customer asked to be forgotten: erase them here and confirm, in one transaction. */
@ApplicationScoped
public class CustomerErasureConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CustomerEraser eraser;

    @Inject
    ErasureConfirmations confirmations;

    @Incoming("customer-erased")
    public void onCustomerErased(ConsumerRecord<String, String> record) {
        consumer.consume(record, CustomerErasure.Requested.class, "customer-erasure", event ->
                confirmations.confirm(event.data().erasureId(), eraser.erase(event.data())));
    }
}
