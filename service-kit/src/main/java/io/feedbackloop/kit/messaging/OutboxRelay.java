package io.feedbackloop.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.feedbackloop.kit.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
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
 * <p>A PostgreSQL advisory lock lets only one replica of a service relay at a time, so several
 * replicas neither send the same batch concurrently nor reorder one feedback's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming "the outbox relay" among advisory locks of this database. */
    private static final long RELAY_LOCK = 0x0B0C5E1AL;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "outbox.relay.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    @ConfigProperty(name = "outbox.relay.send-timeout", defaultValue = "PT20S")
    Duration sendTimeout;

    /** Sent events (which hold personal data) are kept this long, for debugging, then deleted. */
    @ConfigProperty(name = "outbox.retention", defaultValue = "P1D")
    Duration retention;

    /** Longer than the topics keep records (7 days), so a redelivery is still recognised. */
    @ConfigProperty(name = "consumer.processed-retention", defaultValue = "P14D")
    Duration processedRetention;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    private final AtomicLong backlog = new AtomicLong();
    private PollingWorker worker;
    private KafkaProducer<String, String> producer;
    private Instant nextCleanUp = Instant.now();

    void start(@Observes StartupEvent startup) {
        registry.gauge("outbox.backlog", backlog);
        if (!enabled) {
            return;
        }
        worker = new PollingWorker("outbox-relay", pollInterval, this::relayAndTidy, failure -> {
            closeProducer();
            refreshBacklog();
        });
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (worker != null) {
            worker.stop(sendTimeout.plusSeconds(5));
        }
        closeProducer();
    }

    /** The caller's transaction wrote outbox events: relay them as soon as it commits, not at the next poll. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (worker != null) {
            worker.wakeUpAfterCommit(transactions);
        }
    }

    /** @return true while full batches keep coming (more is probably waiting) */
    private boolean relayAndTidy() {
        if (relayOneBatch() == batchSize) {
            return true;
        }
        backlog.set(0);
        cleanUpSentEvents();
        return false;
    }

    private int relayOneBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> batch = entityManager
                    .createQuery("FROM OutboxEvent WHERE sentAt IS NULL ORDER BY sequence", OutboxEvent.class)
                    .setMaxResults(batchSize).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            KafkaProducer<String, String> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (OutboxEvent event : batch) {
                Future<RecordMetadata> ack = kafka.send(toRecord(event));
                // with the broker down each send may block for metadata: give up on the batch early
                if (System.nanoTime() > deadline || (ack.isDone() && failed(ack))) {
                    throw new IllegalStateException("Kafka did not accept the batch within " + sendTimeout);
                }
                acks.add(ack);
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            List<Long> sequences = batch.stream().map(e -> e.sequence).toList();
            entityManager.createQuery("UPDATE OutboxEvent SET sentAt = :now WHERE sequence IN :sequences")
                    .setParameter("now", Instant.now()).setParameter("sequences", sequences).executeUpdate();
            registry.counter("outbox.relayed").increment(batch.size());
            return batch.size();
        });
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
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

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // while the broker is down, fail the batch within the send timeout instead of blocking for minutes
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(sendTimeout.toMillis(), 5_000));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(sendTimeout.toMillis(), 10_000));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis()
                    + (int) Math.min(sendTimeout.toMillis(), 10_000));
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
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
            backlog.set(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt IS NULL")));
        } catch (RuntimeException e) {
            LOG.debug("cannot count the outbox backlog", e);
        }
    }

    private void cleanUpSentEvents() {
        if (Instant.now().isBefore(nextCleanUp)) {
            return;
        }
        nextCleanUp = Instant.now().plus(Duration.ofMinutes(10));
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent.delete("sentAt < ?1", Instant.now().minus(retention));
            // a processed event id only has to be remembered while Kafka may still redeliver it
            entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                    .setParameter(1, Instant.now().minus(processedRetention)).executeUpdate();
        });
    }
}
