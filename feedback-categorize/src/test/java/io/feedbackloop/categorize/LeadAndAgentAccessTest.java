package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.FeedbackEvents.JSON;
import static io.feedbackloop.categorize.FeedbackEvents.RECATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.awaitOne;
import static io.feedbackloop.categorize.FeedbackEvents.categorize;
import static io.feedbackloop.categorize.FeedbackEvents.received;
import static io.feedbackloop.categorize.Requests.asAgent;
import static io.feedbackloop.categorize.Requests.asLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The people working cases in the console: the agent (and the lead) on a case read its feedback's
 * categorization, with the sentiment's confidence and the words that matched, and correct a wrong
 * label as themselves; team leads read the metrics. Searching all feedback is not the agent's
 * ({@link FeedbackSearchTest}); the rest of who-may-call-what is {@code authorization-matrix.txt}.
 */
@QuarkusTest
class LeadAndAgentAccessTest extends TopicsTestBase {

    private static final String TEAM = "team-parcels";

    @Test
    void theAgentOnACaseReadsTheCategorizationAndCorrectsItAsThemselves() throws Exception {
        String id = UUID.randomUUID().toString();
        categorize(topics, received(id, "The delivery was three days late", "nps", 3));

        JsonNode read = read(asAgent(TEAM), id);
        assertEquals(id, read.get("feedbackId").asText());
        double confidence = read.at("/sentiment/confidence").asDouble();
        assertTrue(confidence > 0 && confidence <= 1, read.toString());
        assertFalse(read.get("themes").isEmpty(), read.toString());
        assertFalse(read.at("/themes/0/matched").isEmpty(), "the words that matched: " + read);

        // the author is the signed-in agent, whatever the body claims
        JsonNode corrected = correct(asAgent(TEAM), id,
                "{\"type\": \"problem\", \"correctedBy\": \"ceo@example.org\", \"note\": \"still waiting\"}");
        assertEquals("problem", corrected.at("/type/label").asText());
        assertEquals("[\"type\"]", corrected.get("correctedFields").toString());
        assertEquals("agent-" + TEAM + "@example.org", corrected.get("correctedBy").asText());
        JsonNode event = awaitOne(topics, RECATEGORIZED, id);
        assertEquals("correction", event.at("/change/reason").asText());
        assertEquals("agent-" + TEAM + "@example.org", event.at("/change/correctedBy").asText());
        assertEquals("problem", read(asAgent(TEAM), id).at("/type/label").asText());

        // the history of corrections and the listing stay with analysts and admins
        asAgent(TEAM).get("/api/v1/feedback/" + id + "/categorization/corrections").then().statusCode(403);
        asAgent(TEAM).get("/api/v1/categorizations/" + id).then().statusCode(403);
    }

    @Test
    void theLeadReadsAndCorrectsACategorizationToo() throws Exception {
        String id = UUID.randomUUID().toString();
        categorize(topics, received(id, "Курьер опоздал на два дня", "nps", 2));
        assertTrue(read(asLead(TEAM), id).at("/sentiment/confidence").isNumber());

        JsonNode corrected = correct(asLead(TEAM), id, "{\"themes\": [\"delivery/late\", \"support/wait-time\"]}");
        assertEquals("lead-" + TEAM + "@example.org", corrected.get("correctedBy").asText());
        assertEquals("correction", theme(corrected, "support/wait-time").get("source").asText());
        // a wrong label is still refused, whoever corrects it
        asLead(TEAM).contentType(ContentType.JSON).body("{\"sentiment\": \"furious\"}")
                .put("/api/v1/feedback/" + id + "/categorization").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void teamLeadsReadTheMetricsAgentsDoNot() throws Exception {
        String channel = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        for (int score : new int[] {10, 9, 3}) {
            ObjectNode feedback = received(UUID.randomUUID().toString(), null, "nps", score);
            feedback.put("channel", channel);
            categorize(topics, feedback);
        }
        // 2 promoters, 1 detractor of 3: (2 − 1) / 3 = 33.3
        JsonNode metrics = JSON.readTree(asLead(TEAM).queryParam("channel", channel).get("/api/v1/metrics")
                .then().statusCode(200).extract().asString()).get("metrics");
        assertEquals(3, metrics.at("/nps/responses").asInt(), metrics.toString());
        assertEquals(33.3, metrics.at("/nps/score").asDouble(), 1e-9, metrics.toString());
        asLead(TEAM).queryParam("channel", channel).queryParam("by", "theme").get("/api/v1/metrics/breakdown")
                .then().statusCode(200);
        asLead(TEAM).queryParam("channel", channel).get("/api/v1/metrics/trend").then().statusCode(200);
        asLead(TEAM).queryParam("channel", channel).get("/api/v1/metrics/themes").then().statusCode(200);

        asAgent(TEAM).queryParam("channel", channel).get("/api/v1/metrics").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static JsonNode read(RequestSpecification caller, String id) throws Exception {
        return JSON.readTree(caller.get("/api/v1/feedback/" + id + "/categorization")
                .then().statusCode(200).extract().asString());
    }

    private static JsonNode correct(RequestSpecification caller, String id, String body) throws Exception {
        return JSON.readTree(caller.contentType(ContentType.JSON).body(body)
                .put("/api/v1/feedback/" + id + "/categorization").then().statusCode(200).extract().asString());
    }

    private static JsonNode theme(JsonNode categorization, String path) {
        for (JsonNode theme : categorization.get("themes")) {
            if (path.equals(theme.get("theme").asText())) {
                return theme;
            }
        }
        throw new AssertionError("no theme " + path + " in " + categorization);
    }
}
