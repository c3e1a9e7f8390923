package io.feedbackloop.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.privacy.PersonalDataOpener;
import io.feedbackloop.kit.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Applies an event's effect exactly once, to the event's data with its personal fields opened
 * (an event sealed with a destroyed key is about an erased customer: recorded, no effect). The event id is recorded in {@code processed_event} in
 * the same transaction as the effect: a redelivery finds the id and changes nothing, and a crash
 * before commit leaves neither, so the redelivery applies the effect then.
 *
 * <p>Poison events (unreadable, invalid) throw {@link PoisonEventException}; the channel's
 * {@code failure-strategy=dead-letter-queue} then moves them to the dead-letter topic and the
 * partition moves on. Transient failures (database unreachable, deadlock) are retried until they
 * pass; any other failure is retried a few times, then dead-lettered.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ObjectMapper mapper;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    NewTransactions transactions;

    @Inject
    Validator validator;

    @Inject
    EventTracing tracing;

    @Inject
    ConsumerConfig config;

    @Inject
    Clock clock;

    @Inject
    PersonalDataOpener personalData;

    @Inject
    public IdempotentConsumer(ObjectMapper mapper) {
        // consumers tolerate fields added by a newer producer (additive schema evolution)
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Reads the record into {@code type}, then runs {@code effect} in a new transaction unless
     * {@code consumerName} already processed this event id.
     *
     * @return true if the effect ran, false for a duplicate
     */
    public <T> boolean consume(ConsumerRecord<String, String> record, Class<T> type, String consumerName,
                               Consumer<IncomingEvent<T>> effect) {
        IncomingEvent<JsonNode> event = read(record);
        // every log line about this event names what it is about: the feedback id on every
        // feedback topic (the invitation or erasure id on theirs)
        MDC.put("feedbackId", record.key() == null ? "" : record.key());
        try {
            return tracing.inConsumerSpan(record, consumerName, () -> consumeRead(event, type, consumerName, effect));
        } finally {
            MDC.remove("feedbackId");
        }
    }

    private <T> boolean consumeRead(IncomingEvent<JsonNode> event, Class<T> type, String consumerName,
                                    Consumer<IncomingEvent<T>> effect) {
        Duration backoff = config.retry().initialBackoff();
        int attempts = config.retry().attempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.call(() -> {
                    if (!processedEvents.markProcessed(event.id(), consumerName, clock.instant())) {
                        LOG.debugf("%s: event %s already processed, skipped", consumerName, event.id());
                        return false;
                    }
                    // opened in the effect's transaction: a key destroyed by an erasure that
                    // committed first is destroyed for this event too
                    JsonNode json = event.data().deepCopy();
                    if (personalData.open(json) == PersonalDataOpener.Outcome.ERASED) {
                        LOG.infof("%s: event %s is about an erased customer: recorded, no effect", consumerName,
                                event.id());
                        return false;
                    }
                    effect.accept(new IncomingEvent<>(event.id(), event.type(), event.key(), event.time(),
                            convert(event.id(), json, type)));
                    return true;
                });
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean transientFailure = TransientFailures.isTransient(e);
                // an unreachable database is no reason to give up on an event: the partition
                // waits (its offset is not committed) until the database is back
                if (!transientFailure && attempt >= attempts) {
                    LOG.errorf("%s: event %s failed %d times, sending it to the dead-letter topic: %s", consumerName,
                            event.id(), attempt, e.toString());
                    throw e;
                }
                LOG.warnf("%s: event %s failed (attempt %d%s), retrying in %d ms: %s", consumerName, event.id(),
                        attempt, transientFailure ? ", transient" : "", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The record's attributes and its JSON, checked for what makes it unreadable whatever happens later. */
    IncomingEvent<JsonNode> read(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonEventException("record without " + CloudEventHeaders.ID + " header at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no value");
        }
        JsonNode json;
        try {
            json = mapper.readTree(record.value());
        } catch (Exception e) {
            throw new PoisonEventException("event " + id + " is not readable JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw new PoisonEventException("event " + id + " is not a JSON object");
        }
        return new IncomingEvent<>(id, header(record, CloudEventHeaders.TYPE), record.key(),
                parseTime(header(record, CloudEventHeaders.TIME)), json);
    }

    /** The event's data in the consumer's DTO, valid by its constraints, or a poison event. */
    <T> T convert(String id, JsonNode json, Class<T> type) {
        T data;
        try {
            data = mapper.treeToValue(json, type);
        } catch (Exception e) {
            throw new PoisonEventException("event " + id + " is not a readable " + type.getSimpleName(), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.iterator().next();
            throw new PoisonEventException("event " + id + " is invalid: " + first.getPropertyPath() + " "
                    + first.getMessage());
        }
        return data;
    }

    private static Instant parseTime(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Waits before the next attempt. An interrupt (the service shutting down) does not end the
     * retries: failing now would dead-letter a healthy event, whereas a process that exits with the
     * event unacknowledged gets it redelivered after restart.
     */
    private static void sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
