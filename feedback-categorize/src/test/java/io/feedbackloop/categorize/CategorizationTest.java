package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.Requests.asAnalyst;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "categorize"))
class CategorizationTest {

    private static final String RECEIVED = "feedback.received.v1";
    private static final String CATEGORIZED = "feedback.categorized.v1";
    private static final String RECATEGORIZED = "feedback.recategorized.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicProbe topics;

    @Inject
    DataSource database;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), CATEGORIZED, RECATEGORIZED,
                RECEIVED + ".dlq");
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    private static void publishReceived(String feedbackId, String eventId, String npsScore, String text) {
        String body = """
                {"feedbackId":"%s","receivedAt":"2026-11-23T09:00:00Z","channel":"web",
                 "customer":{"id":"c-7","segment":"consumer","locale":"ru"},
                 "npsScore":%s,"text":%s}""".formatted(feedbackId, npsScore, text);
        topics.publish(RECEIVED, feedbackId, body, Map.of("ce_id", eventId, "ce_specversion", "1.0",
                "ce_type", "feedbackloop.feedback.received.v1", "ce_time", Instant.now().toString()));
    }

    private static JsonNode awaitCategorized(String feedbackId) throws Exception {
        List<ConsumerRecord<String, String>> records = topics.await(CATEGORIZED, r -> feedbackId.equals(r.key()), 1,
                FeedbackEvents.PATIENCE);
        assertEquals(1, records.size(), "one feedback.categorized.v1 for " + feedbackId);
        return JSON.readTree(records.get(0).value());
    }

    @ParameterizedTest(name = "NPS {0} is {1}")
    @CsvSource({"0, detractor", "6, detractor", "7, passive", "8, passive", "9, promoter", "10, promoter"})
    void npsScoreIsClassifiedAtTheBoundaries(int score, String expectedClass) throws Exception {
        String id = UUID.randomUUID().toString();
        publishReceived(id, UUID.randomUUID().toString(), String.valueOf(score), "null");
        JsonNode event = awaitCategorized(id);
        assertEquals(expectedClass, event.get("npsClass").asText());
        assertEquals(score, event.get("npsScore").asInt());
    }

    @Test
    void categorizedEventCarriesTheCustomerReferenceAndWordsWithCloudEventsHeaders() throws Exception {
        String id = UUID.randomUUID().toString();
        publishReceived(id, UUID.randomUUID().toString(), "2", "\"Ужасная доставка\"");
        ConsumerRecord<String, String> record = topics.await(CATEGORIZED, r -> id.equals(r.key()), 1,
                FeedbackEvents.PATIENCE).get(0);
        assertEquals("feedbackloop.feedback.categorized.v1", TopicProbe.header(record, "ce_type"));
        assertEquals("/feedback-categorize", TopicProbe.header(record, "ce_source"));
        assertEquals(id, TopicProbe.header(record, "ce_subject"));
        JsonNode event = JSON.readTree(record.value());
        assertEquals("Ужасная доставка", event.get("text").asText());
        assertEquals("c-7", event.at("/customer/id").asText());
        assertEquals("consumer", event.at("/customer/segment").asText());
        assertEquals("ru", event.at("/customer/locale").asText());
        assertEquals(Set.of("id", "segment", "locale"), fieldNames(event.get("customer")), "no contact data");

        asAnalyst().get("/api/v1/categorizations/" + id)
                .then().statusCode(200).body("npsClass", equalTo("detractor")).body("npsScore", equalTo(2));
    }

    /**
     * Contact data travels on customer.contact.v1 to the notifier only; a feedback.received.v1
     * published before that (a replay, a lagging partition, a dead letter sent back) still carries
     * the customer's email, phone and name. They are neither stored nor announced, also when a
     * correction announces the feedback again from what is stored.
     */
    @Test
    void anOldRecordsContactDataIsNeitherStoredNorAnnounced() throws Exception {
        String id = UUID.randomUUID().toString();
        String tag = id.substring(0, 8);
        String email = "old-record-" + tag + "@example.com";
        String phone = "+4420" + String.valueOf(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L)
                + 100_000_000L).substring(1);
        String name = "Ольга Старая " + tag;
        String body = """
                {"feedbackId":"%s","receivedAt":"2026-11-23T09:00:00Z","channel":"web",
                 "customer":{"id":"c-old-%s","email":"%s","phone":"%s","name":"%s","segment":"smb","locale":"ru"},
                 "npsScore":3,"text":"Курьер опоздал"}""".formatted(id, tag, email, phone, name);
        topics.publishEvent(RECEIVED, id, UUID.randomUUID().toString(), body);

        ConsumerRecord<String, String> categorized = topics.await(CATEGORIZED, r -> id.equals(r.key()), 1,
                FeedbackEvents.PATIENCE).get(0);
        JsonNode customer = JSON.readTree(categorized.value()).get("customer");
        assertEquals("c-old-" + tag, customer.get("id").asText());
        assertEquals("smb", customer.get("segment").asText());
        assertEquals("ru", customer.get("locale").asText());
        assertEquals(Set.of("id", "segment", "locale"), fieldNames(customer), categorized.value());
        List<String> contact = List.of(email, phone, name);
        assertHoldsNone(categorized.value(), contact);

        String view = asAnalyst().get("/api/v1/categorizations/" + id).then().statusCode(200).extract().asString();
        assertHoldsNone(view, contact);
        for (String value : contact) {
            assertEquals(List.of(), StoredValues.tablesHolding(database, value), "tables holding " + value);
        }
        assertEquals(List.of(), StoredValues.contactColumns(database), "columns for contact data");

        // a correction announces the feedback again, built from what is stored
        asAnalyst().contentType(ContentType.JSON).body("{\"type\": \"problem\"}")
                .put("/api/v1/feedback/" + id + "/categorization").then().statusCode(200);
        ConsumerRecord<String, String> recategorized = topics.await(RECATEGORIZED, r -> id.equals(r.key()), 1,
                FeedbackEvents.PATIENCE).get(0);
        assertEquals(Set.of("id", "segment", "locale"),
                fieldNames(JSON.readTree(recategorized.value()).get("customer")), recategorized.value());
        assertHoldsNone(recategorized.value(), contact);
        for (String value : contact) {
            assertEquals(List.of(), StoredValues.tablesHolding(database, value), "tables holding " + value);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    private static void assertHoldsNone(String json, List<String> values) {
        for (String value : values) {
            assertFalse(json.toLowerCase().contains(value.toLowerCase()), value + " in " + json);
        }
    }

    @Test
    void feedbackWithoutScoreIsCategorizedWithoutNpsClass() throws Exception {
        String id = UUID.randomUUID().toString();
        publishReceived(id, UUID.randomUUID().toString(), "null", "\"Just a comment\"");
        assertTrue(awaitCategorized(id).get("npsClass").isNull());
    }

    @Test
    void redeliveredAndResentEventsCategorizeOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishReceived(id, eventId, "4", "null");
        publishReceived(id, eventId, "4", "null");                       // redelivery: same ce_id
        publishReceived(id, UUID.randomUUID().toString(), "4", "null");  // producer resent: new ce_id
        awaitCategorized(id);
        assertEquals(1, topics.settle(CATEGORIZED, r -> id.equals(r.key()), Duration.ofSeconds(2)).size());
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopic() {
        String notJson = UUID.randomUUID().toString();
        topics.publish(RECEIVED, "k", "{{{", Map.of("ce_id", notJson));
        String outOfRange = UUID.randomUUID().toString();
        publishReceived(UUID.randomUUID().toString(), outOfRange, "11", "null");
        assertEquals(1, topics.await(RECEIVED + ".dlq", r -> notJson.equals(TopicProbe.header(r, "ce_id")), 1,
                FeedbackEvents.PATIENCE).size());
        assertEquals(1, topics.await(RECEIVED + ".dlq", r -> outOfRange.equals(TopicProbe.header(r, "ce_id")), 1,
                FeedbackEvents.PATIENCE).size());
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        asAnalyst().get("/api/v1/categorizations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        asAnalyst().get("/api/v1/categorizations/nope")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("feedbackId"));
    }

    @Test
    void readsTheExampleEventFeedbackIngestPublishesWithItsSchema() throws Exception {
        UUID id = UUID.randomUUID();
        String example = ProducerExamples.example("feedback-ingest", RECEIVED, id).toString();
        topics.publishEvent(RECEIVED, id.toString(), UUID.randomUUID().toString(), example);
        assertEquals("detractor", awaitCategorized(id.toString()).get("npsClass").asText());
    }
}
