package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import io.feedbackloop.stack.KafkaAccess;
import io.feedbackloop.stack.KafkaBroker;
import io.feedbackloop.stack.LoopTopics;
import io.feedbackloop.stack.TopicProbe;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack's real broker refuses every service's principal outside its ACLs: each service writes
 * only what it owns (and its dead-letter topics), reads only what it consumes, only in its own
 * consumer group; a forged {@code customer.erased.v1} is refused; nobody gets in unauthenticated.
 */
class KafkaAclTest {

    private static final String FORGED_ERASURE = "{\"erasureId\":\"00000000-0000-0000-0000-000000000000\",\"customerId\":\"c-1\"}";

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Path directory = Files.createTempDirectory("kafka-acl-test");
        broker = KafkaBroker.start(directory, 0);
        broker.createTopics(LoopTopics.all(), 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Properties signedInAs(String service) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.putAll(broker.serviceCredentials(service));
        return props;
    }

    private static KafkaProducer<String, String> producer(Properties props) {
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(props);
    }

    /** Sends one record and returns what the broker refused with, or null when it was written. */
    private static Throwable send(KafkaProducer<String, String> producer, String topic, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void eachServiceWritesExactlyTheTopicsItOwnsAndItsDeadLetterTopics() {
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (KafkaAccess.Principal principal : KafkaAccess.PRINCIPALS) {
            try (KafkaProducer<String, String> producer = producer(signedInAs(principal.service()))) {
                for (String topic : LoopTopics.all()) {
                    boolean allowed = principal.writes().contains(topic);
                    Throwable failure = send(producer, topic, "{}");
                    if (allowed && failure != null) {
                        wrong.add(principal.service() + " could not write its own " + topic + ": " + failure);
                    } else if (!allowed && !(failure instanceof TopicAuthorizationException)) {
                        wrong.add(principal.service() + " was not refused " + topic + ": " + failure);
                    } else if (!allowed) {
                        refused++;
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        System.out.printf("KAFKA ACLS: %d services x %d topics, %d writes refused as expected%n",
                KafkaAccess.PRINCIPALS.size(), LoopTopics.all().size(), refused);
    }

    @Test
    void aForgedErasureFromAnotherServicesCredentialsIsRefusedAndNeverReachesTheTopic() {
        try (TopicProbe probe = TopicProbe.watch(broker.bootstrapServers(), LoopTopics.CUSTOMER_ERASED)) {
            for (String forger : List.of("feedback-categorize", "feedback-action", "closeloop-notifier")) {
                try (KafkaProducer<String, String> producer = producer(signedInAs(forger))) {
                    Throwable refused = send(producer, LoopTopics.CUSTOMER_ERASED, FORGED_ERASURE);
                    assertInstanceOf(TopicAuthorizationException.class, refused, forger + " forged an erasure");
                }
            }
            assertEquals(List.of(), probe.settle(LoopTopics.CUSTOMER_ERASED, r -> true, Duration.ofSeconds(2)));
        }
        try (KafkaProducer<String, String> owner = producer(signedInAs("feedback-ingest"))) {
            assertEquals(null, send(owner, LoopTopics.CUSTOMER_ERASED, FORGED_ERASURE), "ingest owns erasures");
        }
    }

    private static KafkaConsumer<String, String> consumer(String service, String group) {
        Properties props = signedInAs(service);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(props);
    }

    /** Reads one topic's partition 0 in the group and commits; returns what the broker refused with, or null. */
    private static RuntimeException read(String service, String group, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(service, group)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.poll(Duration.ofSeconds(2));
            consumer.commitSync(Duration.ofSeconds(10));
            return null;
        } catch (TopicAuthorizationException | GroupAuthorizationException e) {
            return e;
        }
    }

    @Test
    void eachServiceReadsOnlyWhatItConsumesInItsOwnGroup() {
        List<String> wrong = new ArrayList<>();
        for (KafkaAccess.Principal principal : KafkaAccess.PRINCIPALS) {
            for (String topic : principal.reads()) {
                RuntimeException refused = read(principal.service(), principal.group(), topic);
                if (refused != null) {
                    wrong.add(principal.service() + " could not read " + topic + ": " + refused);
                }
            }
            String notRead = LoopTopics.all().stream().filter(t -> !principal.reads().contains(t)).findFirst().orElseThrow();
            if (!(read(principal.service(), principal.group(), notRead) instanceof TopicAuthorizationException)) {
                wrong.add(principal.service() + " read " + notRead + ", which it does not consume");
            }
            String dlq = principal.reads().get(0) + ".dlq";
            if (!(read(principal.service(), principal.group(), dlq) instanceof TopicAuthorizationException)) {
                wrong.add(principal.service() + " read its dead-letter topic " + dlq + ", which only operators read");
            }
            for (KafkaAccess.Principal other : KafkaAccess.PRINCIPALS) {
                String shared = principal.reads().get(0);
                if (!other.equals(principal)
                        && !(read(principal.service(), other.group(), shared) instanceof GroupAuthorizationException)) {
                    wrong.add(principal.service() + " joined " + other.group() + "'s consumer group");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordIsNotLetIn() {
        Properties anonymous = new Properties();
        anonymous.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            assertTrue(send(producer, LoopTopics.FEEDBACK_RECEIVED, "{}") != null, "a plaintext client got in");
        }
        Properties wrongPassword = signedInAs("feedback-ingest");
        wrongPassword.putAll(KafkaAccess.clientSettings("feedback-ingest", "not-the-password"));
        try (KafkaProducer<String, String> producer = producer(wrongPassword)) {
            Throwable refused = assertThrows(Exception.class,
                    () -> producer.send(new ProducerRecord<>(LoopTopics.FEEDBACK_RECEIVED, "k", "{}")).get());
            Throwable cause = refused instanceof ExecutionException ? refused.getCause() : refused;
            assertInstanceOf(SaslAuthenticationException.class, cause, String.valueOf(cause));
        }
    }

    @Test
    void theStacksToolingSignsInAsTheSuperUser() {
        Map<String, String> credentials = broker.superUserCredentials();
        assertTrue(credentials.get("sasl.jaas.config").contains("username=\"" + KafkaBroker.SUPER_USER + "\""));
        try (TopicProbe probe = TopicProbe.watch(broker.bootstrapServers(), LoopTopics.FEEDBACK_RECEIVED + ".dlq")) {
            probe.publish(LoopTopics.FEEDBACK_RECEIVED + ".dlq", "k", "dead letter", Map.of());
            assertEquals(1, probe.await(LoopTopics.FEEDBACK_RECEIVED + ".dlq", r -> r.value().equals("dead letter"), 1,
                    Duration.ofSeconds(20)).size());
        }
    }
}
