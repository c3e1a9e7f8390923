package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.FeedbackEvents.CATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.RECATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.awaitOne;
import static io.feedbackloop.categorize.FeedbackEvents.categorize;
import static io.feedbackloop.categorize.FeedbackEvents.received;
import static io.feedbackloop.categorize.Requests.asAdmin;
import static io.feedbackloop.categorize.Requests.asAnalyst;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Ops correct categorizations; the corrections are history, events and training examples. */
@QuarkusTest
class CorrectionAndLearningTest extends TopicsTestBase {

    private static void correct(String id, String body, int status) {
        asAnalyst().contentType(ContentType.JSON).body(body).put("/api/v1/feedback/" + id + "/categorization")
                .then().statusCode(status);
    }

    @Test
    void correctionIsStoredAnnouncedAndKept() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode first = categorize(topics, received(id, "The courier was rude", "nps", 4));
        assertEquals("complaint", first.at("/type/label").asText());

        asAnalyst().contentType(ContentType.JSON)
                .body("{\"type\": \"problem\", \"themes\": [\"delivery/courier\", \"delivery/wrong-item\"],"
                        + " \"correctedBy\": \"olga@ops.example\", \"note\": \"he also brought the wrong box\"}")
                .put("/api/v1/feedback/" + id + "/categorization")
                .then().statusCode(200).body("type.label", equalTo("problem"))
                .body("themes.theme", hasItem("delivery/wrong-item"))
                .body("correctedFields", equalTo(java.util.List.of("type", "themes")))
                .body("correctedBy", equalTo("olga@ops.example"));

        JsonNode event = awaitOne(topics, RECATEGORIZED, id);
        assertEquals("correction", event.at("/change/reason").asText());
        assertEquals("olga@ops.example", event.at("/change/correctedBy").asText());
        assertEquals("[\"type\",\"themes\"]", event.at("/change/changedFields").toString());
        assertEquals("complaint", event.at("/change/previous/type").asText());
        assertEquals("correction", event.at("/themes/1/source").asText());

        asAnalyst().get("/api/v1/feedback/" + id + "/categorization/corrections").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].before.type", equalTo("complaint"))
                .body("[0].after.type", equalTo("problem")).body("[0].note", equalTo("he also brought the wrong box"));
    }

    @Test
    void invalidCorrectionsAreProblemsAndChangeNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        categorize(topics, received(id, "Thanks, all good", "nps", 9));
        asAnalyst().contentType(ContentType.JSON).body("{\"sentiment\": \"furious\", \"correctedBy\": \"a\"}")
                .put("/api/v1/feedback/" + id + "/categorization")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sentiment"));
        asAnalyst().contentType(ContentType.JSON).body("{\"themes\": [\"delivery/teleport\"], \"correctedBy\": \"a\"}")
                .put("/api/v1/feedback/" + id + "/categorization")
                .then().statusCode(400).body("violations[0].field", equalTo("themes[0]"))
                .body("violations[0].rule", equalTo("known-theme"));
        asAnalyst().contentType(ContentType.JSON).body("{\"correctedBy\": \"a\"}")
                .put("/api/v1/feedback/" + id + "/categorization")
                .then().statusCode(400).body("violations[0].rule", equalTo("one-of"));
        correct(UUID.randomUUID().toString(), "{\"type\": \"idea\", \"correctedBy\": \"a\"}", 404);
        asAnalyst().get("/api/v1/feedback/" + id + "/categorization").then().statusCode(200)
                .body("correctedFields.size()", equalTo(0)).body("sentiment.label", equalTo("positive"));
        asAnalyst().get("/api/v1/feedback/" + id + "/categorization/corrections").then().body("size()", equalTo(0));
    }

    /**
     * Customers name a payment provider the lexicons do not know; ops correct a dozen of them.
     * After retraining, the next such feedback gets the corrected theme and type from the model.
     */
    @Test
    void retrainingOnCorrectionsTeachesTheCategorizer() throws Exception {
        String[] texts = {"Quokkapay again", "quokkapay did it again today", "Quokkapay keeps rejecting me",
                "why quokkapay every time", "quokkapay quokkapay", "again quokkapay at the till",
                "Quokkapay nonsense", "quokkapay rejected twice", "Third time quokkapay", "quokkapay stuck",
                "quokkapay mess", "this quokkapay thing"};
        for (String text : texts) {
            String id = UUID.randomUUID().toString();
            categorize(topics, received(id, text));
            correct(id, "{\"sentiment\": \"negative\", \"type\": \"problem\", \"themes\": [\"billing/payment\"],"
                    + " \"correctedBy\": \"olga@ops.example\"}", 200);
        }
        // ops correct other feedback too; the model must tell quokkapay apart from those
        String[][] others = {{"The delivery was three days late", "delivery/late"},
                {"Courier left the parcel in the rain", "delivery/courier"},
                {"Refund still not on my card after two weeks", "billing/refund"},
                {"Support kept me on hold for an hour", "support/wait-time"},
                {"The jacket fell apart after one wash", "product/quality"},
                {"Login code never arrives", "website/login"}};
        for (String[] other : others) {
            String id = UUID.randomUUID().toString();
            categorize(topics, received(id, other[0]));
            correct(id, "{\"sentiment\": \"negative\", \"type\": \"complaint\", \"themes\": [\"" + other[1] + "\"],"
                    + " \"correctedBy\": \"olga@ops.example\"}", 200);
        }
        JsonNode before = FeedbackEvents.JSON.readTree(asAnalyst().contentType(ContentType.JSON)
                .body("{\"text\": \"quokkapay this morning\"}").post("/api/v1/categorizations/preview").asString());
        assertTrue(before.get("themes").isEmpty(), "the lexicons alone do not know quokkapay: " + before);

        JsonNode model = FeedbackEvents.JSON.readTree(asAdmin().post("/api/v1/model/training")
                .then().statusCode(201).extract().asString());
        assertTrue(model.get("examples").asInt() >= texts.length + others.length);
        JsonNode evaluation = model.get("evaluation");
        assertTrue(evaluation.at("/after/themes/recall").asDouble() > evaluation.at("/before/themes/recall").asDouble(),
                evaluation.toString());
        assertTrue(evaluation.at("/after/typeAccuracy").asDouble() >= evaluation.at("/before/typeAccuracy").asDouble(),
                evaluation.toString());
        asAnalyst().get("/api/v1/model").then().statusCode(200).body("version", equalTo(model.get("version").asInt()));

        String id = UUID.randomUUID().toString();
        JsonNode event = categorize(topics, received(id, "quokkapay this morning"));
        assertEquals("billing/payment", event.at("/themes/0/theme").asText(), event.toString());
        assertEquals("model", event.at("/themes/0/source").asText());
        assertEquals("problem", event.at("/type/label").asText());
        assertEquals(model.get("version").asInt(), event.get("modelVersion").asInt());
    }
}
