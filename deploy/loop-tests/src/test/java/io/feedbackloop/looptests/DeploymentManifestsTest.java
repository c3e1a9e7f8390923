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
import io.feedbackloop.stack.KafkaAccess;
import io.feedbackloop.stack.LoopStack;
import io.feedbackloop.stack.LoopTopics;
import io.feedbackloop.stack.ServiceSettings;
import org.junit.jupiter.api.Test;

/**
 * The deployment files beyond one machine: committed as generated, parseable, declaring every
 * topic the code uses (with its dead-letter topic), a KafkaUser per service with the local broker's
 * ACLs behind a TLS listener, Keycloak with the loop's realm, health on the management port, and
 * setting every variable each service needs.
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

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.get("env")) {
            if (env.get("name").asText().equals(name)) {
                return env;
            }
        }
        throw new AssertionError("no " + name + " in " + container.get("name"));
    }

    private static String value(JsonNode container, String name) {
        return env(container, name).path("value").asText();
    }

    private static JsonNode secretRef(JsonNode container, String name) {
        return env(container, name).at("/valueFrom/secretKeyRef");
    }

    private static List<JsonNode> ofKind(String file, String kind) throws IOException {
        return documents(file).stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void kafkaHasOnlyATlsListenerWithScramAndTheStandardAuthorizer() throws IOException {
        JsonNode kafka = ofKind("deploy/k8s/kafka.yaml", "Kafka").get(0).at("/spec/kafka");
        assertEquals(1, kafka.get("listeners").size(), kafka.toString());
        JsonNode listener = kafka.get("listeners").get(0);
        assertTrue(listener.get("tls").asBoolean(), listener.toString());
        assertEquals("scram-sha-512", listener.at("/authentication/type").asText());
        assertEquals("simple", kafka.at("/authorization/type").asText());
        assertTrue(ofKind("deploy/k8s/kafka.yaml", "Kafka").get(0).at("/spec/entityOperator").has("userOperator"));
    }

    @Test
    void eachServiceIsAKafkaUserWithExactlyTheAclsOfTheLocalBroker() throws IOException {
        List<JsonNode> users = ofKind("deploy/k8s/kafka-users.yaml", "KafkaUser");
        assertEquals(KafkaAccess.PRINCIPALS.size(), users.size());
        for (KafkaAccess.Principal principal : KafkaAccess.PRINCIPALS) {
            JsonNode user = users.stream().filter(u -> u.at("/metadata/name").asText().equals(principal.user()))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaUser " + principal.user()));
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText());
            assertEquals("feedback-loop", user.at("/metadata/labels/strimzi.io~1cluster").asText());
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertEquals("literal", acl.at("/resource/patternType").asText(), acl.toString());
                acl.get("operations").forEach(op -> granted.add(acl.at("/resource/type").asText() + " "
                        + acl.at("/resource/name").asText() + " " + op.asText()));
            }
            Set<String> expected = new TreeSet<>();
            principal.writes().forEach(t -> expected.addAll(List.of("topic " + t + " Write", "topic " + t + " Describe")));
            principal.reads().forEach(t -> expected.addAll(List.of("topic " + t + " Read", "topic " + t + " Describe")));
            expected.add("group " + principal.group() + " Read");
            assertEquals(expected, granted, principal.user());
        }
    }

    @Test
    void keycloakImportsTheRealmWithTheRolesTheTeamsClaimAndTheAudience() throws IOException {
        JsonNode configMap = ofKind("deploy/k8s/keycloak.yaml", "ConfigMap").get(0);
        JsonNode realm = new ObjectMapper().readTree(configMap.at("/data/feedback-loop-realm.json").asText());
        assertEquals("feedback-loop", realm.get("realm").asText());
        assertEquals(Set.of("agent", "lead", "analyst", "admin"),
                new TreeSet<>(realm.at("/roles/realm").findValuesAsText("name")));
        assertEquals(900, realm.get("accessTokenLifespan").asInt());
        JsonNode mappers = realm.at("/clients/0/protocolMappers");
        JsonNode teams = null;
        JsonNode audience = null;
        for (JsonNode mapper : mappers) {
            switch (mapper.get("protocolMapper").asText()) {
                case "oidc-usermodel-attribute-mapper" -> teams = mapper.get("config");
                case "oidc-audience-mapper" -> audience = mapper.get("config");
                default -> {
                }
            }
        }
        assertEquals("teams", teams.get("user.attribute").asText());
        assertEquals("teams", teams.get("claim.name").asText());
        assertEquals("true", teams.get("multivalued").asText());
        assertEquals("feedback-loop", audience.get("included.custom.audience").asText());
        JsonNode container = ofKind("deploy/k8s/keycloak.yaml", "Deployment").get(0).at("/spec/template/spec/containers/0");
        assertTrue(container.get("args").toString().contains("--import-realm"));
        assertTrue(secretRef(container, "KC_BOOTSTRAP_ADMIN_PASSWORD").has("name"), "Keycloak's admin password is a secret");
        assertTrue(secretRef(container, "KC_DB_PASSWORD").has("name"));
        assertEquals(1, ofKind("deploy/k8s/keycloak.yaml", "Service").size());
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
            assertEquals("management", container.at("/readinessProbe/httpGet/port").asText(), "health is on the management port");
            assertEquals("management", container.at("/livenessProbe/httpGet/port").asText());
            JsonNode managementPort = null;
            for (JsonNode port : container.get("ports")) {
                if (port.get("name").asText().equals("management")) {
                    managementPort = port;
                }
            }
            assertEquals(service.localManagementPort(), managementPort.get("containerPort").asInt(), service.module());
            assertEquals(String.valueOf(service.localManagementPort()),
                    deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
            String serviceObject = documents.stream().filter(d -> d.path("kind").asText().equals("Service"))
                    .findFirst().orElseThrow().toString();
            assertTrue(!serviceObject.contains("management"), "the public Service exposes no health or metrics");
            assertEquals(service.module(), secretRef(container, "KAFKA_SASL_JAAS_CONFIG").get("name").asText(),
                    "the Kafka credentials come from the service's own KafkaUser secret");
            assertEquals("sasl.jaas.config", secretRef(container, "KAFKA_SASL_JAAS_CONFIG").get("key").asText());
            assertEquals("SASL_SSL", value(container, "KAFKA_SECURITY_PROTOCOL"));
            assertEquals("ca.crt", secretRef(container, "KAFKA_SSL_TRUSTSTORE_CERTIFICATES").get("key").asText());
            assertEquals("realm_access/roles", value(container, "AUTH_ROLES_CLAIM"));
            assertTrue(value(container, "AUTH_ISSUER").endsWith("/realms/feedback-loop"), value(container, "AUTH_ISSUER"));
            assertTrue(value(container, "AUTH_JWKS_URL").startsWith("http://keycloak:8080/realms/feedback-loop/"));
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
