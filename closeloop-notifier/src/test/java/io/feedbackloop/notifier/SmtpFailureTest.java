package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Requests.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.FreePorts;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An SMTP server that is not there: the message is retried with backoff, then reported failed. */
@QuarkusTest
@TestProfile(SmtpFailureTest.SmtpDown.class)
class SmtpFailureTest {

    public static class SmtpDown implements QuarkusTestProfile {
        /** The same broker and database, but no SMTP server: the mailer points at a closed port. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LoopTestResource.class, Map.of("database", "notifier")),
                    new TestResourceEntry(ProviderStubs.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.port", String.valueOf(FreePorts.find()),
                    "followup.dispatch.max-attempts", "3",
                    "followup.dispatch.initial-backoff", "PT0.3S");
        }
    }

    @Test
    void unreachableProviderIsRetriedThenReportedAsFailed() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        try (TopicProbe topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "followup.failed.v1")) {
            Events.contactGiven(topics, feedbackId, Events.customer("c-unreachable", "down@example.com", null, null, "en"));
            topics.publishEvent("action.opened.v1", feedbackId, UUID.randomUUID().toString(), """
                    {"caseId":"%s","feedbackId":"%s","ownerTeam":"delivery","firstResponseDueAt":"2026-11-24T09:00:00Z",
                     "customer":{"id":"c-unreachable","locale":"en"},"text":"hello?"}"""
                    .formatted(UUID.randomUUID(), feedbackId));
            List<ConsumerRecord<String, String>> failed = topics.await("followup.failed.v1",
                    r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(60));
            assertEquals(1, failed.size());
            JsonNode event = new ObjectMapper().readTree(failed.get(0).value());
            assertEquals(3, event.get("attempts").asInt());
        }
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId)
                .then().statusCode(200).body("[0].status", equalTo("failed")).body("[0].attempts", equalTo(3));
    }
}
