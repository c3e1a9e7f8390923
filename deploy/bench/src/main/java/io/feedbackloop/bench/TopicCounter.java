package io.feedbackloop.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.feedbackloop.stack.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches topics from their current end, as an ops person with kcat would: how many records,
 * how many bytes, when the last one came, and per feedback (the record key) which distinct
 * event ids ({@code ce_id}) it got, to tell a duplicate effect from a harmless redelivery.
 */
final class TopicCounter implements AutoCloseable {

    static final class Tally {
        long records;
        long bytes;
        volatile long lastArrivalNanos;
        final Map<String, Set<String>> eventIdsByKey = new HashMap<>();

        synchronized long records() {
            return records;
        }

        synchronized double averageBytes() {
            return records == 0 ? 0 : (double) bytes / records;
        }

        synchronized Map<String, Integer> distinctEventsByKey() {
            Map<String, Integer> counts = new HashMap<>();
            eventIdsByKey.forEach((key, ids) -> counts.put(key, ids.size()));
            return counts;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final boolean keepKeys;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    private TopicCounter(String bootstrapServers, Collection<String> topics, boolean keepKeys) {
        this.keepKeys = keepKeys;
        Properties props = KafkaBroker.superUserClient(bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            tallies.put(topic, new Tally());
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // pin "the end" now, before any load starts
        poller = new Thread(this::poll, "topic-counter");
        poller.setDaemon(true);
        poller.start();
    }

    /** @param keepKeys remember each key's distinct event ids (the chaos check; costs memory per record) */
    static TopicCounter watch(String bootstrapServers, Collection<String> topics, boolean keepKeys) {
        return new TopicCounter(bootstrapServers, topics, keepKeys);
    }

    Tally tally(String topic) {
        return tallies.get(topic);
    }

    long records(String topic) {
        return tally(topic).records();
    }

    /** Waits until the topic holds {@code count} records since watching began; returns whether it did. */
    boolean awaitRecords(String topic, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records(topic) < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void poll() {
        while (running.get()) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Tally tally = tallies.get(record.topic());
                    synchronized (tally) {
                        tally.records++;
                        tally.bytes += record.serializedValueSize() + Math.max(0, record.serializedKeySize());
                        if (keepKeys && record.key() != null) {
                            tally.eventIdsByKey.computeIfAbsent(record.key(), k -> new HashSet<>(2)).add(eventId(record));
                        }
                    }
                    tally.lastArrivalNanos = System.nanoTime();
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // the broker is down (chaos): keep polling, the consumer reconnects by itself
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id == null ? "offset-" + record.partition() + "-" + record.offset() : new String(id.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        poller.join(5_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
