package io.feedbackloop.kit.privacy;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes a service's part in every customer erasure: reads {@code customer.erased.v1} from the
 * channel {@code customer-erased}, runs the service's {@link ErasureStep} and confirms, once per
 * request however often it is delivered.
 *
 * <p>A service opts in with {@code customer-erasure.enabled=true} (read at build time) and an
 * {@link ErasureStep} bean; it configures the channel itself (topic, dead-letter topic) as for
 * any other. A service that only publishes erasures (feedback-ingest) has neither.
 */
@ApplicationScoped
@IfBuildProperty(name = "customer-erasure.enabled", stringValue = "true")
public class CustomerErasureConsumer {

    @Inject
    ErasureConfirmations confirmations;

    @Inject
    ErasureStep step;

    @Incoming("customer-erased")
    public void onCustomerErased(ConsumerRecord<String, String> record) {
        confirmations.handle(record, step::erase);
    }
}
