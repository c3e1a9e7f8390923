package io.feedbackloop.kit.messaging;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.tracing.EventTracing;
import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Kit parts wired to in-memory stores, for the tests of other kit packages too. */
public final class KitFakes {

    private KitFakes() {
    }

    /** A consumer whose processed-event table lives in memory, with real commit and rollback; it reads java.time as Quarkus does. */
    public static IdempotentConsumer idempotentConsumer(Clock clock) {
        return idempotentConsumer(new InMemoryDatabase(), 3, clock);
    }

    static IdempotentConsumer idempotentConsumer(InMemoryDatabase database, int attempts, Clock clock) {
        IdempotentConsumer consumer = new IdempotentConsumer(new ObjectMapper().findAndRegisterModules());
        consumer.processedEvents = database.processedEvents();
        consumer.transactions = database.transactions();
        consumer.validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        consumer.tracing = tracingThatRunsWorkDirectly();
        consumer.config = Configs.consumer(attempts);
        consumer.clock = clock;
        consumer.personalData = new io.feedbackloop.kit.privacy.PersonalDataOpener() {
            @Override
            public Outcome open(com.fasterxml.jackson.databind.JsonNode json) {
                // no customer keys in these tests: nothing sealed is known
                return open(json, keyId -> new io.feedbackloop.kit.privacy.DataKeys.Lookup.Unknown());
            }
        };
        return consumer;
    }

    @SuppressWarnings("unchecked")
    private static EventTracing tracingThatRunsWorkDirectly() {
        EventTracing tracing = mock(EventTracing.class);
        when(tracing.inConsumerSpan(any(), anyString(), any()))
                .thenAnswer(call -> ((Supplier<Object>) call.getArgument(2)).get());
        return tracing;
    }
}
