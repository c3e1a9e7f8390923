package io.feedbackloop.kit.privacy;

import java.time.Clock;
import java.util.UUID;
import java.util.function.ToLongFunction;

import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.messaging.IdempotentConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service's part in an erasure: note the customer in the {@link ErasureLedger} (which also drops
 * unsent events about them), erase them from the service's own store and confirm, in one
 * transaction, once per {@code customer.erased.v1} event however often it is delivered.
 */
@ApplicationScoped
public class ErasureConfirmations {

    @Inject
    EventOutbox outbox;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ErasureLedger ledger;

    @Inject
    DataKeys keys;

    @Inject
    Clock clock;

    // quarkus.* belongs to Quarkus: a mapping of that prefix is not ours to declare
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** @param eraser removes the customer's personal data and answers how many rows it changed */
    public void handle(ConsumerRecord<String, String> record, ToLongFunction<CustomerErasure.Requested> eraser) {
        consumer.consume(record, CustomerErasure.Requested.class, "customer-erasure",
                event -> {
                    CustomerErasure.Requested request = event.data();
                    long dropped = ledger.record(request.customerId(),
                            request.requestedAt() != null ? request.requestedAt() : clock.instant());
                    // here too, not only when the key topic's marker arrives: topics are not ordered
                    dropped += keys.destroy(request.customerId());
                    confirm(request.erasureId(), dropped + eraser.applyAsLong(request));
                });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(UUID erasureId, long rowsAffected) {
        outbox.publish(CustomerErasure.CONFIRMED_TOPIC, CustomerErasure.CONFIRMED_TYPE, erasureId.toString(),
                new CustomerErasure.Confirmed(erasureId, service, rowsAffected, clock.instant()));
    }
}
