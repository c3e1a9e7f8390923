package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.feedbackloop.stack.KafkaAccess;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import org.junit.jupiter.api.Test;

/**
 * The event contract as people watching the topics read it: each service's AsyncAPI document
 * names exactly the topics its code reads (application.properties) and every topic has one
 * producer whose JSON Schema exists with an example that has every required field. The broker's
 * ACLs ({@link KafkaAccess}) grant each service exactly what its documents and configuration say.
 */
class EventContractTest {

    private static final List<String> SERVICES = LoopStack.SERVICES.stream().map(LoopStack.Service::module).toList();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Published by the customer's own systems, not by this repository. */
    private static final Set<String> EXTERNAL = Set.of(LoopTopics.TOUCHPOINT_COMPLETED);

    private static Path module(String name) {
        return LoopStack.repositoryRoot().resolve(name);
    }

    private static JsonNode asyncApi(String service) throws IOException {
        return YAML.readTree(module(service).resolve("src/main/resources/META-INF/resources/asyncapi.yaml").toFile());
    }

    private static Set<String> topics(JsonNode asyncApi, String action) {
        Set<String> topics = new TreeSet<>();
        asyncApi.get("operations").forEach(operation -> {
            if (operation.get("action").asText().equals(action)) {
                String ref = operation.at("/channel/$ref").asText();
                topics.add(asyncApi.at("/channels/" + ref.substring(ref.lastIndexOf('/') + 1) + "/address").asText());
            }
        });
        return topics;
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(module(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> consumedInConfig(String service) throws IOException {
        Properties properties = applicationProperties(service);
        Set<String> topics = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .forEach(name -> topics.add(properties.getProperty(name)));
        return topics;
    }

    @Test
    void everyServiceDocumentsExactlyTheTopicsItReads() throws IOException {
        for (String service : SERVICES) {
            assertEquals(consumedInConfig(service), topics(asyncApi(service), "receive"),
                    service + ": asyncapi.yaml 'receive' operations vs mp.messaging.incoming.*.topic");
        }
    }

    @Test
    void eachServicesKafkaPrincipalIsGrantedExactlyWhatItsConfigurationAndContractUse() throws IOException {
        assertEquals(SERVICES, KafkaAccess.PRINCIPALS.stream().map(KafkaAccess.Principal::service).toList());
        for (String service : SERVICES) {
            KafkaAccess.Principal principal = KafkaAccess.of(service);
            Properties properties = applicationProperties(service);
            assertEquals(properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id"), principal.group(),
                    service + ": consumer group");
            assertEquals(consumedInConfig(service), new TreeSet<>(principal.reads()), service + ": topics read");
            Set<String> written = topics(asyncApi(service), "send");
            properties.stringPropertyNames().stream()
                    .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic"))
                    .forEach(name -> written.add(properties.getProperty(name)));
            assertEquals(written, new TreeSet<>(principal.writes()),
                    service + ": topics written (asyncapi 'send' operations and dead-letter topics)");
        }
    }

    @Test
    void everyTopicReadHasAProducerWithASchemaAndAValidExample() throws IOException {
        Map<String, List<String>> producers = new TreeMap<>();
        Set<String> read = new TreeSet<>();
        for (String service : SERVICES) {
            JsonNode api = asyncApi(service);
            topics(api, "send").forEach(t -> producers.computeIfAbsent(t, k -> new ArrayList<>()).add(service));
            read.addAll(topics(api, "receive"));
        }
        for (String topic : read) {
            assertTrue(producers.containsKey(topic) || EXTERNAL.contains(topic), topic + " is read but nobody publishes it");
        }
        for (Map.Entry<String, List<String>> topic : producers.entrySet()) {
            for (String producer : topic.getValue()) {
                Path schema = schemaOf(producer, topic.getKey());
                assertTrue(Files.exists(schema), topic.getKey() + ": no schema for " + producer);
                JsonNode document = JSON.readTree(schema.toFile());
                JsonNode example = document.path("examples").path(0);
                assertTrue(example.isObject(), schema + " has no example");
                document.path("required").forEach(field -> assertTrue(example.has(field.asText()),
                        schema + ": the example lacks required field " + field.asText()));
                example.fieldNames().forEachRemaining(field -> assertTrue(document.path("properties").has(field),
                        schema + ": the example has a field the schema does not describe: " + field));
            }
        }
        assertEquals(List.of("closeloop-notifier", "feedback-action", "feedback-categorize"),
                producers.get(LoopTopics.ERASURE_CONFIRMED).stream().sorted().toList(),
                "every service that keeps personal data confirms erasures");
        producers.forEach((topic, list) -> assertTrue(list.size() == 1 || topic.equals(LoopTopics.ERASURE_CONFIRMED),
                topic + " has one producer, not " + list));
    }

    @Test
    void everyTopicTheStackCreatesIsInTheContract() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String service : SERVICES) {
            documented.addAll(topics(asyncApi(service), "send"));
            documented.addAll(topics(asyncApi(service), "receive"));
        }
        Set<String> created = new TreeSet<>(LoopTopics.all());
        created.removeIf(t -> t.endsWith(".dlq"));
        assertEquals(created, documented);
    }

    /** A producer's schema, or the shared one for the erasure confirmation every service publishes. */
    private static Path schemaOf(String producer, String topic) {
        Path own = module(producer).resolve("src/main/resources/META-INF/resources/schemas").resolve(topic + ".json");
        return Files.exists(own) ? own
                : module("service-kit").resolve("src/main/resources/META-INF/resources/schemas").resolve(topic + ".json");
    }
}
