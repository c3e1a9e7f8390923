package io.feedbackloop.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class CaseOpeningTest {

    private static final String CATEGORIZED = "feedback.categorized.v1";
    private static final String OPENED = "action.opened.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), OPENED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    private static void publishCategorized(String feedbackId, String eventId, int score, String npsClass) {
        topics.publishEvent(CATEGORIZED, feedbackId, eventId, """
                {"feedbackId":"%s","categorizedAt":"2026-11-23T09:00:00Z","channel":"email",
                 "customer":{"id":"c-9","email":"olga@example.com","name":"Olga","locale":"en"},
                 "npsScore":%d,"npsClass":"%s","text":"The courier never came"}""".formatted(feedbackId, score, npsClass));
    }

    private static List<ConsumerRecord<String, String>> opened(String feedbackId, int atLeast) {
        return topics.await(OPENED, r -> feedbackId.equals(r.key()), atLeast, Duration.ofSeconds(20));
    }

    @Test
    void detractorOpensOneCaseWithATwentyFourHourFirstResponsePromise() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        Instant before = Instant.now();
        publishCategorized(feedbackId, UUID.randomUUID().toString(), 2, "detractor");

        List<ConsumerRecord<String, String>> records = opened(feedbackId, 1);
        assertEquals(1, records.size());
        assertEquals("feedbackloop.action.opened.v1", TopicProbe.header(records.get(0), "ce_type"));
        assertEquals(feedbackId, TopicProbe.header(records.get(0), "ce_subject"));
        JsonNode event = JSON.readTree(records.get(0).value());
        assertEquals("high", event.get("priority").asText(), "a score of 2 is urgent");
        assertEquals("olga@example.com", event.at("/customer/email").asText());
        assertEquals("The courier never came", event.get("text").asText());
        Instant due = Instant.parse(event.get("firstResponseDueAt").asText());
        assertTrue(!due.isBefore(before.plus(Duration.ofHours(24))) && due.isBefore(Instant.now().plus(Duration.ofHours(24))));

        String caseId = event.get("caseId").asText();
        given().when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200)
                .body("feedbackId", equalTo(feedbackId))
                .body("status", equalTo("open"))
                .body("ownerTeam", equalTo("customer-care"))
                .body("firstResponseAt", nullValue())
                .body("firstResponseDueIn", notNullValue());
    }

    @Test
    void promotersAndPassivesOpenNoCase() {
        String promoter = UUID.randomUUID().toString();
        String passive = UUID.randomUUID().toString();
        publishCategorized(promoter, UUID.randomUUID().toString(), 10, "promoter");
        publishCategorized(passive, UUID.randomUUID().toString(), 7, "passive");
        // a detractor published after them is processed after them on its partition only, so also
        // give the others a quiet period before asserting that nothing was opened
        String detractor = UUID.randomUUID().toString();
        publishCategorized(detractor, UUID.randomUUID().toString(), 5, "detractor");
        assertEquals("normal", opened(detractor, 1).get(0).value().replaceAll(".*\"priority\":\"(\\w+)\".*", "$1"));
        assertEquals(0, topics.settle(OPENED, r -> promoter.equals(r.key()) || passive.equals(r.key()),
                Duration.ofSeconds(2)).size());
        given().when().get("/api/v1/cases?feedbackId=" + promoter).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void redeliveredOrResentEventsNeverOpenASecondCase() {
        String feedbackId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishCategorized(feedbackId, eventId, 1, "detractor");
        publishCategorized(feedbackId, eventId, 1, "detractor");
        publishCategorized(feedbackId, UUID.randomUUID().toString(), 1, "detractor");
        opened(feedbackId, 1);
        assertEquals(1, topics.settle(OPENED, r -> feedbackId.equals(r.key()), Duration.ofSeconds(2)).size());
        given().when().get("/api/v1/cases?feedbackId=" + feedbackId).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void followUpSentRecordsTheFirstResponse() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        publishCategorized(feedbackId, UUID.randomUUID().toString(), 4, "detractor");
        String caseId = JSON.readTree(opened(feedbackId, 1).get(0).value()).get("caseId").asText();
        String sentAt = "2026-11-23T10:15:30Z";
        topics.publishEvent("followup.sent.v1", feedbackId, UUID.randomUUID().toString(), """
                {"feedbackId":"%s","caseId":"%s","sentAt":"%s","channel":"email"}""".formatted(feedbackId, caseId, sentAt));
        long deadline = System.currentTimeMillis() + 20_000;
        String firstResponseAt = null;
        while (firstResponseAt == null && System.currentTimeMillis() < deadline) {
            firstResponseAt = given().when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                    .extract().path("firstResponseAt");
            Thread.sleep(100);
        }
        assertEquals(Instant.parse(sentAt), Instant.parse(firstResponseAt));
        given().when().get("/api/v1/cases/" + caseId).then().body("firstResponseDueIn", nullValue());
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        given().when().get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/cases?feedbackId=x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("feedbackId"));
    }

    @Test
    void readsTheExampleEventFeedbackCategorizePublishesWithItsSchema() {
        UUID id = UUID.randomUUID();
        String example = ProducerExamples.example("feedback-categorize", CATEGORIZED, id).toString();
        topics.publishEvent(CATEGORIZED, id.toString(), UUID.randomUUID().toString(), example);
        assertEquals(1, opened(id.toString(), 1).size());
    }
}
