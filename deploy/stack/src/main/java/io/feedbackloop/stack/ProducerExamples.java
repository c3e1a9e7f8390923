package io.feedbackloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The example event a producer publishes with its JSON Schema. A consumer's contract test feeds
 * it to the consumer: if the producer changes its events in a way the consumer cannot read, that
 * test fails in the consumer's build.
 */
public final class ProducerExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProducerExamples() {
    }

    /** The first example of {@code <producer>/.../schemas/<topic>.json}, about a new feedback id. */
    public static ObjectNode example(String producerModule, String topic, UUID feedbackId) {
        Path schema = LoopStack.repositoryRoot().resolve(producerModule)
                .resolve("src/main/resources/META-INF/resources/schemas").resolve(topic + ".json");
        try {
            JsonNode example = JSON.readTree(Files.readString(schema)).path("examples").path(0);
            if (!example.isObject()) {
                throw new IllegalStateException(schema + " has no example");
            }
            ObjectNode copy = (ObjectNode) example.deepCopy();
            copy.put("feedbackId", feedbackId.toString());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schema, e);
        }
    }
}
