package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/feedback/{id}/loop}: where a feedback is in the loop, for the people who work
 * its case (agents, leads) as well as analysts, admins and its own channel, and nothing about the
 * customer in it.
 */
@QuarkusTest
class FeedbackLoopTest {

    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        // it only publishes: what the loop endpoint shows is read back through the API
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "feedback.categorized.v1");
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    void everyoneWhoFollowsTheFeedbackSeesItsStepsAndNothingAboutTheCustomer() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String customerId = "c-loop-" + unique;
        String email = "loop-" + unique + "@example.com";
        String name = "Lorelei" + unique;
        String text = "Parcel lost again " + unique;
        String id = IngestApi.as("web").contentType(ContentType.JSON).body("""
                        {"customer":{"id":"%s","email":"%s","phone":"+79161234567","name":"%s","segment":"vip","locale":"en"},
                         "channel":"web","npsScore":2,"text":"%s","metadata":{"order":"%s"}}"""
                        .formatted(customerId, email, name, text, unique))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        String receivedAt = IngestApi.admin().when().get("/api/v1/feedback/" + id).then().statusCode(200)
                .extract().path("receivedAt");
        topics.publishEvent("feedback.categorized.v1", id, UUID.randomUUID().toString(),
                "{\"feedbackId\":\"" + id + "\",\"npsClass\":\"detractor\"}");
        awaitSteps(id, 2);

        Map<String, RequestSpecification> callers = Map.of(
                "agent", given().auth().oauth2(TestTokens.agent("support")),
                "lead", given().auth().oauth2(TestTokens.lead("support")),
                "agent of another team", given().auth().oauth2(TestTokens.agent("billing")),
                "analyst", given().auth().oauth2(TestTokens.analyst()),
                "admin", IngestApi.admin(),
                "its channel", IngestApi.as("web"));
        callers.forEach((who, request) -> {
            String body = request.when().get("/api/v1/feedback/" + id + "/loop").then().statusCode(200)
                    .contentType(ContentType.JSON).extract().asString();
            JsonPath loop = JsonPath.from(body);
            assertEquals(Set.of("stage", "steps", "receivedAt"), loop.getMap("$").keySet(), who + ": " + body);
            assertEquals("categorized", loop.getString("stage"), who);
            assertEquals(receivedAt, loop.getString("receivedAt"), who);
            assertEquals(List.of("received", "categorized"), loop.getList("steps.stage"), who);
            assertEquals(List.of("via web", "detractor"), loop.getList("steps.detail"), who);
            assertEquals(2, loop.getList("steps.at").stream().filter(at -> at != null).count(), who);
            for (String personal : List.of(customerId, email, "+79161234567", name, text, "vip", unique)) {
                assertFalse(body.contains(personal), who + " sees " + personal + " in " + body);
            }
        });
    }

    @Test
    void anotherChannelsFeedbackAndAnUnknownIdAreNotFoundAndAMalformedIdIsNamed() {
        String id = IngestApi.submitWeb(IngestApi.submission("c-loop-scope", "5", "null"));
        IngestApi.as("email").when().get("/api/v1/feedback/" + id + "/loop")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agent("support")).when().get("/api/v1/feedback/" + UUID.randomUUID() + "/loop")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.lead("support")).when().get("/api/v1/feedback/not-a-uuid/loop")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void withoutACredentialThereIsNoLoop() {
        String id = IngestApi.submitWeb(IngestApi.submission("c-loop-anonymous", "5", "null"));
        given().when().get("/api/v1/feedback/" + id + "/loop").then().statusCode(401);
        // an agent sees the loop, still not the feedback itself
        given().auth().oauth2(TestTokens.agent("support")).when().get("/api/v1/feedback/" + id).then().statusCode(403);
    }

    private static void awaitSteps(String id, int steps) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (IngestApi.admin().when().get("/api/v1/feedback/" + id + "/loop").then().statusCode(200).extract()
                .jsonPath().getList("steps").size() < steps) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("feedback " + id + " never reached " + steps + " steps");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
