package io.feedbackloop.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.constraints.NotBlank;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IdempotentConsumerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A consumer's DTO: the consumer reads what it needs and ignores the rest. */
    public record Scored(@NotBlank String feedbackId, int score) {
    }

    private final InMemoryDatabase database = new InMemoryDatabase();
    private final IdempotentConsumer consumer = consumer(3);

    @Test
    void aRedeliveredEventChangesNothing() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), "{\"feedbackId\":\"f-1\",\"score\":9}");
        List<Scored> applied = new ArrayList<>();

        assertTrue(consumer.consume(record, Scored.class, "categorizer", event -> applied.add(event.data())));
        assertFalse(consumer.consume(record, Scored.class, "categorizer", event -> applied.add(event.data())),
                "the second delivery is recognised as a duplicate");

        assertEquals(List.of(new Scored("f-1", 9)), applied);
    }

    @Test
    void eachConsumerAppliesTheEventOnceForItself() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), "{\"feedbackId\":\"f-1\",\"score\":9}");
        AtomicInteger applied = new AtomicInteger();

        consumer.consume(record, Scored.class, "categorizer", event -> applied.incrementAndGet());
        consumer.consume(record, Scored.class, "case-router", event -> applied.incrementAndGet());

        assertEquals(2, applied.get());
    }

    @Test
    void theEffectSeesTheEventsCloudEventsAttributesAndToleratesFieldsItDoesNotKnow() {
        String id = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = record(id, "{\"feedbackId\":\"f-1\",\"score\":9,\"addedLater\":true}");
        List<IncomingEvent<Scored>> seen = new ArrayList<>();

        consumer.consume(record, Scored.class, "categorizer", seen::add);

        IncomingEvent<Scored> event = seen.get(0);
        assertEquals(id, event.id());
        assertEquals("feedbackloop.feedback.scored.v1", event.type());
        assertEquals("f-1", event.key());
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), event.time());
        assertEquals(new Scored("f-1", 9), event.data());
    }

    @Test
    void anUnreadableTimeIsNoTime() {
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(), "{\"feedbackId\":\"f-1\"}");
        record.headers().remove(CloudEventHeaders.TIME).add(CloudEventHeaders.TIME, bytes("yesterday"));
        List<IncomingEvent<Scored>> seen = new ArrayList<>();

        consumer.consume(record, Scored.class, "categorizer", seen::add);

        assertNull(seen.get(0).time());
    }

    @Test
    void anEventWithoutIdIsPoisonAndGoesToTheDeadLetterTopicUntouched() {
        ConsumerRecord<String, String> record = record(null, "{\"feedbackId\":\"f-1\"}");

        assertPoison(record);
    }

    @Test
    void anEventWithoutValueIsPoison() {
        assertPoison(record(UUID.randomUUID().toString(), null));
    }

    @Test
    void anUnreadableEventIsPoison() {
        assertPoison(record(UUID.randomUUID().toString(), "{\"feedbackId\":"));
        assertPoison(record(UUID.randomUUID().toString(), "{\"feedbackId\":\"f-1\",\"score\":\"nine\"}"));
    }

    @Test
    void anInvalidEventIsPoisonNamingTheField() {
        PoisonEventException poison = assertPoison(record(UUID.randomUUID().toString(), "{\"feedbackId\":\" \"}"));

        assertTrue(poison.getMessage().contains("feedbackId"), poison::getMessage);
    }

    @Test
    void anEffectThatFindsTheEventPoisonIsNotRetriedAndLeavesNoTrace() {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        PoisonEventException poison = new PoisonEventException("feedback f-1 does not exist");

        PoisonEventException thrown = assertThrows(PoisonEventException.class, () -> consumer.consume(
                record(id, "{\"feedbackId\":\"f-1\"}"), Scored.class, "categorizer", event -> {
                    attempts.incrementAndGet();
                    throw poison;
                }));

        assertSame(poison, thrown);
        assertEquals(1, attempts.get());
        assertFalse(database.wasProcessed(id, "categorizer"), "a replay from the dead-letter topic applies it");
    }

    @Test
    void aTransientFailureIsRetriedPastTheAttemptLimitUntilItPassesAndNeverDeadLettered() {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();

        boolean applied = consumer.consume(record(id, "{\"feedbackId\":\"f-1\"}"), Scored.class, "categorizer",
                event -> {
                    if (attempts.incrementAndGet() <= 5) {
                        throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
                    }
                });

        assertTrue(applied);
        assertEquals(6, attempts.get(), "five failures with a limit of three attempts, then success");
        assertTrue(database.wasProcessed(id, "categorizer"));
    }

    @Test
    void aFailureThatPersistsIsRetriedAFewTimesThenGoesToTheDeadLetterTopic() {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("no rule for this channel");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> consumer.consume(
                record(id, "{\"feedbackId\":\"f-1\"}"), Scored.class, "categorizer", event -> {
                    attempts.incrementAndGet();
                    throw bug;
                }));

        assertSame(bug, thrown, "thrown to the channel, whose failure strategy dead-letters the record");
        assertEquals(3, attempts.get());
        assertFalse(database.wasProcessed(id, "categorizer"), "each failed attempt was rolled back");
    }

    @Test
    void aFailedAttemptUndoesItsMarkSoTheRetryAppliesTheEffect() {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        List<String> effects = new ArrayList<>();

        consumer.consume(record(id, "{\"feedbackId\":\"f-1\"}"), Scored.class, "categorizer", event -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            effects.add(event.id());
        });

        assertEquals(List.of(id), effects);
    }

    private PoisonEventException assertPoison(ConsumerRecord<String, String> record) {
        AtomicInteger applied = new AtomicInteger();
        PoisonEventException poison = assertThrows(PoisonEventException.class,
                () -> consumer.consume(record, Scored.class, "categorizer", event -> applied.incrementAndGet()));
        assertEquals(0, applied.get());
        return poison;
    }

    private IdempotentConsumer consumer(int attempts) {
        return KitFakes.idempotentConsumer(database, attempts, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ConsumerRecord<String, String> record(String eventId, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("feedback.scored.v1", 0, 42L, "f-1", value);
        if (eventId != null) {
            record.headers().add(CloudEventHeaders.ID, bytes(eventId));
        }
        record.headers().add(CloudEventHeaders.TYPE, bytes("feedbackloop.feedback.scored.v1"));
        record.headers().add(CloudEventHeaders.TIME, bytes("2026-11-23T09:00:00Z"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
