package io.feedbackloop.kit.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The outbox and processed-event tables in memory, with transactions that keep what the work
 * changed when it returns and undo it when it throws: what the relay and the consumer need of a
 * database, and no more.
 */
final class InMemoryDatabase {

    private final List<OutboxEvent> outbox = new ArrayList<>();
    private final Map<String, Instant> processed = new HashMap<>();
    private long nextSequence = 1;
    private volatile boolean relayLockHeldElsewhere;
    private final List<Instant> sentCutoffs = new ArrayList<>();
    private final List<Instant> processedCutoffs = new ArrayList<>();

    synchronized OutboxEvent write(String topic, String key, String payload) {
        OutboxEvent event = new OutboxEvent();
        event.sequence = nextSequence++;
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventType = "feedbackloop.test." + topic;
        event.recordKey = key;
        event.subject = key;
        event.payload = payload;
        event.createdAt = Instant.parse("2026-11-23T09:00:00Z");
        outbox.add(event);
        return event;
    }

    synchronized List<OutboxEvent> unsentEvents() {
        return outbox.stream().filter(e -> e.sentAt == null).toList();
    }

    synchronized boolean wasProcessed(String eventId, String consumer) {
        return processed.containsKey(consumer + "/" + eventId);
    }

    void holdRelayLockElsewhere(boolean held) {
        relayLockHeldElsewhere = held;
    }

    synchronized List<Instant> sentCutoffs() {
        return List.copyOf(sentCutoffs);
    }

    synchronized List<Instant> processedCutoffs() {
        return List.copyOf(processedCutoffs);
    }

    NewTransactions transactions() {
        return new NewTransactions() {
            @Override
            <T> T call(Callable<T> work) {
                Snapshot before = snapshot();
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    restore(before);
                    throw e;
                } catch (Exception e) {
                    restore(before);
                    throw new IllegalStateException(e);
                }
            }

            @Override
            void run(Runnable work) {
                call(() -> {
                    work.run();
                    return null;
                });
            }
        };
    }

    OutboxTable outboxTable() {
        return new OutboxTable() {
            @Override
            boolean lockForRelay() {
                return !relayLockHeldElsewhere;
            }

            @Override
            List<OutboxEvent> unsent(int limit) {
                return unsentEvents().stream().limit(limit).toList();
            }

            @Override
            void markSent(List<Long> sequences, Instant at) {
                synchronized (InMemoryDatabase.this) {
                    outbox.stream().filter(e -> sequences.contains(e.sequence)).forEach(e -> e.sentAt = at);
                }
            }

            @Override
            long countUnsent() {
                return unsentEvents().size();
            }

            @Override
            void deleteSentBefore(Instant cutoff) {
                synchronized (InMemoryDatabase.this) {
                    sentCutoffs.add(cutoff);
                    outbox.removeIf(e -> e.sentAt != null && e.sentAt.isBefore(cutoff));
                }
            }
        };
    }

    ProcessedEvents processedEvents() {
        return new ProcessedEvents() {
            @Override
            boolean markProcessed(String eventId, String consumer, Instant at) {
                synchronized (InMemoryDatabase.this) {
                    return processed.putIfAbsent(consumer + "/" + eventId, at) == null;
                }
            }

            @Override
            void forgetProcessedBefore(Instant cutoff) {
                synchronized (InMemoryDatabase.this) {
                    processedCutoffs.add(cutoff);
                    processed.values().removeIf(at -> at.isBefore(cutoff));
                }
            }
        };
    }

    private record Snapshot(Map<Long, Instant> sentAt, Map<String, Instant> processed) {
    }

    private synchronized Snapshot snapshot() {
        Map<Long, Instant> sentAt = new HashMap<>();
        outbox.forEach(e -> sentAt.put(e.sequence, e.sentAt));
        return new Snapshot(sentAt, new HashMap<>(processed));
    }

    private synchronized void restore(Snapshot snapshot) {
        outbox.forEach(e -> e.sentAt = snapshot.sentAt().get(e.sequence));
        processed.clear();
        processed.putAll(snapshot.processed());
    }
}
