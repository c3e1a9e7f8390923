package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.FeedbackEvents.CATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.COMMENTED;
import static io.feedbackloop.categorize.FeedbackEvents.RECATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.awaitOne;
import static io.feedbackloop.categorize.FeedbackEvents.categorize;
import static io.feedbackloop.categorize.FeedbackEvents.publish;
import static io.feedbackloop.categorize.FeedbackEvents.received;
import static io.feedbackloop.categorize.Requests.asAnalyst;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** What feedback.categorized.v1 tells the Act stage, and how a late comment changes it. */
@QuarkusTest
class UnderstandingTest extends TopicsTestBase {

    private static List<String> themes(JsonNode event) {
        List<String> themes = new ArrayList<>();
        event.get("themes").forEach(t -> themes.add(t.get("theme").asText()));
        return themes;
    }

    @Test
    void russianComplaintCarriesSentimentTypeThemesUrgencyAndPriority() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode event = categorize(topics, received(id,
                "Курьер опоздал на три дня и ещё нахамил 😡 Больше никогда не буду у вас заказывать", "nps", 1));
        assertEquals("ru", event.get("language").asText());
        assertEquals("negative", event.at("/sentiment/label").asText());
        assertTrue(event.at("/sentiment/confidence").asDouble() > 0.7, event.toString());
        assertEquals(List.of("delivery/courier", "delivery/late"), themes(event));
        JsonNode late = event.get("themes").get(1);
        assertTrue(late.get("matched").toString().contains("опоздал"), late.toString());
        assertEquals("rules", late.get("source").asText());
        assertEquals("[\"churn\"]", event.get("urgency").toString());
        assertEquals("high", event.get("priority").asText());
        assertEquals("detractor", event.get("npsClass").asText());
        assertTrue(event.get("knowledgeVersion").asInt() >= 1);
    }

    @Test
    void englishIdeaWithCsatAndCesGetsEachScoreClass() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode event = categorize(topics, received(id,
                "It would be great if you added Apple Pay at checkout", "csat", 4, "ces", 3));
        assertEquals("en", event.get("language").asText());
        assertEquals("idea", event.at("/type/label").asText());
        assertTrue(themes(event).contains("billing/payment"), event.toString());
        assertEquals("good", event.at("/scores/0/scoreClass").asText());
        assertEquals("disagree", event.at("/scores/1/scoreClass").asText());
        assertTrue(event.get("npsClass").isNull());
    }

    @Test
    void legalThreatIsCritical() throws Exception {
        JsonNode event = categorize(topics, received(UUID.randomUUID().toString(),
                "You charged me twice. If the money is not back by Friday my lawyer will take it to court."));
        assertEquals("[\"legal\"]", event.get("urgency").toString());
        assertEquals("critical", event.get("priority").asText());
        // "the money is not back" also asks for a refund
        assertEquals(List.of("billing/double-charge", "billing/refund"), themes(event));
    }

    @Test
    void scoreWithoutWordsIsUnderstoodFromTheScore() throws Exception {
        JsonNode event = categorize(topics, received(UUID.randomUUID().toString(), null, "nps", 10));
        assertEquals("positive", event.at("/sentiment/label").asText());
        assertEquals("praise", event.at("/type/label").asText());
        assertEquals("[]", event.get("themes").toString());
        assertEquals("low", event.get("priority").asText());
    }

    @Test
    void lateCommentRecategorizesTheSameFeedback() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode first = categorize(topics, received(id, null, "nps", 3));
        assertEquals("[]", first.get("themes").toString());

        ObjectNode comment = FeedbackEvents.JSON.createObjectNode().put("feedbackId", id)
                .put("commentedAt", Instant.now().toString()).put("channel", "email")
                .put("text", "The parcel arrived crushed and the vase inside is broken").put("language", "en");
        publish(topics, COMMENTED, id, comment);
        JsonNode recategorized = awaitOne(topics, RECATEGORIZED, id);
        assertEquals("comment", recategorized.at("/change/reason").asText());
        assertTrue(recategorized.at("/change/changedFields").toString().contains("text"));
        assertTrue(recategorized.at("/change/changedFields").toString().contains("themes"));
        assertEquals("[]", recategorized.at("/change/previous/themes").toString());
        assertTrue(themes(recategorized).contains("delivery/damaged"), recategorized.toString());

        asAnalyst().get("/api/v1/feedback/" + id + "/categorization").then().statusCode(200)
                .body("text", equalTo("The parcel arrived crushed and the vase inside is broken"))
                .body("themes.theme", hasItem("delivery/damaged"));
        // the same comment redelivered under a new event id changes nothing
        publish(topics, COMMENTED, id, comment);
        assertEquals(1, topics.settle(RECATEGORIZED, r -> id.equals(r.key()), Duration.ofSeconds(3)).size());
    }

    /**
     * Comment and score travel on different topics, so the comment may be read first. It must not
     * be lost: either the first categorization already has it, or it follows as a recategorization.
     */
    @Test
    void commentThatOvertakesItsFeedbackIsNotLost() throws Exception {
        String id = UUID.randomUUID().toString();
        String words = "Не могу войти в личный кабинет, код из смс не приходит";
        publish(topics, COMMENTED, id, FeedbackEvents.JSON.createObjectNode().put("feedbackId", id)
                .put("commentedAt", Instant.now().toString()).put("channel", "sms").put("text", words));
        Thread.sleep(1500);
        JsonNode first = categorize(topics, received(id, null, "nps", 5));
        JsonNode latest = first.get("text").isNull() ? awaitOne(topics, RECATEGORIZED, id) : first;
        assertEquals(words, latest.get("text").asText());
        assertEquals(List.of("website/login"), themes(latest));
        assertEquals("problem", latest.at("/type/label").asText());
        asAnalyst().get("/api/v1/feedback/" + id + "/categorization").then().statusCode(200).body("text", equalTo(words));
    }

    @Test
    void previewCategorizesWithoutStoringAndRejectsBadScores() {
        asAnalyst().contentType(ContentType.JSON)
                .body("{\"text\": \"Waited 40 minutes on hold and nobody answered\", \"scores\": [{\"metric\": \"csat\", \"value\": 1}]}")
                .post("/api/v1/categorizations/preview")
                .then().statusCode(200).body("sentiment.label", equalTo("negative"))
                .body("themes.theme", hasItem("support/wait-time")).body("language", equalTo("en"));
        asAnalyst().contentType(ContentType.JSON)
                .body("{\"text\": \"ok\", \"scores\": [{\"metric\": \"csat\", \"value\": 9}]}")
                .post("/api/v1/categorizations/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("scores[0].value"));
        asAnalyst().contentType(ContentType.JSON)
                .body("{\"text\": \"ok\", \"scores\": [{\"metric\": \"stars\", \"value\": 3}]}")
                .post("/api/v1/categorizations/preview")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
