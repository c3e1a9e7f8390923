package io.feedbackloop.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Watches topics the way an ops team would (a consumer group of its own, from the earliest
 * offset) and publishes records the way another service would. Test tooling: it signs in as the
 * broker's super user ({@link KafkaBroker#superUserClient}), so it may read and write every topic.
 */
public final class TopicProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private KafkaProducer<String, String> producer;

    private TopicProbe(String bootstrapServers, List<String> topics) {
        this.bootstrapServers = bootstrapServers;
        Properties props = KafkaBroker.superUserClient(bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(topics);
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    try {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                            synchronized (seen) {
                                seen.add(record);
                            }
                        }
                    } catch (RuntimeException e) {
                        // the broker may be down on purpose; keep polling until it is back
                        Sleep.millis(200);
                    }
                }
            }
        }, "topic-probe");
        poller.setDaemon(true);
        poller.start();
    }

    public static TopicProbe watch(String bootstrapServers, String... topics) {
        return new TopicProbe(bootstrapServers, List.of(topics));
    }

    public List<ConsumerRecord<String, String>> records(String topic) {
        synchronized (seen) {
            return seen.stream().filter(r -> r.topic().equals(topic)).collect(Collectors.toList());
        }
    }

    /** Waits until {@code count} records on the topic match, and returns every match seen by then. */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                       int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ConsumerRecord<String, String>> matching = records(topic).stream().filter(match)
                    .collect(Collectors.toList());
            if (matching.size() >= count || Instant.now().isAfter(deadline)) {
                return matching;
            }
            Sleep.millis(100);
        }
    }

    /** Waits a quiet period and returns what matched: for asserting that something did NOT happen. */
    public List<ConsumerRecord<String, String>> settle(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                        Duration quietPeriod) {
        Sleep.millis(quietPeriod.toMillis());
        return records(topic).stream().filter(match).collect(Collectors.toList());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes one record with the given headers and waits for the broker's acknowledgement. */
    public void publish(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Publishes JSON as a binary-mode CloudEvent with the given id, as another service's relay would. */
    public void publishEvent(String topic, String key, String eventId, String json) {
        publish(topic, key, json, Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", "feedbackloop." + topic,
                "ce_source", "/topic-probe", "ce_subject", key, "ce_time", java.time.Instant.now().toString(),
                "content-type", "application/json"));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = KafkaBroker.superUserClient(bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close();
        }
    }
}
