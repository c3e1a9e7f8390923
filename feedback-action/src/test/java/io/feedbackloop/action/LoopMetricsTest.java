package io.feedbackloop.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loop metrics over cases with known timings: opened by detractor feedback, first responses
 * reported on {@code followup.sent.v1} at chosen times, closed through the case API while the
 * service's clock is moved forward by whole hours. Each test slices by its own theme.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class LoopMetricsTest {

    private static final String OPENED = "action.opened.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HOUR = 3600;
    private static TopicProbe topics;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), OPENED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    /** One case as the test follows it. */
    record Case(String id, String feedbackId, Instant openedAt, Instant firstResponseDueAt, Instant resolutionDueAt,
                String ownerTeam) {
    }

    @Test
    void closedLoopRateMediansAndSlaMetFromCasesWithKnownTimings() throws Exception {
        long started = System.nanoTime();
        String t = "lm" + UUID.randomUUID().toString().substring(0, 8);
        String a = t + "/a";
        String b = t + "/b";

        // five normal-priority cases opened now; the promises are 24 h to first response, 72 h to resolution
        Case c1 = open(List.of(a));
        Case c2 = open(List.of(a));
        Case c3 = open(List.of(a, b));
        Case c4 = open(List.of(b));
        Case c5 = open(List.of(b));
        for (Case c : List.of(c1, c2, c3, c4, c5)) {
            assertEquals(Duration.ofHours(24), Duration.between(c.openedAt(), c.firstResponseDueAt()), "premise");
            assertEquals(Duration.ofHours(72), Duration.between(c.openedAt(), c.resolutionDueAt()), "premise");
        }
        Instant from = c1.openedAt().minus(Duration.ofMinutes(1));

        // nothing has happened yet: counts are 0, the rate is a real 0 %, every figure without data is null
        JsonPath early = json(metrics(admin(), Map.of("from", from.toString(), "theme", t)));
        assertEquals(5, early.getInt("total.casesOpened"));
        assertEquals(0, early.getInt("total.casesClosed"));
        assertEquals(0.0, early.getDouble("total.closedLoopRate"));
        assertNull(early.get("total.medianSecondsToFirstResponse"));
        assertNull(early.get("total.medianSecondsToClose"));
        assertNull(early.get("total.firstResponseSlaMetPercent"), "no first-response deadline decided yet");
        assertNull(early.get("total.resolutionSlaMetPercent"));
        assertEquals(0, early.getInt("total.firstResponseSlaDecided"));

        // first responses, to the second: c1 after 1 h (met), c2 after 25 h (missed), c3 after 30 h (missed),
        // c5 after 3 h (met); c4 never answered
        respond(c1, Duration.ofHours(1));
        respond(c2, Duration.ofHours(25));
        respond(c3, Duration.ofHours(30));
        respond(c5, Duration.ofHours(3));

        // closing, with the clock moved on: c1 after 10 h, c5 after 20 h (as a duplicate: nothing to tell the
        // customer), c2 after 30 h, c3 after 80 h (past its 72 h resolution deadline); c4 stays open and overdue
        clock.advance(Duration.ofHours(10));
        close(c1, "fixed", "The courier app now keeps your address.");
        clock.advance(Duration.ofHours(10));
        close(c5, "duplicate", null);
        clock.advance(Duration.ofHours(10));
        close(c2, "refunded", "We refunded the delivery fee.");
        clock.advance(Duration.ofHours(50));
        close(c3, "fixed", "Parcels are tracked end to end now.");
        // a sixth case, opened 80 h after the others: both its deadlines are still ahead (decided neither way)
        Case c6 = open(List.of(b));
        Instant to = clock.instant().plus(Duration.ofMinutes(1));
        // every time to close also holds the real seconds this test has run between opening and closing
        double slack = (System.nanoTime() - started) / 1e9 + 1;

        JsonPath all = json(metrics(admin(), Map.of("from", from.toString(), "to", to.toString(), "theme", t,
                "groupBy", "theme")));
        Map<String, Object> total = all.getMap("total");
        assertEquals(6L, number(total, "casesOpened"));
        // closed: c1, c2, c3, c5; with a resolution told to the customer: c1, c2, c3
        assertEquals(4L, number(total, "casesClosed"));
        assertEquals(3L, number(total, "casesClosedWithResolution"));
        // 3 / (6 opened - 1 duplicate) = 60 %
        assertEquals(60.0, decimal(total, "closedLoopRate"));
        // answered after 1 h, 3 h, 25 h, 30 h: median (3 h + 25 h) / 2 = 14 h = 50400 s
        assertEquals(50_400.0, decimal(total, "medianSecondsToFirstResponse"));
        // closed after 10 h, 20 h, 30 h, 80 h: median (20 h + 30 h) / 2 = 25 h = 90000 s (plus real seconds)
        assertBetween(90_000, 90_000 + slack, decimal(total, "medianSecondsToClose"));
        // first response decided for c1..c5 (c4 overdue, c6 still in time): met c1, c5 = 2 / 5 = 40 %
        assertEquals(5L, number(total, "firstResponseSlaDecided"));
        assertEquals(40.0, decimal(total, "firstResponseSlaMetPercent"));
        // resolution decided for c1..c5 (c4 overdue, c6 still in time): met c1 (10 h), c5 (20 h), c2 (30 h) = 60 %
        assertEquals(5L, number(total, "resolutionSlaDecided"));
        assertEquals(60.0, decimal(total, "resolutionSlaMetPercent"));

        // by theme a case counts in each of its themes: t/a = c1, c2, c3; t/b = c3, c4, c5, c6
        Map<String, Map<String, Object>> byTheme = groups(all);
        assertEquals(List.of(b, a), all.getList("groups.key"), "most cases first");
        Map<String, Object> ga = byTheme.get(a);
        assertEquals(3L, number(ga, "casesOpened"));
        assertEquals(100.0, decimal(ga, "closedLoopRate"));
        // 1 h, 25 h, 30 h -> 25 h
        assertEquals(90_000.0, decimal(ga, "medianSecondsToFirstResponse"));
        // 10 h, 30 h, 80 h -> 30 h
        assertBetween(108_000, 108_000 + slack, decimal(ga, "medianSecondsToClose"));
        // met c1 of c1, c2, c3
        assertEquals(33.3, decimal(ga, "firstResponseSlaMetPercent"));
        // met c1, c2 of c1, c2, c3
        assertEquals(66.7, decimal(ga, "resolutionSlaMetPercent"));
        Map<String, Object> gb = byTheme.get(b);
        assertEquals(4L, number(gb, "casesOpened"));
        assertEquals(2L, number(gb, "casesClosed"));
        // c3 of (4 - duplicate c5)
        assertEquals(33.3, decimal(gb, "closedLoopRate"));
        // c5 3 h, c3 30 h -> 16.5 h
        assertEquals(59_400.0, decimal(gb, "medianSecondsToFirstResponse"));
        // c5 20 h, c3 80 h -> 50 h
        assertBetween(180_000, 180_000 + slack, decimal(gb, "medianSecondsToClose"));
        // decided c3 (missed), c4 (missed), c5 (met); c6 pending
        assertEquals(3L, number(gb, "firstResponseSlaDecided"));
        assertEquals(33.3, decimal(gb, "firstResponseSlaMetPercent"));
        assertEquals(33.3, decimal(gb, "resolutionSlaMetPercent"));

        // a leaf theme selects its own cases; the group selected both leaves
        metrics(admin(), Map.of("from", from.toString(), "to", to.toString(), "theme", a)).then()
                .body("total.casesOpened", equalTo(3)).body("theme", equalTo(a));

        // by team: every case went to the team that owns it
        metrics(admin(), Map.of("from", from.toString(), "to", to.toString(), "theme", t, "groupBy", "team")).then()
                .body("groups", hasSize(1)).body("groups[0].key", equalTo(c1.ownerTeam()))
                .body("groups[0].casesOpened", equalTo(6));

        // by week and by month: every period of [from, to), empty ones too, keyed as the cases' opening says
        for (String grouping : List.of("week", "month")) {
            JsonPath periods = json(metrics(admin(), Map.of("from", from.toString(), "to", to.toString(),
                    "theme", t, "groupBy", grouping)));
            Map<String, Integer> expected = new TreeMap<>();
            for (Instant day = from; day.isBefore(to); day = day.plus(Duration.ofHours(12))) {
                expected.put(period(day, grouping), 0);
            }
            expected.put(period(to.minusNanos(1), grouping), 0);
            for (Case c : List.of(c1, c2, c3, c4, c5, c6)) {
                expected.merge(period(c.openedAt(), grouping), 1, Integer::sum);
            }
            Map<String, Integer> actual = new TreeMap<>();
            for (Map<String, Object> g : periods.<Map<String, Object>>getList("groups")) {
                actual.put((String) g.get("key"), ((Number) g.get("casesOpened")).intValue());
            }
            assertEquals(expected, actual, grouping);
            assertEquals(List.copyOf(expected.keySet()), periods.getList("groups.key"), "in order");
        }
    }

    @Test
    void agentsAndLeadsSeeTheirOwnTeamOnlyAnalystsEveryTeam() throws Exception {
        String t = "lm" + UUID.randomUUID().toString().substring(0, 8);
        Case c = open(List.of(t + "/x"));
        String from = c.openedAt().minus(Duration.ofMinutes(1)).toString();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = "metrics-" + suffix;
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("id", team, "name", team, "timeZone", "UTC", "workDays", List.of("MON", "TUE"),
                        "workStart", "09:00", "workEnd", "17:00"))
                .post("/api/v1/teams").then().statusCode(201);
        String agent = member(team, "agent-" + suffix + "@example.com", "agent");
        String lead = member(team, "lead-" + suffix + "@example.com", "lead");

        // the agent's team owns none of the theme's cases: counts 0, every figure null
        metrics(agent, Map.of("from", from, "theme", t)).then().statusCode(200)
                .body("team", equalTo(team)).body("total.casesOpened", equalTo(0))
                .body("total.closedLoopRate", nullValue()).body("total.medianSecondsToFirstResponse", nullValue())
                .body("total.medianSecondsToClose", nullValue()).body("total.firstResponseSlaMetPercent", nullValue())
                .body("total.resolutionSlaMetPercent", nullValue());
        metrics(agent, Map.of("from", from, "theme", t, "team", c.ownerTeam())).then().statusCode(403)
                .contentType("application/problem+json");
        metrics(lead, Map.of("from", from, "theme", t, "team", c.ownerTeam())).then().statusCode(403);
        metrics(lead, Map.of("from", from, "theme", t)).then().statusCode(200).body("team", equalTo(team))
                .body("total.casesOpened", equalTo(0));
        String analyst = TestTokens.bearer(TestTokens.analyst());
        metrics(analyst, Map.of("from", from, "theme", t, "team", c.ownerTeam())).then().statusCode(200)
                .body("total.casesOpened", equalTo(1));
        metrics(analyst, Map.of("from", from, "theme", t)).then().statusCode(200).body("team", nullValue())
                .body("total.casesOpened", equalTo(1));
        given().queryParam("theme", t).get("/api/v1/loop-metrics").then().statusCode(401);
    }

    @Test
    void invalidQueriesAreRefusedNamingTheParameter() {
        metrics(admin(), Map.of("groupBy", "year")).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("groupBy"));
        metrics(admin(), Map.of("from", "last week")).then().statusCode(400).body("violations[0].field", equalTo("from"));
        metrics(admin(), Map.of("from", "2026-11-02", "to", "2026-11-01")).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        metrics(admin(), Map.of("theme", "Not A Path")).then().statusCode(400)
                .body("violations[0].field", equalTo("theme"));
        // a date alone means the start of that day, UTC
        metrics(admin(), Map.of("from", "2020-01-01", "to", "2020-02-01", "groupBy", "month")).then().statusCode(200)
                .body("from", equalTo("2020-01-01T00:00:00Z")).body("groups.key", equalTo(List.of("2020-01")))
                .body("groups[0].casesOpened", equalTo(0)).body("groups[0].closedLoopRate", nullValue());
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Opens a normal-priority case: an NPS detractor whose categorization says normal priority. */
    private Case open(List<String> themes) throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String themeJson = themes.stream().map(x -> "{\"theme\":\"" + x + "\",\"matched\":[],\"source\":\"rules\"}")
                .collect(Collectors.joining(","));
        topics.publishEvent("feedback.categorized.v1", feedbackId, UUID.randomUUID().toString(), """
                {"feedbackId":"%s","categorizedAt":"%s","respondedAt":"%s","channel":"web",
                 "customer":{"id":"c-lm","email":"lm@example.com","name":"Lena","locale":"en"},
                 "npsScore":5,"npsClass":"detractor","text":"Parcel lost again","language":"en",
                 "sentiment":{"label":"negative","confidence":0.8},"type":{"label":"complaint","confidence":0.7},
                 "themes":[%s],"urgency":[],"priority":"normal"}"""
                .formatted(feedbackId, clock.instant(), clock.instant(), themeJson));
        List<ConsumerRecord<String, String>> opened = topics.await(OPENED, r -> feedbackId.equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertEquals(1, opened.size(), "a case is opened for the detractor");
        String caseId = JSON.readTree(opened.get(0).value()).get("caseId").asText();
        JsonPath view = caseView(caseId);
        return new Case(caseId, feedbackId, Instant.parse(view.getString("openedAt")),
                Instant.parse(view.getString("firstResponseDueAt")), Instant.parse(view.getString("resolutionDueAt")),
                view.getString("ownerTeam"));
    }

    /** The notifier reports the customer was written to {@code after} the case was opened. */
    private static void respond(Case c, Duration after) throws InterruptedException {
        Instant sentAt = c.openedAt().plus(after);
        topics.publishEvent("followup.sent.v1", c.feedbackId(), UUID.randomUUID().toString(), """
                {"feedbackId":"%s","caseId":"%s","sentAt":"%s","channel":"email"}"""
                .formatted(c.feedbackId(), c.id(), sentAt));
        long deadline = System.currentTimeMillis() + 60_000;
        String recorded = null;
        while (recorded == null && System.currentTimeMillis() < deadline) {
            recorded = caseView(c.id()).getString("firstResponseAt");
            Thread.sleep(100);
        }
        assertNotNull(recorded, "first response recorded");
        assertEquals(sentAt, Instant.parse(recorded));
    }

    private static void close(Case c, String code, String text) throws InterruptedException {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("resolutionCode", code, "rootCause", "test"));
        if (text != null) {
            body.put("resolutionText", text);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Response response = given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/cases/" + c.id() + "/close");
            // the SLA scheduler may escalate the case at the same moment (optimistic lock): send it again
            if (response.statusCode() == 409 && System.currentTimeMillis() < deadline
                    && "urn:feedbackloop:problem:concurrent-update".equals(response.jsonPath().getString("type"))) {
                Thread.sleep(200);
                continue;
            }
            assertEquals(200, response.statusCode(), response.asString());
            return;
        }
    }

    private static JsonPath caseView(String caseId) {
        return given().header("Authorization", admin()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Response metrics(String authorization, Map<String, String> query) {
        return given().header("Authorization", authorization).queryParams(query).get("/api/v1/loop-metrics");
    }

    /** Decimals read as doubles (33.3 stays 33.3, not the float nearest to it). */
    private static JsonPath json(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return new JsonPath(response.asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String member(String teamId, String email, String role) {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", role, "role", role))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(201);
        return TestTokens.bearer(TestTokens.person(email, Set.of(role), Set.of(teamId)));
    }

    private static Map<String, Map<String, Object>> groups(JsonPath metrics) {
        return metrics.<Map<String, Object>>getList("groups").stream()
                .collect(Collectors.toMap(g -> (String) g.get("key"), g -> g));
    }

    /** Monday of the week (UTC) or the month, as the metrics key them. */
    private static String period(Instant at, String grouping) {
        var day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return grouping.equals("week") ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()
                : day.toString().substring(0, 7);
    }

    private static long number(Map<String, Object> figures, String name) {
        return ((Number) figures.get(name)).longValue();
    }

    private static Double decimal(Map<String, Object> figures, String name) {
        Object value = figures.get(name);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static void assertBetween(double low, double high, Double actual) {
        assertNotNull(actual);
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }

    private static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }
}
