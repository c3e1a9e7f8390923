package io.feedbackloop.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loop status of a feedback follows the downstream services' events, each applied once. */
@QuarkusTest
class LoopProgressTest {

    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "feedback.categorized.v1.dlq");
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    private static String submit() {
        return IngestApi.submitWeb(IngestApi.submission("c-progress", "2", "\"slow\""));
    }

    private static void publish(String topic, String feedbackId, String eventId, String body) {
        topics.publish(topic, feedbackId, body, Map.of("ce_id", eventId, "ce_specversion", "1.0",
                "ce_type", "test", "ce_time", Instant.now().toString()));
    }

    private static JsonPath awaitStage(String id, String stage) {
        return awaitView(id, view -> stage.equals(view.getString("loop.stage")));
    }

    private static JsonPath awaitView(String id, java.util.function.Predicate<JsonPath> done) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonPath view = IngestApi.as("web").when().get("/api/v1/feedback/" + id).then().statusCode(200).extract().jsonPath();
            if (done.test(view) || System.currentTimeMillis() > deadline) {
                return view;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void statusAdvancesThroughTheLoopAndARedeliveredEventCountsOnce() {
        String id = submit();
        String categorized = UUID.randomUUID().toString();
        publish("feedback.categorized.v1", id, categorized, "{\"feedbackId\":\"" + id + "\",\"npsClass\":\"detractor\"}");
        publish("feedback.categorized.v1", id, categorized, "{\"feedbackId\":\"" + id + "\",\"npsClass\":\"detractor\"}");
        assertEquals("categorized", awaitStage(id, "categorized").getString("loop.stage"));

        String caseId = UUID.randomUUID().toString();
        publish("action.opened.v1", id, UUID.randomUUID().toString(),
                "{\"feedbackId\":\"" + id + "\",\"caseId\":\"" + caseId + "\",\"extra\":\"ignored\"}");
        publish("followup.sent.v1", id, UUID.randomUUID().toString(),
                "{\"feedbackId\":\"" + id + "\",\"caseId\":\"" + caseId + "\",\"channel\":\"email\"}");
        // the topics are consumed independently, so wait for both steps rather than for one
        JsonPath view = awaitView(id, v -> v.getList("loop.steps").size() >= 4);
        assertEquals("followed_up", view.getString("loop.stage"));
        List<String> stages = view.getList("loop.steps.stage");
        assertEquals(List.of("received", "categorized", "action_opened", "followed_up"), stages,
                "the duplicate categorized event added no second step");
        assertEquals("detractor", view.getString("loop.steps[1].detail"));
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String poisonId = UUID.randomUUID().toString();
        publish("feedback.categorized.v1", "k-poison", poisonId, "this is not json");
        assertEquals(1, topics.await("feedback.categorized.v1.dlq",
                r -> poisonId.equals(TopicProbe.header(r, "ce_id")), 1, Duration.ofSeconds(20)).size());

        String id = submit();
        publish("feedback.categorized.v1", id, UUID.randomUUID().toString(),
                "{\"feedbackId\":\"" + id + "\",\"npsClass\":\"detractor\"}");
        assertEquals("categorized", awaitStage(id, "categorized").getString("loop.stage"));
    }

    @Test
    void readsTheExampleEventsTheOtherServicesPublishWithTheirSchemas() {
        String id = submit();
        UUID feedbackId = UUID.fromString(id);
        String[][] producers = {{"feedback-categorize", "feedback.categorized.v1"},
                {"feedback-action", "action.opened.v1"}, {"closeloop-notifier", "followup.sent.v1"}};
        for (String[] producer : producers) {
            topics.publishEvent(producer[1], id, UUID.randomUUID().toString(),
                    ProducerExamples.example(producer[0], producer[1], feedbackId).toString());
        }
        JsonPath view = awaitView(id, v -> v.getList("loop.steps").size() >= 4);
        assertEquals(List.of("received", "categorized", "action_opened", "followed_up"), view.getList("loop.steps.stage"));
    }
}
