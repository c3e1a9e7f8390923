package io.feedbackloop.kit.privacy;

import io.feedbackloop.kit.messaging.IdempotentConsumer;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns customers' data keys, and their destruction, from {@code customer.keys.v1} (channel
 * {@code customer-keys}, read from the earliest offset). A service that opens sealed events but
 * does not own the keys opts in with {@code customer-keys.enabled=true} (read at build time).
 */
@ApplicationScoped
@IfBuildProperty(name = "customer-keys.enabled", stringValue = "true")
public class CustomerKeyConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    DataKeys keys;

    @Incoming("customer-keys")
    public void onKey(ConsumerRecord<String, String> record) {
        consumer.consume(record, CustomerKeys.KeyRecord.class, "customer-keys", event -> keys.learn(event.data()));
    }
}
