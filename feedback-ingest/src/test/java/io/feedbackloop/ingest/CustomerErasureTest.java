package io.feedbackloop.ingest;

import static io.feedbackloop.ingest.IngestApi.admin;
import static io.feedbackloop.ingest.IngestApi.submission;
import static io.feedbackloop.ingest.IngestApi.submitWeb;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A customer asks to be forgotten: ingest erases its own store, asks the others, and follows their confirmations. */
@QuarkusTest
class CustomerErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void erasureRemovesTheCustomerHereAndCompletesWhenEveryServiceConfirmed() throws Exception {
        String customerId = "c-erase-" + UUID.randomUUID().toString().substring(0, 8);
        String feedbackId = submitWeb(submission(customerId, "2", "\"Курьер нахамил, Анна Петрова\""));
        try (TopicProbe topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "customer.erased.v1")) {
            String location = admin().contentType(ContentType.JSON).body("{\"requestedBy\": \"dpo@example.com\"}")
                    .post("/api/v1/customers/" + customerId + "/erasure")
                    .then().statusCode(202).body("status", equalTo("pending"))
                    .body("customerRef", startsWith("erased-"))
                    .body("waitingFor", equalTo(List.of("feedback-categorize", "feedback-action", "closeloop-notifier")))
                    .body("confirmations[0].service", equalTo("feedback-ingest"))
                    .extract().header("Location");
            ConsumerRecord<String, String> request = topics.await("customer.erased.v1",
                    r -> r.value().contains(customerId), 1, Duration.ofSeconds(20)).get(0);
            JsonNode event = JSON.readTree(request.value());
            assertTrue(event.get("eraseText").asBoolean());
            String erasureId = event.get("erasureId").asText();
            assertEquals(erasureId, request.key());

            admin().get("/api/v1/feedback/" + feedbackId).then().statusCode(200)
                    .body("customer.email", nullValue()).body("customer.name", nullValue()).body("text", nullValue())
                    .body("customer.id", startsWith("erased-")).body("npsScore", equalTo(2));

            for (String service : List.of("feedback-categorize", "feedback-action", "closeloop-notifier", "feedback-action")) {
                // the example every confirming service publishes (service-kit's schema), from this service
                ObjectNode confirmation = ProducerExamples.example("service-kit", "customer.erasure.confirmed.v1", UUID.randomUUID());
                confirmation.put("erasureId", erasureId).put("service", service).remove("feedbackId");
                topics.publishEvent("customer.erasure.confirmed.v1", erasureId, UUID.randomUUID().toString(),
                        confirmation.toString());
            }
            Instant deadline = Instant.now().plusSeconds(20);
            String status = "pending";
            while (!status.equals("completed") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                status = admin().get(location).then().statusCode(200).extract().path("status");
            }
            admin().get(location).then().body("status", equalTo("completed")).body("waitingFor", equalTo(List.of()))
                    .body("confirmations.size()", equalTo(4)).body("completedAt", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void onlyTheAdministratorMayEraseAndBadRequestsAreProblems() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/customers/c-1/erasure")
                .then().statusCode(401).contentType("application/problem+json");
        IngestApi.as("web").contentType(ContentType.JSON).body("{}").post("/api/v1/customers/c-1/erasure")
                .then().statusCode(403).contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body("{}").post("/api/v1/customers/" + "x".repeat(101) + "/erasure")
                .then().statusCode(400).body("violations[0].field", equalTo("customerId"));
        admin().contentType(ContentType.JSON).body("{\"eraseText\": \"perhaps\"}").post("/api/v1/customers/c-1/erasure")
                .then().statusCode(400).contentType("application/problem+json");
        admin().get("/api/v1/erasures/" + UUID.randomUUID()).then().statusCode(404);
        admin().get("/api/v1/erasures/not-an-id").then().statusCode(400);
    }
}
