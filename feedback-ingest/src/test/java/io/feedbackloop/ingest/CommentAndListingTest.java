package io.feedbackloop.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentAndListingTest {

    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "feedback.commented.v1");
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    void aCommentAfterTheScoreUpdatesTheSameResponseWithItsOwnEvent() {
        String id = IngestApi.submitWeb(IngestApi.submission("c-late", "5", "null"));
        IngestApi.as("web").contentType(ContentType.JSON).body("{\"text\":\"Доставка опоздала\",\"language\":\"ru\"}")
                .when().patch("/api/v1/feedback/" + id)
                .then().statusCode(200).body("text", equalTo("Доставка опоздала")).body("npsScore", equalTo(5))
                .body("commentedAt", notNullValue());
        assertEquals(1, topics.await("feedback.commented.v1", r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).size());

        // the same comment again (a retry) changes nothing; a different one is refused
        IngestApi.as("web").contentType(ContentType.JSON).body("{\"text\":\"Доставка опоздала\"}")
                .when().patch("/api/v1/feedback/" + id).then().statusCode(200);
        IngestApi.as("web").contentType(ContentType.JSON).body("{\"text\":\"something else\"}")
                .when().patch("/api/v1/feedback/" + id).then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, topics.settle("feedback.commented.v1", r -> id.equals(r.key()), Duration.ofSeconds(1)).size());

        IngestApi.as("chat").contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().patch("/api/v1/feedback/" + id).then().statusCode(404);
        IngestApi.as("web").contentType(ContentType.JSON).body("{\"text\":\"\"}")
                .when().patch("/api/v1/feedback/" + id).then().statusCode(400).body("violations[0].field", equalTo("text"));
    }

    @Test
    void scoresOnSeveralScalesAreStoredWithTheirScales() {
        String id = IngestApi.submitWeb("""
                {"customer":{"id":"c-multi","phone":"+79161234567","segment":"enterprise"},"channel":"web",
                 "touchpoint":"support-chat","journeyStage":"support",
                 "scores":[{"metric":"csat","value":2,"scale":"1-5"},{"metric":"ces","value":6},{"metric":"nps","value":9}],
                 "metadata":{"agent":"a-17","queue":"billing"}}""");
        JsonPath view = IngestApi.as("web").when().get("/api/v1/feedback/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(9, view.getInt("npsScore"));
        assertEquals(List.of("ces", "csat", "nps"), view.getList("scores.metric").stream().sorted().toList());
        assertEquals(5, view.getInt("scores.find { it.metric == 'csat' }.scaleMax"));
        assertEquals(7, view.getInt("scores.find { it.metric == 'ces' }.scaleMax"));
        assertEquals("billing", view.getString("metadata.queue"));
        assertEquals("enterprise", view.getString("customer.segment"));
    }

    @Test
    void listingFiltersAndPagesThroughEveryFeedbackExactlyOnce() {
        String touchpoint = "tp-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(IngestApi.submitWeb("""
                    {"customer":{"id":"c-list-%d","email":"l@example.com"},"channel":"web","npsScore":%d,"touchpoint":"%s"}"""
                    .formatted(i, i, touchpoint)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = IngestApi.as("web").queryParam("touchpoint", touchpoint).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/feedback").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "newest first, each once");

        IngestApi.as("web").queryParam("touchpoint", touchpoint).queryParam("customerId", "c-list-3")
                .when().get("/api/v1/feedback").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].npsScore", equalTo(3));
        IngestApi.as("web").queryParam("touchpoint", touchpoint).queryParam("to", before.toString())
                .when().get("/api/v1/feedback").then().statusCode(200).body("items", hasSize(0));
        IngestApi.as("chat").queryParam("touchpoint", touchpoint)
                .when().get("/api/v1/feedback").then().statusCode(200).body("items", hasSize(0));
        IngestApi.as("chat").queryParam("channel", "web").when().get("/api/v1/feedback").then().statusCode(403);
        IngestApi.admin().queryParam("touchpoint", touchpoint).queryParam("limit", 200)
                .when().get("/api/v1/feedback").then().statusCode(200).body("items", hasSize(5))
                .body("items.channel", everyItem(equalTo("web"))).body("nextCursor", nullValue());
    }

    @Test
    void badListingParametersAreProblems() {
        IngestApi.as("web").queryParam("limit", 0).when().get("/api/v1/feedback").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        IngestApi.as("web").queryParam("limit", "many").when().get("/api/v1/feedback").then().statusCode(400);
        IngestApi.as("web").queryParam("cursor", "garbage!").when().get("/api/v1/feedback").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        IngestApi.as("web").queryParam("from", "yesterday").when().get("/api/v1/feedback").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }
}
