package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.FeedbackEvents.CATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.RECATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.awaitJob;
import static io.feedbackloop.categorize.FeedbackEvents.categorize;
import static io.feedbackloop.categorize.FeedbackEvents.received;
import static io.feedbackloop.categorize.Requests.asAdmin;
import static io.feedbackloop.categorize.Requests.asAnalyst;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.categorize.model.RecategorizationJob;
import io.feedbackloop.categorize.service.RecategorizationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The taxonomy is data: edited through the API, versioned, and replayed over history. */
@QuarkusTest
class KnowledgeAndReplayTest extends TopicsTestBase {

    @Inject
    RecategorizationService recategorizations;

    private static int currentVersion() {
        return asAnalyst().get("/api/v1/knowledge").then().statusCode(200).extract().path("version");
    }

    @Test
    void themeEditsAreNewVersionsAndTakeEffectAtOnce() {
        int before = currentVersion();
        String preview = "{\"text\": \"Заказ неделю лежит в постамате у дома\"}";
        asAnalyst().contentType(ContentType.JSON).body(preview).post("/api/v1/categorizations/preview")
                .then().body("themes.theme", org.hamcrest.Matchers.not(hasItem("delivery/locker")));

        asAnalyst().contentType(ContentType.JSON).body("""
                        {"label": {"en": "Parcel locker", "ru": "Постамат"},
                         "terms": {"en": ["parcel locker"], "ru": ["постамат*"]}, "changedBy": "olga@ops.example"}""")
                .put("/api/v1/knowledge/themes/delivery/locker")
                .then().statusCode(200).body("version", equalTo(before + 1))
                .body("comment", equalTo("added theme delivery/locker")).body("createdBy", equalTo("olga@ops.example"));

        asAnalyst().contentType(ContentType.JSON).body(preview).post("/api/v1/categorizations/preview")
                .then().statusCode(200).body("themes.theme", hasItem("delivery/locker"));
        asAnalyst().get("/api/v1/knowledge/versions").then().statusCode(200)
                .body("[0].version", equalTo(before + 1)).body("[0].document", equalTo(null));
        asAnalyst().get("/api/v1/knowledge/versions/" + before).then().statusCode(200)
                .body("document.themes[0].children.id", org.hamcrest.Matchers.not(hasItem("locker")));

        asAnalyst().delete("/api/v1/knowledge/themes/delivery/locker?changedBy=olga@ops.example")
                .then().statusCode(200).body("version", equalTo(before + 2));
        asAnalyst().delete("/api/v1/knowledge/themes/delivery/locker").then().statusCode(404);
        asAnalyst().contentType(ContentType.JSON).body("{\"terms\": {\"en\": [\"x\"]}}")
                .put("/api/v1/knowledge/themes/nowhere/leaf").then().statusCode(404);
    }

    @Test
    void invalidKnowledgeIsRefusedWithThePathOfEachBrokenRule() {
        int before = currentVersion();
        asAnalyst().contentType(ContentType.JSON).body("""
                        {"document": {"themes": [{"id": "delivery"}, {"id": "delivery"}, {"id": "Bad Id"}],
                                      "lexicons": {"sarcasm": {"en": ["yeah right"]}, "negators": {"xx": ["no"], "en": ["*"]}}}}""")
                .put("/api/v1/knowledge")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("themes[1].id"))
                .body("violations.field", hasItem("themes[2].id"))
                .body("violations.field", hasItem("lexicons.sarcasm"))
                .body("violations.field", hasItem("lexicons.negators.xx"))
                .body("violations.field", hasItem("lexicons.negators.en[0]"));
        asAnalyst().contentType(ContentType.JSON).body("{\"terms\": {\"en\": [\"\"]}}")
                .put("/api/v1/knowledge/themes/delivery/Late").then().statusCode(400);
        asAnalyst().contentType(ContentType.JSON).body("{\"terms\": {\"de\": [\"nein\"]}}")
                .put("/api/v1/knowledge/lexicons/negators").then().statusCode(400)
                .body("violations[0].field", equalTo("lexicons.negators.de"));
        assertEquals(before, currentVersion(), "nothing invalid becomes a version");
    }

    @Test
    void anEditBasedOnAStaleVersionIsAConflict() throws Exception {
        JsonNode current = FeedbackEvents.JSON.readTree(asAnalyst().get("/api/v1/knowledge").asString());
        int version = current.get("version").asInt();
        ObjectNode edit = FeedbackEvents.JSON.createObjectNode();
        edit.set("document", current.get("document"));
        edit.put("basedOnVersion", version - 1 > 0 ? version - 1 : 999).put("changedBy", "late@ops.example");
        asAnalyst().contentType(ContentType.JSON).body(edit.toString()).put("/api/v1/knowledge")
                .then().statusCode(409).contentType("application/problem+json");
        edit.put("basedOnVersion", version).put("comment", "republish unchanged");
        asAnalyst().contentType(ContentType.JSON).body(edit.toString()).put("/api/v1/knowledge")
                .then().statusCode(200).body("version", equalTo(version + 1));
    }

    /**
     * Feedback about parcel lockers came in before the taxonomy knew them. After the theme is
     * added, a dry run reports what would change without touching anything; the replay then
     * announces each changed feedback once, keeps a person's correction, and a second replay
     * finds nothing left to change.
     */
    @Test
    void replayRecategorizesHistoryOnceAndReportsWhatChanged() throws Exception {
        Instant window = Instant.parse("2001-01-01T00:00:00Z").plus(Math.abs(UUID.randomUUID().getMostSignificantBits() % 3000), ChronoUnit.DAYS);
        String[] texts = {"Посылка застряла в постамате, не могу забрать", "The parcel locker would not open",
                "Постамат не открылся, код не подошёл"};
        String[] ids = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            ids[i] = UUID.randomUUID().toString();
            ObjectNode event = received(ids[i], texts[i], "nps", 4);
            event.put("respondedAt", window.plusSeconds(60L * i).toString());
            categorize(topics, event);
        }
        asAnalyst().contentType(ContentType.JSON).body("{\"themes\": [\"delivery/late\"], \"correctedBy\": \"olga@ops.example\"}")
                .put("/api/v1/feedback/" + ids[2] + "/categorization").then().statusCode(200);
        topics.await(RECATEGORIZED, r -> ids[2].equals(r.key()), 1, FeedbackEvents.PATIENCE);

        asAnalyst().contentType(ContentType.JSON).body("""
                        {"label": {"en": "Parcel locker"}, "terms": {"en": ["parcel locker"], "ru": ["постамат*"]}}""")
                .put("/api/v1/knowledge/themes/delivery/parcel-locker").then().statusCode(200);
        String range = "\"from\": \"" + window + "\", \"to\": \"" + window.plus(1, ChronoUnit.DAYS) + "\"";

        String dryRun = asAnalyst().contentType(ContentType.JSON).body("{\"dryRun\": true, " + range + "}")
                .post("/api/v1/recategorizations").then().statusCode(202).extract().header("Location");
        JsonNode report = awaitJob(dryRun);
        assertEquals("completed", report.get("status").asText());
        assertEquals(3, report.get("total").asInt());
        assertEquals(3, report.get("processed").asInt());
        assertEquals(2, report.get("changed").asInt(), report.toString());
        assertEquals(2, report.at("/report/themesAdded/delivery~1parcel-locker").asInt(), report.toString());
        assertEquals(1, topics.settle(RECATEGORIZED, r -> Set.of(ids).contains(r.key()), Duration.ofSeconds(2)).size(),
                "a dry run publishes nothing (the one event is the correction)");
        String beforeReplay = asAnalyst().get("/api/v1/feedback/" + ids[0] + "/categorization").then()
                .body("themes.theme", org.hamcrest.Matchers.not(hasItem("delivery/parcel-locker"))).extract().asString();

        String replay = asAdmin().contentType(ContentType.JSON).body("{" + range + ", \"requestedBy\": \"olga@ops.example\"}")
                .post("/api/v1/recategorizations").then().statusCode(202).extract().header("Location");
        JsonNode done = awaitJob(replay);
        assertEquals(2, done.get("changed").asInt(), done + "\nthe dry run: " + report + "\nbefore the replay: " + beforeReplay
                + "\nafter it: " + asAnalyst().get("/api/v1/feedback/" + ids[0] + "/categorization").asString());
        // the job is done once its batches committed; the relay publishes their events shortly after
        var replayed = topics.await(RECATEGORIZED, r -> Set.of(ids[0], ids[1]).contains(r.key()), 2,
                FeedbackEvents.PATIENCE);
        assertEquals(2, replayed.size());
        for (var record : replayed) {
            JsonNode event = FeedbackEvents.JSON.readTree(record.value());
            assertEquals("replay", event.at("/change/reason").asText());
            assertEquals(done.get("id").asText(), event.at("/change/recategorizationId").asText());
            assertTrue(event.get("themes").toString().contains("delivery/parcel-locker"), event.toString());
        }
        asAnalyst().get("/api/v1/feedback/" + ids[2] + "/categorization").then()
                .body("themes.theme", equalTo(List.of("delivery/late")));

        String again = asAdmin().contentType(ContentType.JSON).body("{" + range + "}")
                .post("/api/v1/recategorizations").then().statusCode(202).extract().header("Location");
        assertEquals(0, awaitJob(again).get("changed").asInt());
        assertEquals(3, topics.settle(RECATEGORIZED, r -> Set.of(ids).contains(r.key()), Duration.ofSeconds(2)).size(),
                "nothing announced twice");
    }

    /**
     * A job's progress is polled while it runs: a reader must not write back what it read, or it
     * undoes a batch the runner committed meanwhile (the replay then ran again from the start and
     * reported no changes, the first pass having already made them).
     */
    @Test
    void readingAJobLeavesTheProgressCommittedMeanwhileAlone() {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            RecategorizationJob job = new RecategorizationJob();
            job.id = UUID.randomUUID();
            job.status = "completed";   // out of the runner's way: the test commits the batch itself
            job.requestedAt = Instant.now();
            job.persist();
            return job.id;
        });
        QuarkusTransaction.requiringNew().run(() -> {
            recategorizations.find(id);
            QuarkusTransaction.requiringNew().run(() ->
                    RecategorizationJob.update("processed = 3, changed = 2 where id = ?1", id));
        });
        RecategorizationJob job = QuarkusTransaction.requiringNew().call(() -> RecategorizationJob.findById(id));
        assertEquals(List.of(3, 2), List.of(job.processed, job.changed));
    }

    @Test
    void badRecategorizationRequestsAreProblems() {
        asAdmin().contentType(ContentType.JSON).body("{\"from\": \"2026-02-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}")
                .post("/api/v1/recategorizations").then().statusCode(400).body("violations[0].field", equalTo("to"));
        asAdmin().contentType(ContentType.JSON).body("{\"from\": \"yesterday\"}")
                .post("/api/v1/recategorizations").then().statusCode(400).contentType("application/problem+json");
        asAnalyst().get("/api/v1/recategorizations/" + UUID.randomUUID()).then().statusCode(404);
    }
}
