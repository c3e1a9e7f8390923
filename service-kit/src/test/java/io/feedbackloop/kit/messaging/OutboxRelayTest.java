package io.feedbackloop.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class OutboxRelayTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryDatabase database = new InMemoryDatabase();
    private final MutableClock clock = new MutableClock(NOW);
    private OutboxRelay relay;

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.workers.stopAll();
            relay.stop(null);
        }
    }

    @Test
    void sendsEveryEventInTheOrderItWasWrittenSoOneKeysEventsStayInOrder() {
        for (int i = 1; i <= 7; i++) {
            database.write("feedback.received.v1", i % 2 == 0 ? "feedback-a" : "feedback-b", "{\"n\":" + i + "}");
        }
        MockProducer<String, String> broker = broker(true);
        relay = relay(3, broker);

        assertTrue(relay.relayAndTidy(), "a full batch: more is probably waiting");
        assertTrue(relay.relayAndTidy());
        assertFalse(relay.relayAndTidy(), "the last batch was not full");

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), broker.history().stream().map(OutboxRelayTest::number).toList());
        assertEquals(List.of(2, 4, 6), numbersOfKey(broker.history(), "feedback-a"));
        assertEquals(List.of(1, 3, 5, 7), numbersOfKey(broker.history(), "feedback-b"));
        assertTrue(database.unsentEvents().isEmpty());
    }

    @Test
    void eachRecordCarriesTheEventsCloudEventsAttributesAsHeaders() {
        OutboxEvent event = database.write("case.opened.v1", "feedback-1", "{}");
        event.traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        MockProducer<String, String> broker = broker(true);
        relay = relay(10, broker);

        relay.relayOneBatch();

        ProducerRecord<String, String> record = broker.history().get(0);
        assertEquals("case.opened.v1", record.topic());
        assertEquals("feedback-1", record.key());
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals(event.eventId.toString(), header(record, CloudEventHeaders.ID));
        assertEquals(event.eventType, header(record, CloudEventHeaders.TYPE));
        assertEquals("/feedback-ingest", header(record, CloudEventHeaders.SOURCE));
        assertEquals("feedback-1", header(record, CloudEventHeaders.SUBJECT));
        assertEquals("2026-11-23T09:00:00Z", header(record, CloudEventHeaders.TIME));
        assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
        assertEquals(event.traceParent, header(record, "traceparent"));
    }

    @Test
    void nothingIsMarkedSentBeforeTheBrokerAcknowledgedTheWholeBatch() throws Exception {
        database.write("t", "k", "1");
        database.write("t", "k", "2");
        MockProducer<String, String> broker = broker(false);
        relay = relay(10, broker);

        Future<Integer> relaying = relayWhileTheBrokerHolds(broker, 2);
        broker.completeNext();
        assertEquals(2, database.unsentEvents().size(), "one acknowledgement of two marks nothing");

        broker.completeNext();
        assertEquals(2, relaying.get(10, TimeUnit.SECONDS));
        assertTrue(database.unsentEvents().isEmpty());
    }

    @Test
    void aBatchTheBrokerDidNotAcknowledgeStaysInTheOutboxAndIsSentAgain() throws Exception {
        database.write("t", "k", "1");
        database.write("t", "k", "2");
        MockProducer<String, String> broker = broker(false);
        relay = relay(10, broker);

        Future<Integer> relaying = relayWhileTheBrokerHolds(broker, 2);
        broker.completeNext();
        broker.errorNext(new TimeoutException("no answer from the leader"));
        Exception failure = assertThrows(Exception.class, () -> relaying.get(10, TimeUnit.SECONDS));
        assertTrue(rootCause(failure) instanceof TimeoutException, failure::toString);
        assertEquals(2, database.unsentEvents().size(), "nothing lost, nothing marked");

        broker.clear();
        Future<Integer> again = relayWhileTheBrokerHolds(broker, 2);
        broker.completeNext();
        broker.completeNext();
        assertEquals(2, again.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2), broker.history().stream().map(OutboxRelayTest::number).toList());
        assertTrue(database.unsentEvents().isEmpty());
    }

    @Test
    void aRecordKafkaRefusesStopsTheRelayAtThatEventAndNamesIt() {
        database.write("t", "a", "1");
        OutboxEvent tooLarge = database.write("t", "b", "2".repeat(100));
        database.write("t", "a", "3");
        RefusingBroker broker = new RefusingBroker(50);
        relay = relay(10, broker);

        for (int attempt = 0; attempt < 2; attempt++) {
            RuntimeException refused = assertThrows(RuntimeException.class, relay::relayOneBatch);
            assertTrue(refused.getMessage().contains(tooLarge.eventId.toString()), refused::getMessage);
            assertTrue(rootCause(refused) instanceof RecordTooLargeException);
        }

        assertEquals(3, database.unsentEvents().size(), "the batch before it is sent again, never marked alone");
        assertEquals(List.of(1, 1), broker.history().stream().map(OutboxRelayTest::number).toList(),
                "nothing written after the refused event overtakes it");
    }

    @Test
    void whileAnotherReplicaRelaysThisOneSendsNothing() {
        database.write("t", "k", "1");
        database.holdRelayLockElsewhere(true);
        MockProducer<String, String> broker = broker(true);
        relay = relay(10, broker);

        assertEquals(0, relay.relayOneBatch());
        assertTrue(broker.history().isEmpty());
    }

    @Test
    void sentEventsAndProcessedIdsAreForgottenAfterTheirRetentionAtMostEveryTenMinutes() {
        relay = relay(10, broker(true));

        relay.relayAndTidy();
        assertEquals(List.of(NOW.minus(Duration.ofDays(1))), database.sentCutoffs());
        assertEquals(List.of(NOW.minus(Duration.ofDays(14))), database.processedCutoffs());

        clock.advance(Duration.ofMinutes(9));
        relay.relayAndTidy();
        assertEquals(1, database.sentCutoffs().size(), "not again within ten minutes");

        clock.advance(Duration.ofMinutes(1));
        relay.relayAndTidy();
        assertEquals(2, database.sentCutoffs().size());
    }

    @Test
    void eventsAreMarkedSentAtTheClocksTime() {
        OutboxEvent event = database.write("t", "k", "1");
        relay = relay(10, broker(true));

        relay.relayOneBatch();

        assertEquals(NOW, event.sentAt);
    }

    @Test
    void aStartedRelaySendsWhatIsCommittedAndWakesUpWhenATransactionWithEventsCommits() {
        database.write("t", "k", "1");
        MockProducer<String, String> broker = broker(true);
        relay = relay(10, broker);

        relay.start(null);
        Await.until("the waiting event relayed", () -> database.unsentEvents().isEmpty());

        TransactionSynchronizationRegistry transaction = mock(TransactionSynchronizationRegistry.class);
        relay.wakeUpAfterCommit(transaction);
        ArgumentCaptor<Synchronization> afterCommit = ArgumentCaptor.forClass(Synchronization.class);
        verify(transaction).registerInterposedSynchronization(afterCommit.capture());
        database.write("t", "k", "2");
        afterCommit.getValue().afterCompletion(Status.STATUS_COMMITTED);

        // the poll interval is an hour: only the wake-up can have sent it
        Await.until("the new event relayed", () -> database.unsentEvents().isEmpty());
        assertEquals(2, broker.history().size());
    }

    @Test
    void aDisabledRelayRunsNoThreadAndLeavesTheEventsInTheOutbox() {
        database.write("t", "k", "1");
        relay = relay(10, broker(true));
        relay.config = Configs.outbox(false, 10, Duration.ofMillis(10));

        relay.start(null);
        relay.wakeUpAfterCommit(mock(TransactionSynchronizationRegistry.class));

        assertFalse(Await.threadAlive("outbox-relay"));
        assertEquals(1, database.unsentEvents().size());
    }

    @Test
    void stoppingClosesTheProducerAfterTheWorkerStopped() {
        database.write("t", "k", "1");
        MockProducer<String, String> broker = broker(true);
        relay = relay(10, broker);
        relay.start(null);
        Await.until("the event relayed", () -> database.unsentEvents().isEmpty());

        relay.workers.stopAll();
        relay.stop(null);

        assertFalse(Await.threadAlive("outbox-relay"));
        assertTrue(broker.closed());
        relay = null;
    }

    @Test
    void aRecordWithoutSubjectOrTraceHasNeitherHeader() {
        OutboxEvent event = database.write("t", "k", "1");
        event.subject = null;
        MockProducer<String, String> broker = broker(true);
        relay = relay(10, broker);

        relay.relayOneBatch();

        assertNull(broker.history().get(0).headers().lastHeader(CloudEventHeaders.SUBJECT));
        assertNull(broker.history().get(0).headers().lastHeader("traceparent"));
    }

    @Test
    void aFailedUnitDropsTheProducerSoTheNextUnitConnectsAfresh() {
        database.write("t", "k", "1");
        RefusingBroker broker = new RefusingBroker(0);
        relay = relay(10, broker);
        relay.start(null);

        Await.until("the producer closed after the failure", broker::closed);
        relay.workers.stopAll();
        assertEquals(1, database.unsentEvents().size(), "nothing lost");
    }

    /** Relays one batch on another thread, which waits for the acknowledgements the test gives. */
    private Future<Integer> relayWhileTheBrokerHolds(MockProducer<String, String> broker, int records) {
        Future<Integer> relaying = CompletableFuture.supplyAsync(relay::relayOneBatch);
        Await.until(records + " records handed to the broker", () -> broker.history().size() == records);
        return relaying;
    }

    private OutboxRelay relay(int batchSize, MockProducer<String, String> broker) {
        OutboxRelay relay = new OutboxRelay();
        relay.bootstrapServers = "unused:9092";
        relay.applicationName = "feedback-ingest";
        relay.config = Configs.outbox(true, batchSize, Duration.ofHours(1));
        relay.consumerConfig = Configs.consumer(10);
        relay.table = database.outboxTable();
        relay.processedEvents = database.processedEvents();
        relay.transactions = database.transactions();
        relay.workers = new PollingWorkers();
        relay.registry = new SimpleMeterRegistry();
        relay.clock = clock;
        relay.producers = () -> broker;
        return relay;
    }

    private static MockProducer<String, String> broker(boolean acknowledgeAtOnce) {
        return new MockProducer<>(acknowledgeAtOnce, null, new StringSerializer(), new StringSerializer());
    }

    /** Refuses a record larger than it accepts the moment it is handed over, as Kafka's producer does. */
    private static final class RefusingBroker extends MockProducer<String, String> {

        private final int maxValueLength;

        RefusingBroker(int maxValueLength) {
            super(true, null, new StringSerializer(), new StringSerializer());
            this.maxValueLength = maxValueLength;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (record.value().length() > maxValueLength) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("record too large"));
            }
            return super.send(record, callback);
        }
    }

    private static int number(ProducerRecord<String, String> record) {
        String value = record.value();
        return Integer.parseInt(value.startsWith("{") ? value.replaceAll("\\D", "") : value);
    }

    private static List<Integer> numbersOfKey(List<ProducerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(OutboxRelayTest::number).toList();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertTrue(header != null, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void theRelaySignsInWithTheServicesOwnKafkaCredentialsAndNothingElseOfItsSettings() {
        java.util.Map<String, Object> settings = java.util.Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "scram login", "ssl.truststore.type", "PEM",
                "bootstrap.servers", "elsewhere:9092", "acks", "1");
        assertEquals(java.util.Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "scram login", "ssl.truststore.type", "PEM"), OutboxRelay.credentials(settings));
        assertEquals(java.util.Map.of(), OutboxRelay.credentials(null));
    }
}
