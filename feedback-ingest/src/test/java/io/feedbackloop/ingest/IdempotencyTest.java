package io.feedbackloop.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retries are safe: the same request under the same key makes one feedback and gets the same answer. */
@QuarkusTest
class IdempotencyTest {

    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "feedback.received.v1",
                "customer.contact.v1");
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    private static Response post(String key, String body) {
        return IngestApi.as("web").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback");
    }

    @Test
    void sameKeySameBodyYieldsOneFeedbackAndTheSameAnswer() {
        String key = UUID.randomUUID().toString();
        String customerId = "c-idem-" + UUID.randomUUID();
        String body = IngestApi.submission(customerId, "4", "\"retry me\"");
        Response first = post(key, body);
        Response second = post(key, body);
        first.then().statusCode(201);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        String id = first.path("id");
        assertEquals(id, second.path("id"));
        assertEquals(first.header("Location"), second.header("Location"));
        topics.await("feedback.received.v1", r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, topics.settle("feedback.received.v1", r -> r.value().contains("retry me"), Duration.ofSeconds(1)).size());
        // the customer's next feedback is keyed alike and follows on the same partition: once its
        // contact is seen, any contact the retry published would have been seen before it
        String next = IngestApi.submitWeb(IngestApi.submission(customerId, "5", "null"));
        topics.await("customer.contact.v1", r -> r.value().contains(next), 1, Duration.ofSeconds(20));
        assertEquals(List.of(id, next), topics.records("customer.contact.v1").stream()
                .filter(r -> customerId.equals(r.key()))
                .map(r -> r.value().contains(id) ? id : r.value().contains(next) ? next : r.value()).toList(),
                "the retry published no second contact");
    }

    @Test
    void sameKeyDifferentBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        post(key, IngestApi.submission("c-idem", "4", "null")).then().statusCode(201);
        post(key, IngestApi.submission("c-idem", "5", "null")).then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void theChannelsExternalIdAlsoMakesRetriesSafe() {
        String externalId = "zendesk-" + UUID.randomUUID();
        String body = """
                {"customer":{"id":"c-ext","email":"e@example.com"},"channel":"web","npsScore":6,"externalId":"%s"}"""
                .formatted(externalId);
        String first = IngestApi.submitWeb(body);
        String second = IngestApi.as("web").contentType(ContentType.JSON).body(body).when().post("/api/v1/feedback")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void concurrentRetriesStillMakeOneFeedback() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = IngestApi.submission("c-race", "2", "\"raced\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> posts = IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(i -> () -> post(key, body).then().statusCode(201).extract().path("id"))
                    .toList();
            Set<String> ids = pool.invokeAll(posts).stream().map(IdempotencyTest::get).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "eight concurrent retries, one feedback");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anOverlongKeyIsRefused() {
        post("k".repeat(201), IngestApi.submission("c-idem", "4", "null")).then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
