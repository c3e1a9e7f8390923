package io.feedbackloop.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
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

    /** A categorized NPS feedback as feedback-categorize publishes it, with the categorizer's priority. */
    private static void publishCategorized(String feedbackId, String eventId, int score, String npsClass,
                                           String priority) {
        topics.publishEvent(CATEGORIZED, feedbackId, eventId, """
                {"feedbackId":"%s","categorizedAt":"2026-11-23T09:00:00Z","channel":"email",
                 "customer":{"id":"c-9","email":"olga@example.com","name":"Olga","locale":"en"},
                 "npsScore":%d,"npsClass":"%s",
                 "scores":[{"metric":"nps","value":%d,"scaleMin":0,"scaleMax":10,"scoreClass":"%s"}],
                 "text":"The courier never came","language":"en","sentiment":{"label":"negative","confidence":0.8},
                 "type":{"label":"complaint","confidence":0.7},"themes":[],"urgency":[],"priority":"%s"}"""
                .formatted(feedbackId, score, npsClass, score, npsClass, priority));
    }

    private static void publishCategorized(String feedbackId, String eventId, int score, String npsClass) {
        publishCategorized(feedbackId, eventId, score, npsClass, "normal");
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static List<ConsumerRecord<String, String>> opened(String feedbackId, int atLeast) {
        return topics.await(OPENED, r -> feedbackId.equals(r.key()), atLeast, Duration.ofSeconds(60));
    }

    @Test
    void detractorOpensOneCaseWithATwentyFourHourFirstResponsePromise() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        publishCategorized(feedbackId, UUID.randomUUID().toString(), 5, "detractor", "normal");

        List<ConsumerRecord<String, String>> records = opened(feedbackId, 1);
        assertEquals(1, records.size());
        assertEquals("feedbackloop.action.opened.v1", TopicProbe.header(records.get(0), "ce_type"));
        assertEquals(feedbackId, TopicProbe.header(records.get(0), "ce_subject"));
        JsonNode event = JSON.readTree(records.get(0).value());
        assertEquals("normal", event.get("priority").asText());
        assertEquals("nps-detractor", event.get("reason").asText());
        assertEquals("nps-detractor", event.get("ruleName").asText());
        // the categorized event still carried the customer's email and name (an older producer): not passed on
        assertEquals("c-9", event.at("/customer/id").asText());
        assertEquals("en", event.at("/customer/locale").asText());
        assertFalse(event.get("customer").has("email") || event.get("customer").has("name")
                || event.get("customer").has("phone"), event.toString());
        assertFalse(records.get(0).value().contains("olga@example.com") || records.get(0).value().contains("Olga"));
        assertEquals("The courier never came", event.get("text").asText());
        assertEquals("negative", event.get("sentiment").asText());
        assertEquals("complaint", event.get("type").asText());
        // the seeded policy of normal priority: 24 hours round the clock, 3 days to resolve
        Instant openedAt = Instant.parse(event.get("openedAt").asText());
        assertEquals(openedAt.plus(Duration.ofHours(24)), Instant.parse(event.get("firstResponseDueAt").asText()));
        assertEquals(openedAt.plus(Duration.ofHours(72)), Instant.parse(event.get("resolutionDueAt").asText()));

        String caseId = event.get("caseId").asText();
        asAdmin().when().get("/api/v1/cases/" + caseId)
                .then().statusCode(200)
                .body("feedbackId", equalTo(feedbackId))
                .body("status", equalTo("open"))
                .body("ownerTeam", equalTo("customer-care"))
                .body("ruleName", equalTo("nps-detractor"))
                .body("firstResponseAt", nullValue())
                .body("firstResponseDueIn", notNullValue());
    }

    @Test
    void theCaseTakesTheCategorizersPriority() {
        String feedbackId = UUID.randomUUID().toString();
        publishCategorized(feedbackId, UUID.randomUUID().toString(), 2, "detractor", "high");
        assertEquals("high", opened(feedbackId, 1).get(0).value().replaceAll(".*\"priority\":\"(\\w+)\".*", "$1"));
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
        asAdmin().when().get("/api/v1/cases?feedbackId=" + promoter).then().statusCode(200).body("items", hasSize(0));
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
        asAdmin().when().get("/api/v1/cases?feedbackId=" + feedbackId).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void followUpSentRecordsTheFirstResponse() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        publishCategorized(feedbackId, UUID.randomUUID().toString(), 4, "detractor");
        String caseId = JSON.readTree(opened(feedbackId, 1).get(0).value()).get("caseId").asText();
        String sentAt = "2026-11-23T10:15:30Z";
        topics.publishEvent("followup.sent.v1", feedbackId, UUID.randomUUID().toString(), """
                {"feedbackId":"%s","caseId":"%s","sentAt":"%s","channel":"email"}""".formatted(feedbackId, caseId, sentAt));
        long deadline = System.currentTimeMillis() + 60_000;
        String firstResponseAt = null;
        while (firstResponseAt == null && System.currentTimeMillis() < deadline) {
            firstResponseAt = asAdmin().when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                    .extract().path("firstResponseAt");
            Thread.sleep(100);
        }
        assertEquals(Instant.parse(sentAt), Instant.parse(firstResponseAt));
        asAdmin().when().get("/api/v1/cases/" + caseId).then().body("firstResponseDueIn", nullValue());
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        asAdmin().when().get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().get("/api/v1/cases?feedbackId=x")
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
