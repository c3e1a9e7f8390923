package io.feedbackloop.kit.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.kit.messaging.CloudEventHeaders;
import io.feedbackloop.kit.messaging.EventOutbox;
import io.feedbackloop.kit.messaging.KitFakes;
import io.feedbackloop.kit.messaging.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CustomerErasureConsumerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UUID ERASURE = UUID.fromString("6f1c1f7e-3b7a-4a55-9d61-0d7d3c1d2a11");

    private final EventOutbox outbox = mock(EventOutbox.class);
    private final ErasureLedger ledger = mock(ErasureLedger.class);
    private final DataKeys keys = mock(DataKeys.class);
    private final List<CustomerErasure.Requested> erased = new ArrayList<>();

    @Test
    void runsTheServicesStepAndConfirmsWithItsRowCountTheServiceAndTheTime() {
        CustomerErasureConsumer consumer = consumer(request -> {
            erased.add(request);
            return 7;
        });

        consumer.onCustomerErased(request("evt-1", "{\"erasureId\":\"" + ERASURE + "\",\"customerId\":\"c-42\","
                + "\"eraseText\":true,\"requestedAt\":\"2026-11-23T09:00:00Z\"}"));

        assertEquals(List.of(new CustomerErasure.Requested(ERASURE, "c-42", true,
                Instant.parse("2026-11-23T09:00:00Z"))), erased);
        verify(outbox).publish(CustomerErasure.CONFIRMED_TOPIC, CustomerErasure.CONFIRMED_TYPE, ERASURE.toString(),
                new CustomerErasure.Confirmed(ERASURE, "feedback-action", 7, NOW));
    }

    @Test
    void theCustomerGoesIntoTheLedgerTheirKeysAreDestroyedAndDroppedEventsCountAsRows() {
        when(ledger.record("c-42", Instant.parse("2026-11-23T09:00:00Z"))).thenReturn(2L);
        when(keys.destroy("c-42")).thenReturn(1);
        CustomerErasureConsumer consumer = consumer(request -> 7);

        consumer.onCustomerErased(request("evt-1", "{\"erasureId\":\"" + ERASURE + "\",\"customerId\":\"c-42\","
                + "\"eraseText\":true,\"requestedAt\":\"2026-11-23T09:00:00Z\"}"));

        verify(ledger).record("c-42", Instant.parse("2026-11-23T09:00:00Z"));
        verify(keys).destroy("c-42");
        verify(outbox).publish(CustomerErasure.CONFIRMED_TOPIC, CustomerErasure.CONFIRMED_TYPE, ERASURE.toString(),
                new CustomerErasure.Confirmed(ERASURE, "feedback-action", 10, NOW));
    }

    @Test
    void aRedeliveredRequestErasesAndConfirmsNothingTwice() {
        CustomerErasureConsumer consumer = consumer(request -> {
            erased.add(request);
            return 1;
        });
        ConsumerRecord<String, String> record = request("evt-1", "{\"erasureId\":\"" + ERASURE
                + "\",\"customerId\":\"c-42\"}");

        consumer.onCustomerErased(record);
        consumer.onCustomerErased(record);

        assertEquals(1, erased.size());
        verify(outbox, times(1)).publish(anyString(), anyString(), anyString(), any());
    }

    @Test
    void aStepThatKeepsFailingConfirmsNothingAndTheRequestGoesToTheDeadLetterTopic() {
        CustomerErasureConsumer consumer = consumer(request -> {
            throw new IllegalStateException("column customer_email does not exist");
        });

        assertThrows(IllegalStateException.class, () -> consumer.onCustomerErased(
                request("evt-1", "{\"erasureId\":\"" + ERASURE + "\",\"customerId\":\"c-42\"}")));

        verify(outbox, never()).publish(anyString(), anyString(), anyString(), any());
    }

    @Test
    void aRequestWithoutCustomerIsPoison() {
        CustomerErasureConsumer consumer = consumer(request -> 0);

        PoisonEventException poison = assertThrows(PoisonEventException.class, () -> consumer.onCustomerErased(
                request("evt-1", "{\"erasureId\":\"" + ERASURE + "\"}")));

        assertTrue(poison.getMessage().contains("customerId"), poison::getMessage);
    }

    private CustomerErasureConsumer consumer(ErasureStep step) {
        ErasureConfirmations confirmations = new ErasureConfirmations();
        confirmations.outbox = outbox;
        confirmations.ledger = ledger;
        confirmations.keys = keys;
        confirmations.consumer = KitFakes.idempotentConsumer(Clock.fixed(NOW, ZoneOffset.UTC));
        confirmations.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        confirmations.service = "feedback-action";
        CustomerErasureConsumer consumer = new CustomerErasureConsumer();
        consumer.confirmations = confirmations;
        consumer.step = step;
        return consumer;
    }

    private static ConsumerRecord<String, String> request(String eventId, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(CustomerErasure.REQUESTED_TOPIC, 0, 1L,
                ERASURE.toString(), value);
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
