package io.feedbackloop.kit.privacy;

import java.time.Instant;
import java.util.UUID;

import io.feedbackloop.kit.messaging.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Confirms, in the transaction that erased the data, that this service holds none of it any more. */
@ApplicationScoped
public class ErasureConfirmations {

    @Inject
    EventOutbox outbox;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(UUID erasureId, long rowsAffected) {
        outbox.publish(CustomerErasure.CONFIRMED_TOPIC, CustomerErasure.CONFIRMED_TYPE, erasureId.toString(),
                new CustomerErasure.Confirmed(erasureId, service, rowsAffected, Instant.now()));
    }
}
