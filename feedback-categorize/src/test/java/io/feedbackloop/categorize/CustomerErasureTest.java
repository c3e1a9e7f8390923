package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.FeedbackEvents.CATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.COMMENTED;
import static io.feedbackloop.categorize.FeedbackEvents.JSON;
import static io.feedbackloop.categorize.FeedbackEvents.PATIENCE;
import static io.feedbackloop.categorize.FeedbackEvents.RECATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.RECEIVED;
import static io.feedbackloop.categorize.FeedbackEvents.awaitJob;
import static io.feedbackloop.categorize.FeedbackEvents.awaitOne;
import static io.feedbackloop.categorize.FeedbackEvents.categorize;
import static io.feedbackloop.categorize.FeedbackEvents.received;
import static io.feedbackloop.categorize.Requests.asAdmin;
import static io.feedbackloop.categorize.Requests.asAnalyst;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's erasure reaches every table of this service, and stays: a feedback or comment of
 * theirs that arrives after it (topics are not ordered with each other) stores and announces
 * nothing, and neither corrections nor replays bring their data back. The feedback here are old
 * records that still carry the customer's email, phone and name: this service keeps none of them
 * to begin with.
 */
@QuarkusTest
class CustomerErasureTest extends TopicsTestBase {

    private static final String ERASED = "customer.erased.v1";
    private static final String CONFIRMED = "customer.erasure.confirmed.v1";
    private static TopicProbe erasures;

    @Inject
    DataSource database;

    @BeforeAll
    static void watchErasuresAndDeadLetters() {
        erasures = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), CONFIRMED, RECEIVED + ".dlq",
                COMMENTED + ".dlq");
    }

    @AfterAll
    static void stopWatching() {
        erasures.close();
    }

    /** A customer with contact data and words found nowhere else in the database. */
    private record Customer(String id, String email, String phone, String name, String words) {
        static Customer unique() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String digits = String.valueOf(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000L) + 10_000_000L)
                    .substring(1);
            return new Customer("c-erase-" + tag, "erase-" + tag + "@example.com", "+7916" + digits,
                    "Агафья Ш" + tag, "The courier " + tag + " never rang the bell");
        }

        /** Their feedback as a record published before contact data left feedback.received.v1. */
        ObjectNode feedback(String feedbackId) {
            ObjectNode event = received(feedbackId, words, "nps", 3);
            ((ObjectNode) event.get("customer")).put("id", id).put("email", email).put("phone", phone).put("name", name);
            return event;
        }

        List<String> personalData() {
            return List.of(email, phone, name, words);
        }
    }

    @Test
    void lateFeedbackAndCommentOfAnErasedCustomerStoreAndAnnounceNothing() throws Exception {
        Customer customer = Customer.unique();
        String feedbackId = UUID.randomUUID().toString();
        String comment = "Also the box " + UUID.randomUUID() + " was wet";
        erase(customer, true);

        String feedbackEvent = publish(RECEIVED, feedbackId, customer.feedback(feedbackId));
        awaitProcessed(feedbackEvent, "categorizer");
        String commentEvent = publish(COMMENTED, feedbackId, comment(feedbackId, comment));
        awaitProcessed(commentEvent, "comment-categorizer");

        assertHeldNowhere(customer.personalData());
        assertHeldNowhere(List.of(comment));
        // only the note that the feedback came after the erasure: no categorization, no pending comment, no event
        assertEquals(List.of("erased_feedback"), tablesHolding(feedbackId));
        asAnalyst().get("/api/v1/categorizations/" + feedbackId).then().statusCode(404);
        assertTrue(topics.records(CATEGORIZED).stream().noneMatch(r -> feedbackId.equals(r.key())));
        assertNotDeadLettered(feedbackEvent, commentEvent);
    }

    @Test
    void aCommentWaitingForTheFeedbackOfACustomerErasedMeanwhileGoesWithIt() throws Exception {
        Customer customer = Customer.unique();
        String feedbackId = UUID.randomUUID().toString();
        String comment = "Nobody called back " + UUID.randomUUID();
        String commentEvent = publish(COMMENTED, feedbackId, comment(feedbackId, comment));
        awaitProcessed(commentEvent, "comment-categorizer");
        assertEquals(List.of("pending_comment"), tablesHolding(comment), "the comment waits for its feedback");

        erase(customer, true);
        String feedbackEvent = publish(RECEIVED, feedbackId, customer.feedback(feedbackId));
        awaitProcessed(feedbackEvent, "categorizer");

        assertHeldNowhere(customer.personalData());
        assertHeldNowhere(List.of(comment));
        assertTrue(topics.records(CATEGORIZED).stream().noneMatch(r -> feedbackId.equals(r.key())));
        assertNotDeadLettered(feedbackEvent, commentEvent);
    }

    @Test
    void erasureReachesEveryTableAndCorrectionsCommentsAndReplaysBringNothingBack() throws Exception {
        Customer customer = Customer.unique();
        String feedbackId = UUID.randomUUID().toString();
        Instant window = Instant.parse("1990-01-01T00:00:00Z")
                .plus(Math.abs(UUID.randomUUID().getMostSignificantBits() % 3000), ChronoUnit.DAYS);
        ObjectNode feedback = customer.feedback(feedbackId);
        feedback.put("respondedAt", window.toString());
        categorize(topics, feedback);
        String note = "Spoke to " + customer.name() + " on " + customer.phone() + ", the parcel " + UUID.randomUUID();
        correct(feedbackId, "{\"type\": \"problem\", \"note\": \"" + note + "\"}");
        awaitOne(topics, RECATEGORIZED, feedbackId);
        assertTrue(tablesHolding(customer.words()).contains("outbox_event"), "the events about it hold the words");
        assertHeldNowhere(List.of(customer.email()));

        erase(customer, true);
        assertHeldNowhere(customer.personalData());
        assertHeldNowhere(List.of(note));

        // a correction after the erasure is announced without them, and its note is not kept
        String secondNote = "Asked " + customer.name() + " again " + UUID.randomUUID();
        correct(feedbackId, "{\"themes\": [\"delivery/courier\"], \"note\": \"" + secondNote + "\"}");
        JsonNode corrected = awaitRecategorized(feedbackId, "correction", 2);
        assertTrue(corrected.at("/customer/id").asText().startsWith("erased-"), corrected.toString());
        assertEventHoldsNone(corrected, customer.personalData());
        asAnalyst().get("/api/v1/feedback/" + feedbackId + "/categorization/corrections").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].note", nullValue()).body("[1].note", nullValue());

        // a late comment on the erased feedback is dropped
        String comment = "One more thing " + UUID.randomUUID();
        String commentEvent = publish(COMMENTED, feedbackId, comment(feedbackId, comment));
        awaitProcessed(commentEvent, "comment-categorizer");
        assertHeldNowhere(List.of(comment));

        // a replay announces what changed (the language, now from the locale alone) without them
        String job = asAdmin().contentType(ContentType.JSON)
                .body("{\"from\": \"" + window + "\", \"to\": \"" + window.plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/api/v1/recategorizations").then().statusCode(202).extract().header("Location");
        assertEquals(1, awaitJob(job).get("changed").asInt());
        JsonNode replayed = awaitRecategorized(feedbackId, "replay", 1);
        assertEventHoldsNone(replayed, customer.personalData());
        assertHeldNowhere(customer.personalData());
        assertHeldNowhere(List.of(note, secondNote, comment));
        assertTrue(topics.records(RECATEGORIZED).stream().noneMatch(r -> r.value().contains(comment)),
                "the late comment is not announced");
        assertNotDeadLettered(commentEvent);
    }

    @Test
    void erasingContactDataOnlyKeepsTheWordsWithoutTheContactDataInThem() throws Exception {
        Customer customer = Customer.unique();
        String feedbackId = UUID.randomUUID().toString();
        // letters only: a long enough run of digits in the words would read as a phone number
        String phrase = "the parcel " + letters() + " is lost";
        String otherPhone = "8 (495) 123-45-67";
        ObjectNode feedback = customer.feedback(feedbackId);
        feedback.put("text", "Call me on " + customer.phone() + " or write to " + customer.email().toUpperCase()
                + ", " + phrase);
        categorize(topics, feedback);
        correct(feedbackId, "{\"type\": \"problem\", \"note\": \"called " + otherPhone + ", " + phrase + "\"}");
        awaitOne(topics, RECATEGORIZED, feedbackId);

        erase(customer, false);
        assertHeldNowhere(List.of(customer.email(), customer.phone(), customer.name(), otherPhone));
        asAnalyst().get("/api/v1/feedback/" + feedbackId + "/categorization").then().statusCode(200)
                .body("text", equalTo("Call me on [erased] or write to [erased], " + phrase));
        asAnalyst().get("/api/v1/feedback/" + feedbackId + "/categorization/corrections").then().statusCode(200)
                .body("[0].note", equalTo("called [erased], " + phrase));
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    private void erase(Customer customer, boolean eraseText) throws Exception {
        String erasureId = UUID.randomUUID().toString();
        ObjectNode request = JSON.createObjectNode().put("erasureId", erasureId).put("customerId", customer.id())
                .put("eraseText", eraseText).put("requestedAt", Instant.now().toString());
        erasures.publishEvent(ERASED, erasureId, UUID.randomUUID().toString(), request.toString());
        List<ConsumerRecord<String, String>> confirmed = erasures.await(CONFIRMED, r -> erasureId.equals(r.key()), 1,
                PATIENCE);
        assertEquals(1, confirmed.size(), "categorize confirms erasure " + erasureId);
        assertEquals("feedback-categorize", JSON.readTree(confirmed.get(0).value()).get("service").asText());
    }

    private static void correct(String feedbackId, String body) {
        asAnalyst().contentType(ContentType.JSON).body(body).put("/api/v1/feedback/" + feedbackId + "/categorization")
                .then().statusCode(200);
    }

    private static ObjectNode comment(String feedbackId, String text) {
        return JSON.createObjectNode().put("feedbackId", feedbackId).put("commentedAt", Instant.now().toString())
                .put("channel", "email").put("text", text).put("language", "en");
    }

    /** Publishes as feedback-ingest would and answers the event id. */
    private static String publish(String topic, String feedbackId, JsonNode body) {
        String eventId = UUID.randomUUID().toString();
        topics.publish(topic, feedbackId, body.toString(), Map.of("ce_id", eventId, "ce_specversion", "1.0",
                "ce_type", "feedbackloop." + topic, "ce_time", Instant.now().toString()));
        return eventId;
    }

    /** The {@code count}-th recategorization of the feedback for this reason. */
    private static JsonNode awaitRecategorized(String feedbackId, String reason, int count) throws Exception {
        List<ConsumerRecord<String, String>> records = topics.await(RECATEGORIZED,
                r -> feedbackId.equals(r.key()) && r.value().contains("\"reason\":\"" + reason + "\""), count, PATIENCE);
        assertEquals(count, records.size(), reason + " of " + feedbackId);
        return JSON.readTree(records.get(count - 1).value());
    }

    private static void assertEventHoldsNone(JsonNode event, List<String> values) {
        for (String value : values) {
            assertTrue(!event.toString().contains(value), value + " in " + event);
        }
        JsonNode customer = event.get("customer");
        assertTrue(!customer.has("email") && !customer.has("phone") && !customer.has("name")
                && event.get("text").isNull(), event.toString());
    }

    private static void assertNotDeadLettered(String... eventIds) {
        List<String> ids = List.of(eventIds);
        for (String topic : List.of(RECEIVED + ".dlq", COMMENTED + ".dlq")) {
            assertTrue(erasures.records(topic).stream().noneMatch(r -> ids.contains(TopicProbe.header(r, "ce_id"))),
                    "dead-lettered on " + topic);
        }
    }

    /** Waits until the service recorded the event as processed: its effect committed with that record. */
    private void awaitProcessed(String eventId, String consumer) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!processed(eventId, consumer)) {
            assertTrue(Instant.now().isBefore(deadline), "event " + eventId + " not processed by " + consumer);
            Thread.sleep(100);
        }
    }

    private boolean processed(String eventId, String consumer) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT 1 FROM processed_event WHERE event_id = ? AND consumer = ?")) {
            query.setString(1, eventId);
            query.setString(2, consumer);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void assertHeldNowhere(List<String> values) throws SQLException {
        for (String value : values) {
            assertEquals(List.of(), tablesHolding(value), "tables holding " + value);
        }
    }

    private List<String> tablesHolding(String value) throws SQLException {
        return StoredValues.tablesHolding(database, value);
    }
}
