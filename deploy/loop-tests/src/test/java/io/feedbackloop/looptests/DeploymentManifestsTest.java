package io.feedbackloop.looptests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.feedbackloop.stack.DeploymentManifests;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import io.feedbackloop.stack.ServiceSettings;
import org.junit.jupiter.api.Test;

/**
 * The deployment files beyond one machine: committed as generated, parseable, declaring every
 * topic the code uses (with its dead-letter topic) and setting every variable each service needs.
 */
class DeploymentManifestsTest {

    private static final YAMLFactory YAML_FACTORY = new YAMLFactory();
    private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY);

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML_FACTORY.createParser(LoopStack.repositoryRoot().resolve(file).toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull()) {
                    documents.add(node);
                }
            });
        }
        return documents;
    }

    @Test
    void committedFilesAreWhatTheGeneratorWrites() throws IOException {
        for (Map.Entry<String, String> file : DeploymentManifests.render().entrySet()) {
            Path path = LoopStack.repositoryRoot().resolve(file.getKey());
            assertTrue(Files.exists(path), file.getKey() + " is missing: run DeploymentManifests");
            assertEquals(file.getValue(), Files.readString(path), file.getKey() + " is stale: run DeploymentManifests");
        }
    }

    @Test
    void everyTopicAndDeadLetterTopicIsAReplicatedKafkaTopic() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (JsonNode document : documents("deploy/k8s/kafka.yaml")) {
            if (document.path("kind").asText().equals("KafkaTopic")) {
                JsonNode spec = document.get("spec");
                declared.add(spec.get("topicName").asText());
                assertTrue(spec.get("partitions").asInt() >= LoopTopics.PARTITIONS, spec.toString());
                assertEquals(3, spec.get("replicas").asInt(), spec.toString());
                assertEquals(2, spec.at("/config/min.insync.replicas").asInt(), spec.toString());
            }
        }
        assertEquals(new TreeSet<>(LoopTopics.all()), declared);
        assertTrue(declared.stream().filter(t -> t.endsWith(".dlq")).count() >= 10);
    }

    @Test
    void everyServiceGetsEverySettingItNeedsWithSecretsFromASecret() throws IOException {
        for (LoopStack.Service service : LoopStack.SERVICES) {
            List<JsonNode> documents = documents("deploy/k8s/" + service.module() + ".yaml");
            JsonNode deployment = documents.stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                    .findFirst().orElseThrow();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            for (ServiceSettings.Setting setting : ServiceSettings.required(service.module())) {
                JsonNode variable = null;
                for (JsonNode env : container.get("env")) {
                    if (env.get("name").asText().equals(setting.name())) {
                        variable = env;
                    }
                }
                assertTrue(variable != null, service.module() + " lacks " + setting.name());
                if (setting.kind() == ServiceSettings.Kind.SECRET) {
                    assertTrue(variable.has("valueFrom") && !variable.has("value"),
                            setting.name() + " must come from a Secret, never a value: " + variable);
                } else {
                    assertTrue(!variable.path("value").asText().isBlank(), variable.toString());
                }
            }
            JsonNode compose = documents("deploy/docker-compose.yml").get(0).at("/services/" + service.module() + "/environment");
            for (ServiceSettings.Setting setting : ServiceSettings.required(service.module())) {
                assertTrue(compose.has(setting.name()), "docker-compose: " + service.module() + " lacks " + setting.name());
            }
        }
        for (JsonNode document : documents("deploy/k8s/postgres.yaml")) {
            if (document.path("kind").asText().equals("StatefulSet")) {
                assertTrue(document.at("/spec/template/spec/containers/0/env").toString().contains("secretKeyRef"));
            }
        }
    }
}
