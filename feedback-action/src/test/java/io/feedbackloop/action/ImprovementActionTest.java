package io.feedbackloop.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.action.improvements.ImprovementFanOut;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "You said, we did": a lead links the feedback an improvement answers and publishes it; its
 * customers are told in stages on {@code improvement.announced.v1}, each exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class ImprovementActionTest {

    private static final String CATEGORIZED = "feedback.categorized.v1";
    private static final String ANNOUNCED = "improvement.announced.v1";
    private static final String EN = "We rebuilt checkout: one page, and your cart is kept if anything fails.";
    private static final String RU = "Мы переделали оформление заказа: одна страница, корзина сохраняется при сбое.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicProbe topics;

    /** This class's own teams, so that its actions and people never meet another test's. */
    private static String team;
    private static String lead;
    private static String agent;
    private static String otherTeamLead;

    @Inject
    EntityManager entityManager;

    @Inject
    ImprovementFanOut fanOut;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), ANNOUNCED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    void customersAreToldInStagesEachExactlyOnceInTheirLanguage() throws Exception {
        setUpTeams();
        // 60 customers: a third Russian (ru-RU), a third English, a third German (no German text: English)
        List<String> feedback = new ArrayList<>();
        Map<String, String> localeOf = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            String id = UUID.randomUUID().toString();
            String locale = List.of("ru-RU", "en", "de").get(i % 3);
            publishFeedback(id, locale, locale.startsWith("ru") ? "ru" : "en", "words of customer " + i,
                    Instant.parse("2026-10-01T10:00:00Z"), List.of("website/checkout"));
            feedback.add(id);
            localeOf.put(id, locale);
        }
        awaitCopies(feedback);
        String action = createAction(lead, Map.of("teamId", team, "theme", "website/checkout",
                "title", "A sturdier checkout", "message", Map.of("en", EN, "ru", RU), "firstBatchSize", 10));

        // 50 linked before publishing (in two requests that overlap by 5: linked once), 10 after
        link(lead, action, feedback.subList(0, 30)).statusCode(200).body("added", equalTo(30));
        link(lead, action, feedback.subList(25, 50)).statusCode(200).body("added", equalTo(20))
                .body("counts.linked", equalTo(50));
        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + action + "/publish")
                .then().statusCode(200).body("status", equalTo("published")).body("stage", equalTo("first-batch"));

        Set<String> ours = new HashSet<>(feedback);
        awaitAnnounced(ours, 10);
        // a few more fan-out ticks (1 s each in tests) must not tell anyone beyond the first batch
        assertEquals(10, topics.settle(ANNOUNCED, r -> ours.contains(r.key()), Duration.ofSeconds(3)).size());
        get(lead, action).body("counts.linked", equalTo(50)).body("counts.announced", equalTo(10))
                .body("counts.pending", equalTo(40));

        // links added after publishing wait for the release too
        link(lead, action, feedback.subList(45, 60)).statusCode(200).body("added", equalTo(10));
        assertEquals(10, topics.settle(ANNOUNCED, r -> ours.contains(r.key()), Duration.ofSeconds(2)).size());
        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + action + "/publish")
                .then().statusCode(409).contentType("application/problem+json");

        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + action + "/release")
                .then().statusCode(200).body("stage", equalTo("released"));
        awaitAnnounced(ours, 60);
        List<ConsumerRecord<String, String>> records =
                topics.settle(ANNOUNCED, r -> ours.contains(r.key()), Duration.ofSeconds(3));
        assertEquals(60, records.size());
        assertEquals(ours, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()),
                "every linked customer told, none twice");
        get(lead, action).body("counts.announced", equalTo(60)).body("counts.pending", equalTo(0));

        JsonNode schema = JSON.readTree(given().get("/schemas/" + ANNOUNCED + ".json").then().statusCode(200)
                .extract().asString());
        conforms(schema, schema.at("/examples/0"), "the schema's example");
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            conforms(schema, event, record.value());
            String id = record.key();
            assertEquals("feedbackloop.improvement.announced.v1", TopicProbe.header(record, "ce_type"));
            assertEquals(id, TopicProbe.header(record, "ce_subject"));
            assertEquals(action, event.get("actionId").asText());
            assertEquals(id, event.get("feedbackId").asText());
            boolean russian = localeOf.get(id).startsWith("ru");
            assertEquals(russian ? RU : EN, event.get("message").asText(), "customer with locale " + localeOf.get(id));
            assertEquals(russian ? "ru" : "en", event.get("language").asText());
            assertEquals(localeOf.get(id), event.at("/customer/locale").asText());
            assertEquals("c-" + id, event.at("/customer/id").asText());
            // the notifier finds how to reach the customer by the feedback id; no contact data here
            assertTrue(!event.get("customer").has("email") && !event.get("customer").has("phone")
                    && !event.get("customer").has("name"), record.value());
            assertTrue(!record.value().contains(id.substring(0, 8) + "@example.com"), record.value());
            assertTrue(event.get("text").asText().startsWith("words of customer "), "their own words quoted");
            assertEquals("website/checkout", event.get("theme").asText());
            assertEquals("A sturdier checkout", event.get("title").asText());
            assertEquals(team, event.get("teamId").asText());
            assertEquals(Instant.parse("2026-10-01T10:00:00Z"), Instant.parse(event.get("respondedAt").asText()));
        }

        // redelivery: releasing or publishing again, linking again, or the feedback's event resent tells nobody again
        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + action + "/release")
                .then().statusCode(409);
        link(lead, action, feedback.subList(0, 60)).statusCode(200).body("added", equalTo(0))
                .body("counts.linked", equalTo(60));
        publishFeedback(feedback.get(0), "en", "en", "words of customer 0", Instant.parse("2026-10-01T10:00:00Z"),
                List.of("website/checkout"));
        assertEquals(60, topics.settle(ANNOUNCED, r -> ours.contains(r.key()), Duration.ofSeconds(3)).size());
    }

    @Test
    void replicasSharingTheFanOutKeepTheStagesAndTellNobodyTwice() throws Exception {
        setUpTeams();
        List<String> feedback = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = UUID.randomUUID().toString();
            publishFeedback(id, "en", "en", "words " + i, Instant.parse("2026-10-02T10:00:00Z"), List.of());
            feedback.add(id);
        }
        awaitCopies(feedback);
        String action = createAction(lead, Map.of("teamId", team, "title", "Concurrent", "message",
                Map.of("en", "Done."), "firstBatchSize", 30));
        link(lead, action, feedback).statusCode(200).body("added", equalTo(120));
        Set<String> ours = new HashSet<>(feedback);

        // the scheduled worker plus four more "replicas" running fan-out rounds as fast as they can
        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + action + "/publish")
                .then().statusCode(200);
        runReplicas(4, Duration.ofSeconds(3));
        awaitAnnounced(ours, 30);
        assertEquals(30, topics.settle(ANNOUNCED, r -> ours.contains(r.key()), Duration.ofSeconds(2)).size(),
                "the first batch, however many replicas count it");
        get(lead, action).body("counts.announced", equalTo(30));

        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + action + "/release")
                .then().statusCode(200);
        runReplicas(4, Duration.ofSeconds(3));
        awaitAnnounced(ours, 120);
        List<ConsumerRecord<String, String>> records =
                topics.settle(ANNOUNCED, r -> ours.contains(r.key()), Duration.ofSeconds(2));
        assertEquals(120, records.size());
        assertEquals(ours, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    private void runReplicas(int replicas, Duration during) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(replicas);
        long until = System.nanoTime() + during.toNanos();
        List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            runs.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    fanOut.tick();
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
    }

    @Test
    void linkingByThemeAndWindowTakesTheGroupsLeavesRespondedInTheWindowOnly() throws Exception {
        setUpTeams();
        String group = "g" + UUID.randomUUID().toString().substring(0, 8);
        Instant from = Instant.parse("2026-03-02T00:00:00Z");
        Instant to = Instant.parse("2026-03-09T00:00:00Z");
        Map<String, String> fb = new HashMap<>();
        record Item(String name, List<String> themes, Instant respondedAt) {
        }
        List<Item> items = List.of(
                new Item("leaf-inside", List.of(group + "/late"), Instant.parse("2026-03-05T12:00:00Z")),
                new Item("group-itself", List.of(group), Instant.parse("2026-03-03T08:00:00Z")),
                new Item("at-from", List.of(group + "/damaged"), from),
                new Item("second-theme", List.of("website/checkout", group + "/late"), Instant.parse("2026-03-08T23:59:59Z")),
                new Item("at-to", List.of(group + "/late"), to),
                new Item("before", List.of(group + "/late"), from.minusSeconds(1)),
                new Item("other-group-same-prefix", List.of(group + "x/late"), Instant.parse("2026-03-05T12:00:00Z")),
                new Item("other-theme", List.of("website/checkout"), Instant.parse("2026-03-05T12:00:00Z")));
        for (Item item : items) {
            String id = UUID.randomUUID().toString();
            fb.put(item.name(), id);
            publishFeedback(id, "en", "en", item.name(), item.respondedAt(), item.themes());
        }
        awaitCopies(fb.values());

        String byGroup = createAction(lead, Map.of("teamId", team, "title", "Parcels on time",
                "message", Map.of("en", "We changed couriers."), "firstBatchSize", 50));
        Map<String, Object> window = Map.of("theme", group, "from", from.toString(), "to", to.toString());
        link(lead, byGroup, window).statusCode(200).body("added", equalTo(4)).body("counts.linked", equalTo(4));
        link(lead, byGroup, window).statusCode(200).body("added", equalTo(0)).body("counts.linked", equalTo(4));

        // a leaf matches only itself
        String byLeaf = createAction(lead, Map.of("teamId", team, "title", "Late parcels",
                "message", Map.of("en", "We changed couriers."), "firstBatchSize", 50));
        link(lead, byLeaf, Map.of("theme", group + "/late", "from", from.toString(), "to", to.toString()))
                .statusCode(200).body("added", equalTo(2));

        Set<String> expected = Set.of(fb.get("leaf-inside"), fb.get("group-itself"), fb.get("at-from"),
                fb.get("second-theme"));
        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + byGroup + "/publish")
                .then().statusCode(200);
        Set<String> all = new HashSet<>(fb.values());
        List<ConsumerRecord<String, String>> told = awaitAnnounced(all, 4);
        told = topics.settle(ANNOUNCED, r -> all.contains(r.key()), Duration.ofSeconds(3));
        assertEquals(expected, told.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        assertEquals(4, told.size());
        assertTrue(told.stream().allMatch(r -> r.value().contains("\"message\":\"We changed couriers.\"")));
        assertTrue(told.stream().allMatch(r -> r.value().contains("\"theme\":null")), "the action has no theme");
    }

    @Test
    void onlyLeadsOfTheTeamChangeActionsEveryMemberReads() throws Exception {
        setUpTeams();
        Map<String, Object> body = Map.of("teamId", team, "title", "Faster refunds",
                "message", Map.of("ru", "Возвраты теперь за 3 дня."));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/improvement-actions")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer mbr_unknown").contentType(ContentType.JSON).body(body)
                .post("/api/v1/improvement-actions").then().statusCode(401);
        given().header("Authorization", agent).contentType(ContentType.JSON).body(body)
                .post("/api/v1/improvement-actions").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", otherTeamLead).contentType(ContentType.JSON).body(body)
                .post("/api/v1/improvement-actions").then().statusCode(403)
                .body("type", equalTo("urn:feedbackloop:problem:other-team"));

        String action = createAction(lead, body);
        String id = UUID.randomUUID().toString();
        publishFeedback(id, "ru", "ru", "Возврат шёл месяц", Instant.now(), List.of("payment/refund"));
        awaitCopies(List.of(id));
        link(agent, action, List.of(id)).statusCode(403);
        link(otherTeamLead, action, List.of(id)).statusCode(403);
        for (String step : List.of("publish", "release")) {
            given().header("Authorization", agent).post("/api/v1/improvement-actions/" + action + "/" + step)
                    .then().statusCode(403);
            given().header("Authorization", otherTeamLead).post("/api/v1/improvement-actions/" + action + "/" + step)
                    .then().statusCode(403);
        }
        // release before publish: the first batch has not even gone out
        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + action + "/release")
                .then().statusCode(409).body("type", equalTo("urn:feedbackloop:problem:not-published"));

        get(agent, action).body("status", equalTo("draft")).body("stage", equalTo("draft"))
                .body("firstBatchSize", equalTo(20)).body("message.ru", equalTo("Возвраты теперь за 3 дня."))
                .body("createdBy", equalTo(leadEmail))
                .body("counts.linked", equalTo(0));
        given().header("Authorization", agent).get("/api/v1/improvement-actions?team=" + team)
                .then().statusCode(200).body("id", hasItem(action));
        given().header("Authorization", admin()).post("/api/v1/improvement-actions/" + action + "/publish")
                .then().statusCode(200);

        given().header("Authorization", agent).get("/api/v1/improvement-actions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", lead).post("/api/v1/improvement-actions/" + UUID.randomUUID() + "/publish")
                .then().statusCode(404);
        given().header("Authorization", agent).get("/api/v1/improvement-actions/not-a-uuid")
                .then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void invalidRequestsAreRefusedNamingEachField() throws Exception {
        setUpTeams();
        given().header("Authorization", lead).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/improvement-actions").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("message", "teamId", "title"));
        given().header("Authorization", lead).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "title", "x", "message", Map.of(), "theme", "Not A Path",
                        "firstBatchSize", 0))
                .post("/api/v1/improvement-actions").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("firstBatchSize", "message", "theme"));
        given().header("Authorization", lead).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "title", "x",
                        "message", Map.of("de", "Hallo", "en", "x".repeat(2001), "ru", " ")))
                .post("/api/v1/improvement-actions").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("message.de", "message.en", "message.ru"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("teamId", "no-such-team", "title", "x", "message", Map.of("en", "y")))
                .post("/api/v1/improvement-actions").then().statusCode(400)
                .body("violations[0].field", equalTo("teamId")).body("violations[0].rule", equalTo("exists"));

        String action = createAction(lead, Map.of("teamId", team, "title", "x", "message", Map.of("en", "y")));
        String known = UUID.randomUUID().toString();
        publishFeedback(known, "en", "en", "hello", Instant.now(), List.of());
        awaitCopies(List.of(known));
        String unknown = UUID.randomUUID().toString();
        link(lead, action, List.of(known, unknown)).statusCode(400)
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("feedbackIds[1]"))
                .body("violations[0].rule", equalTo("exists"));
        get(lead, action).body("counts.linked", equalTo(0));
        link(lead, action, List.of()).statusCode(400).body("violations[0].field", equalTo("feedbackIds"));
        link(lead, action, Map.of("feedbackIds", List.of(known), "theme", "delivery")).statusCode(400)
                .body("violations[0].field", equalTo("body"));
        link(lead, action, Map.of("theme", "delivery")).statusCode(400)
                .body("violations.field", containsInAnyOrder("from", "to"));
        link(lead, action, Map.of("theme", "delivery", "from", "2026-03-02T00:00:00Z", "to", "2026-03-01T00:00:00Z"))
                .statusCode(400).body("violations[0].field", equalTo("to"));
        link(lead, action, Map.of("theme", "delivery", "from", "yesterday", "to", "2026-03-01T00:00:00Z"))
                .statusCode(400).body("violations[0].field", equalTo("from"));
        link(lead, action, List.of(known)).statusCode(200).body("added", equalTo(1));
        given().header("Authorization", lead).get("/api/v1/improvement-actions?status=sent").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** The schema's top level: required fields set, no undocumented field, enum values allowed; nested objects too. */
    private static void conforms(JsonNode schema, JsonNode event, String what) {
        assertTrue(event.isObject(), what);
        for (JsonNode required : schema.get("required")) {
            assertTrue(event.hasNonNull(required.asText()), what + " lacks " + required.asText());
        }
        JsonNode properties = schema.get("properties");
        event.fieldNames().forEachRemaining(name -> {
            assertTrue(properties.has(name), what + " has undocumented " + name);
            JsonNode property = properties.get(name);
            JsonNode value = event.get(name);
            if (property.has("enum") && !value.isNull()) {
                List<String> allowed = new ArrayList<>();
                property.get("enum").forEach(v -> allowed.add(v.asText()));
                assertTrue(allowed.contains(value.asText()), what + ": " + name + "=" + value);
            }
            if (property.has("properties") && value.isObject()) {
                conforms(property, value, what + "." + name);
            }
        });
    }

    private static String leadEmail;

    /** A team of this class with a lead and an agent, and a lead of another team. */
    private static synchronized void setUpTeams() {
        if (team != null) {
            return;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "improve-" + suffix;
        createTeam(team);
        createTeam("other-" + suffix);
        leadEmail = "lead-" + suffix + "@example.com";
        lead = member(team, leadEmail, "lead");
        agent = member(team, "agent-" + suffix + "@example.com", "agent");
        otherTeamLead = member("other-" + suffix, "other-lead-" + suffix + "@example.com", "lead");
    }

    private static void createTeam(String id) {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", id, "timeZone", "UTC",
                        "workDays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                        "workStart", "00:00", "workEnd", "23:59"))
                .post("/api/v1/teams").then().statusCode(201);
    }

    private static String member(String teamId, String email, String role) {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", role, "role", role))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(201);
        return TestTokens.bearer(TestTokens.person(email, Set.of(role), Set.of(teamId)));
    }

    /** A categorized feedback as feedback-categorize publishes it; no case rule matches it (a passive, neutral). */
    private static void publishFeedback(String id, String locale, String language, String text, Instant respondedAt,
                                        List<String> themes) {
        String themeJson = themes.stream().map(t -> "{\"theme\":\"" + t + "\",\"matched\":[],\"source\":\"rules\"}")
                .collect(Collectors.joining(","));
        topics.publishEvent(CATEGORIZED, id, UUID.randomUUID().toString(), """
                {"feedbackId":"%s","categorizedAt":"%s","respondedAt":"%s","channel":"web",
                 "customer":{"id":"c-%s","email":"%s@example.com","phone":null,"name":"Customer","locale":"%s"},
                 "npsScore":7,"npsClass":"passive","text":"%s","language":"%s",
                 "sentiment":{"label":"neutral","confidence":0.5},"type":{"label":"idea","confidence":0.5},
                 "themes":[%s],"urgency":[],"priority":"low"}"""
                .formatted(id, Instant.now(), respondedAt, id, id.substring(0, 8), locale, text, language, themeJson));
    }

    /** Waits until this service has its copy of each feedback (what it links and quotes). */
    private void awaitCopies(java.util.Collection<String> ids) throws InterruptedException {
        String array = String.join(",", ids);
        long deadline = System.currentTimeMillis() + 60_000;
        long copied = 0;
        while (System.currentTimeMillis() < deadline) {
            copied = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                            "SELECT count(*) FROM feedback_copy WHERE feedback_id = ANY(string_to_array(?1, ',')::uuid[])")
                    .setParameter(1, array).getSingleResult()).longValue());
            if (copied == ids.size()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("only " + copied + " of " + ids.size() + " feedback copied");
    }

    private static List<ConsumerRecord<String, String>> awaitAnnounced(Set<String> feedbackIds, int count) {
        List<ConsumerRecord<String, String>> records = topics.await(ANNOUNCED, r -> feedbackIds.contains(r.key()), count,
                Duration.ofSeconds(60));
        assertTrue(records.size() >= count, "only " + records.size() + " of " + count + " announced");
        return records;
    }

    private static String createAction(String authorization, Map<String, Object> body) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .post("/api/v1/improvement-actions").then().statusCode(201)
                .body("status", equalTo("draft")).extract().path("id");
    }

    private static ValidatableResponse link(String authorization, String action, Object body) {
        Object request = body instanceof List<?> ids ? Map.of("feedbackIds", ids) : body;
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(request)
                .post("/api/v1/improvement-actions/" + action + "/links").then();
    }

    private static ValidatableResponse get(String authorization, String action) {
        return given().header("Authorization", authorization).get("/api/v1/improvement-actions/" + action)
                .then().statusCode(200);
    }

    private static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }
}
