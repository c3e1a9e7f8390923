package io.feedbackloop.action.messaging;

import io.feedbackloop.action.privacy.CustomerEraser;
import io.feedbackloop.kit.privacy.ErasureConfirmations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A customer asked to be forgotten: erase them from this service's store and confirm. */
@ApplicationScoped
public class CustomerErasureConsumer {

    @Inject
    ErasureConfirmations erasures;

    @Inject
    CustomerEraser eraser;

    @Incoming("customer-erased")
    public void onCustomerErased(ConsumerRecord<String, String> record) {
        erasures.handle(record, eraser::erase);
    }
}
