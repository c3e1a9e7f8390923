package io.feedbackloop.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.feedbackloop.kit.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox events to Kafka in order and marks them sent in the same database
 * transaction that read them. A batch is marked only after the broker acknowledged every record
 * of it (acks=all, idempotent producer); if anything fails the transaction rolls back and the
 * whole batch is sent again later, so an event may reach Kafka twice but never zero times.
 * Consumers drop the second copy by its {@code ce_id}.
 *
 * <p>An event Kafka refuses for good (larger than the broker accepts) stops the relay at that
 * event: nothing written after it is sent, so no key's events are reordered, and every retry
 * logs the refused event's id until an operator deals with it.
 *
 * <p>A PostgreSQL advisory lock lets only one replica of a service relay at a time, so several
 * replicas neither send the same batch concurrently nor reorder one feedback's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEAN_UP_INTERVAL = Duration.ofMinutes(10);

    // kafka.* and quarkus.* belong to other owners: a mapping of either prefix would have to name
    // every property a service sets there, so these two stay single properties
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * Every {@code kafka.*} setting of the service (env included), as Quarkus gives it to its own
     * clients: the relay signs in to the broker with the same principal (SASL, TLS) as they do.
     */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @Inject
    OutboxConfig config;

    @Inject
    ConsumerConfig consumerConfig;

    @Inject
    OutboxTable table;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    NewTransactions transactions;

    @Inject
    PollingWorkers workers;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    /** Where the relay's producer comes from: a real one, or a test's fake broker. */
    Supplier<Producer<String, String>> producers = this::newKafkaProducer;

    private final AtomicLong backlog = new AtomicLong();
    private PollingWorker worker;
    private Producer<String, String> producer;
    private Instant nextCleanUp;

    void start(@Observes StartupEvent startup) {
        registry.gauge("outbox.backlog", backlog);
        OutboxConfig.Relay relay = config.relay();
        worker = workers.start(PollingWorkers.Schedule.of("outbox-relay", relay.pollInterval())
                .enabledIf(relay.enabled()).stopWithin(relay.sendTimeout().plusSeconds(5)),
                this::relayAndTidy, failure -> {
                    closeProducer();
                    refreshBacklog();
                });
    }

    /** Runs after {@link PollingWorkers} stopped the worker, so no batch is using the producer any more. */
    void stop(@Observes ShutdownEvent shutdown) {
        closeProducer();
    }

    /** The caller's transaction wrote outbox events: relay them as soon as it commits, not at the next poll. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    /** @return true while full batches keep coming (more is probably waiting) */
    boolean relayAndTidy() {
        if (relayOneBatch() == config.relay().batchSize()) {
            return true;
        }
        backlog.set(0);
        cleanUpSentEvents();
        return false;
    }

    int relayOneBatch() {
        return transactions.call(() -> {
            if (!table.lockForRelay()) {
                return 0;
            }
            List<OutboxEvent> batch = table.unsent(config.relay().batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            Duration sendTimeout = config.relay().sendTimeout();
            Producer<String, String> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (OutboxEvent event : batch) {
                Future<RecordMetadata> ack = kafka.send(toRecord(event));
                // with the broker down each send may block for metadata: give up on the batch early
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not accept the batch within " + sendTimeout);
                }
                // refused at once (too large, unknown topic): nothing after it may overtake it
                if (ack.isDone()) {
                    failure(ack).ifPresent(refusal -> {
                        throw new IllegalStateException("Kafka refused event " + event.eventId + " (sequence "
                                + event.sequence + ", topic " + event.topic + ")", refusal);
                    });
                }
                acks.add(ack);
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            table.markSent(batch.stream().map(e -> e.sequence).toList(), clock.instant());
            registry.counter("outbox.relayed").increment(batch.size());
            return batch.size();
        });
    }

    private static Optional<Throwable> failure(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        } catch (Exception e) {
            return Optional.of(e);
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.recordKey, event.payload);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, event.eventId.toString());
        header(record, CloudEventHeaders.TYPE, event.eventType);
        header(record, CloudEventHeaders.SOURCE, "/" + applicationName);
        if (event.subject != null) {
            header(record, CloudEventHeaders.SUBJECT, event.subject);
        }
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.createdAt));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.traceParent != null) {
            header(record, EventTracing.TRACEPARENT, event.traceParent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private Producer<String, String> newKafkaProducer() {
        long sendTimeout = config.relay().sendTimeout().toMillis();
        Properties props = new Properties();
        props.putAll(credentials(kafkaDefaults));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // while the broker is down, fail the batch within the send timeout instead of blocking for minutes
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(sendTimeout, 5_000));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(sendTimeout, 10_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout + (int) Math.min(sendTimeout, 10_000));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** The security settings among the service's Kafka settings: how it authenticates, nothing else. */
    static Map<String, Object> credentials(Map<String, Object> kafkaSettings) {
        Map<String, Object> credentials = new java.util.HashMap<>();
        if (kafkaSettings != null) {
            kafkaSettings.forEach((key, value) -> {
                if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    credentials.put(key, value);
                }
            });
        }
        return credentials;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debug("closing the relay producer failed", e);
            }
            producer = null;
        }
    }

    private void refreshBacklog() {
        try {
            backlog.set(transactions.call(table::countUnsent));
        } catch (RuntimeException e) {
            LOG.debug("cannot count the outbox backlog", e);
        }
    }

    private void cleanUpSentEvents() {
        Instant now = clock.instant();
        if (nextCleanUp != null && now.isBefore(nextCleanUp)) {
            return;
        }
        nextCleanUp = now.plus(CLEAN_UP_INTERVAL);
        transactions.run(() -> {
            table.deleteSentBefore(now.minus(config.retention()));
            // a processed event id only has to be remembered while Kafka may still redeliver it
            processedEvents.forgetProcessedBefore(now.minus(consumerConfig.processedRetention()));
        });
    }
}
