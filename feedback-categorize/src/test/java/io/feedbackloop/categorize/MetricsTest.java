package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.Requests.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics API end to end: feedback arrive as {@code feedback.received.v1} events, are
 * categorized into the database, and are counted over REST. Each test owns a customer segment
 * of its own and slices by it, so tests never see each other's feedback. Every expected number
 * is worked out by hand in the comments.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "categorize"))
class MetricsTest {

    private static final String RECEIVED = "feedback.received.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EXACT = 1e-9;
    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), RECEIVED + ".dlq");
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    // ---------------------------------------------------------------------------------------------
    // summary and slice filters

    @Test
    void summaryCountsTheSliceByAnswerTimeHalfOpen() throws Exception {
        String segment = segment();
        List<String> ids = new ArrayList<>();
        ids.add(send(feedback(segment, "2026-10-01T00:00:00Z").scores(nps(10))));   // first instant: inside
        ids.add(send(feedback(segment, "2026-10-10T10:00:00Z").scores(nps(9))));
        ids.add(send(feedback(segment, "2026-10-10T11:00:00Z").scores(nps(9))));
        ids.add(send(feedback(segment, "2026-10-10T12:00:00Z").scores(nps(8))));
        ids.add(send(feedback(segment, "2026-10-31T23:59:59Z").scores(nps(4))));    // last second of October (UTC)
        ids.add(send(feedback(segment, "2026-10-15T08:00:00Z").scores(csat(4))));   // CSAT only
        ids.add(send(feedback(segment, "2026-10-15T09:00:00Z").text("Thanks")));    // no score at all
        ids.add(send(feedback(segment, "2026-11-01T00:00:00Z").scores(nps(0))));    // = to: outside
        ids.add(send(feedback(segment, "2026-09-30T23:59:59Z").scores(nps(7))));    // before from (UTC)
        awaitCategorized(ids);

        JsonNode october = get("", "segment", segment, "from", "2026-10-01", "to", "2026-11-01");
        assertEquals("2026-10-01T00:00:00Z", october.at("/slice/from").asText());
        JsonNode m = october.get("metrics");
        // 5 NPS + 1 CSAT + 1 without score
        assertEquals(7, m.get("responses").asLong());
        // 10, 9, 9 promoters; 8 passive; 4 detractor: (3 − 1) / 5 = 40
        assertNps(m.get("nps"), 5, 3, 1, 1, 40.0);
        // adjusted Wald: n' = 8, p' = 3.75/8 = 0.46875, d' = 1.75/8 = 0.21875, centre 0.25,
        // SE = √((0.6875 − 0.0625)/8) = √0.078125 = 0.279508, 1.96·SE = 0.547836 → [−29.8, 79.8]
        assertInterval(m.at("/nps/ci95"), -29.8, 79.8);
        // the one CSAT answer, 4 of 1–5: top box 0 %, top two 100 %;
        // Agresti–Coull 1 of 1: ñ = 4.8416, p̃ = 2.9208/4.8416 = 0.603272,
        // half 1.96·√(0.239335/4.8416) = 0.435777 → [16.7, 103.9 → 100]
        assertEquals(1, m.at("/csat/responses").asLong());
        assertEquals(0.0, m.at("/csat/topBoxPercent").asDouble(), EXACT);
        assertEquals(100.0, m.at("/csat/topTwoBoxPercent").asDouble(), EXACT);
        assertInterval(m.at("/csat/ci95"), 16.7, 100.0);
        assertEquals(0, m.get("ces").size());

        // the same dates in Moscow (UTC+3) start three hours earlier: 2026-09-30T21:00Z to 2026-10-31T21:00Z,
        // which takes the 7 of 30 September in and leaves the 4 of 31 October out:
        // 10, 9, 9 promoters; 8, 7 passives → (3 − 0)/5 = 60
        JsonNode moscow = get("", "segment", segment, "from", "2026-10-01", "to", "2026-11-01", "tz", "Europe/Moscow");
        assertEquals("2026-09-30T21:00:00Z", moscow.at("/slice/from").asText());
        assertNps(moscow.at("/metrics/nps"), 5, 3, 2, 0, 60.0);

        // everything: 10, 9, 9 | 8, 7 | 4, 0 → (3 − 2)/7 = 14.2857 → 14.3
        JsonNode all = get("", "segment", segment);
        assertEquals(9, all.at("/metrics/responses").asLong());
        assertNps(all.at("/metrics/nps"), 7, 3, 2, 2, 14.3);
        // n' = 10, p' = 0.375, d' = 0.275, centre 0.1, SE = √((0.65 − 0.01)/10) = 0.252982, 1.96·SE = 0.495845
        // → [−39.6, 59.6]
        assertInterval(all.at("/metrics/nps/ci95"), -39.6, 59.6);

        // instants with an offset work as well: [10:30Z, 11:30Z) holds only the 9 of 11:00
        JsonNode hour = get("", "segment", segment, "from", "2026-10-10T13:30:00+03:00", "to", "2026-10-10T11:30:00Z");
        assertNps(hour.at("/metrics/nps"), 1, 1, 0, 0, 100.0);
    }

    @Test
    void anEmptySliceHasCountsOfZeroAndNoScores() throws Exception {
        JsonNode m = get("", "segment", segment()).get("metrics");
        assertEquals(0, m.get("responses").asLong());
        assertEquals(0, m.at("/nps/responses").asLong());
        assertTrue(m.at("/nps/score").isNull(), m.toString());
        assertTrue(m.at("/nps/ci95").isNull(), m.toString());
        assertTrue(m.at("/csat/topTwoBoxPercent").isNull(), m.toString());
        assertTrue(m.at("/csat/ci95").isNull(), m.toString());
        assertEquals(0, m.get("ces").size());
    }

    @Test
    void eachMetricCountsOnlyItsOwnScoresAndCesIsReportedPerScale() throws Exception {
        String segment = segment();
        String at = "2026-11-05T10:00:00Z";
        awaitCategorized(List.of(
                send(feedback(segment, at).scores(nps(9), csat(5))),
                send(feedback(segment, at).scores(csat(2), ces(6, 1, 7))),
                send(feedback(segment, at).scores(ces(3, 1, 7))),
                send(feedback(segment, at).scores(ces(4, 1, 5))),
                send(feedback(segment, at).scores(ces(5, 1, 5)))));

        JsonNode m = get("", "segment", segment).get("metrics");
        assertEquals(5, m.get("responses").asLong());
        // NPS from the single NPS answer only (the CSAT 5 next to it is not an NPS answer)
        assertNps(m.get("nps"), 1, 1, 0, 0, 100.0);
        // CSAT answers 5 and 2: top box 1 of 2, top two box (4–5) 1 of 2
        assertEquals(2, m.at("/csat/responses").asLong());
        assertEquals(50.0, m.at("/csat/topBoxPercent").asDouble(), EXACT);
        assertEquals(50.0, m.at("/csat/topTwoBoxPercent").asDouble(), EXACT);
        // 1 of 2: ñ = 5.8416, p̃ = 2.9208/5.8416 = 0.5, half 1.96·√(0.25/5.8416) = 0.405471 → [9.5, 90.5]
        assertInterval(m.at("/csat/ci95"), 9.5, 90.5);

        JsonNode ces = m.get("ces");
        assertEquals(2, ces.size(), "one entry per CES scale");
        JsonNode fivePoint = ces.get(0);
        assertEquals(1, fivePoint.get("scaleMin").asInt());
        assertEquals(5, fivePoint.get("scaleMax").asInt());
        assertEquals(2, fivePoint.get("responses").asLong());
        // 4 and 5 → mean 4.5; s = √0.5 = 0.7071, s/√2 = 0.5, t(0.975; 1) = 12.7062 → 4.5 ± 6.35, clamped to 1–5
        assertEquals(4.5, fivePoint.get("mean").asDouble(), EXACT);
        assertInterval(fivePoint.get("ci95"), 1.0, 5.0);
        // above the midpoint 3: both → 100 %; 2 of 2: p̃ = 3.9208/5.8416 = 0.671186,
        // half 1.96·√(0.220695/5.8416) = 0.380966 → [29.0, 105.2 → 100]
        assertEquals(100.0, fivePoint.get("agreePercent").asDouble(), EXACT);
        assertInterval(fivePoint.get("agreeCi95"), 29.0, 100.0);

        JsonNode sevenPoint = ces.get(1);
        assertEquals(1, sevenPoint.get("scaleMin").asInt());
        assertEquals(7, sevenPoint.get("scaleMax").asInt());
        // 6 and 3 → mean 4.5; agree = above 4 (5–7): only the 6 → 50 %, interval as for CSAT's 1 of 2
        assertEquals(4.5, sevenPoint.get("mean").asDouble(), EXACT);
        assertEquals(50.0, sevenPoint.get("agreePercent").asDouble(), EXACT);
        assertInterval(sevenPoint.get("agreeCi95"), 9.5, 90.5);

        // a single CES answer has a mean but no interval
        String single = segment();
        awaitCategorized(List.of(send(feedback(single, at).scores(ces(6, 1, 7)))));
        JsonNode one = get("", "segment", single).at("/metrics/ces/0");
        assertEquals(6.0, one.get("mean").asDouble(), EXACT);
        assertTrue(one.get("ci95").isNull());
    }

    // ---------------------------------------------------------------------------------------------
    // breakdown and trend

    @Test
    void breakdownByChannelReportsFeedbackWithoutAChannelUnderNone() throws Exception {
        String segment = segment();
        String at = "2026-11-06T10:00:00Z";
        awaitCategorized(List.of(
                send(feedback(segment, at).channel("web").scores(nps(10))),
                send(feedback(segment, at).channel("web").scores(nps(10))),
                send(feedback(segment, at).channel("web").scores(nps(5))),
                send(feedback(segment, at).channel("email").scores(nps(0))),
                send(feedback(segment, at).channel(null).scores(nps(8)))));

        JsonNode breakdown = get("/breakdown", "segment", segment, "by", "channel");
        assertEquals("channel", breakdown.get("by").asText());
        JsonNode groups = breakdown.get("groups");
        assertEquals(3, groups.size());
        // most responses first; email and (none) tie at 1, (none) goes last
        assertEquals("web", groups.get(0).get("value").asText());
        assertEquals(3, groups.get(0).at("/metrics/responses").asLong());
        // 10, 10, 5 → (2 − 1)/3 = 33.3
        assertNps(groups.get(0).at("/metrics/nps"), 3, 2, 0, 1, 33.3);
        // n' = 6, p' = 2.75/6, d' = 1.75/6, centre 1/6, SE = √((4.5/6 − (1/6)²)/6) = 0.346944, 1.96·SE = 0.680011
        // → [−51.3, 84.7]
        assertInterval(groups.get(0).at("/metrics/nps/ci95"), -51.3, 84.7);
        assertEquals("email", groups.get(1).get("value").asText());
        assertNps(groups.get(1).at("/metrics/nps"), 1, 0, 0, 1, -100.0);
        assertTrue(groups.get(2).get("value").isNull());
        assertEquals("(none)", groups.get(2).get("label").asText());
        assertNps(groups.get(2).at("/metrics/nps"), 1, 0, 1, 0, 0.0);
    }

    @Test
    void dailyTrendKeepsTheEmptyDayAndItsBoundariesFollowTheTimeZone() throws Exception {
        String segment = segment();
        awaitCategorized(List.of(
                send(feedback(segment, "2026-11-02T09:00:00Z").scores(nps(10))),   // Monday
                send(feedback(segment, "2026-11-02T23:30:00Z").scores(nps(0))),    // Monday in UTC, Tuesday in Moscow
                send(feedback(segment, "2026-11-04T12:00:00Z").scores(nps(9)))));  // Wednesday

        JsonNode utc = get("/trend", "segment", segment, "bucket", "day");
        assertEquals("UTC", utc.get("tz").asText());
        JsonNode points = utc.get("points");
        assertEquals(3, points.size(), "2, 3 (empty) and 4 November");
        assertPoint(points.get(0), "2026-11-02", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z", 2);
        assertEquals(0.0, points.get(0).at("/metrics/nps/score").asDouble(), EXACT);   // (1 − 1)/2
        assertPoint(points.get(1), "2026-11-03", "2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z", 0);
        assertTrue(points.get(1).at("/metrics/nps/score").isNull());
        assertEquals(0, points.get(1).at("/metrics/nps/responses").asLong());
        assertPoint(points.get(2), "2026-11-04", "2026-11-04T00:00:00Z", "2026-11-05T00:00:00Z", 1);
        assertEquals(100.0, points.get(2).at("/metrics/nps/score").asDouble(), EXACT);

        // Moscow days begin at 21:00Z the day before; 23:30Z on the 2nd is 02:30 on the 3rd there
        JsonNode moscow = get("/trend", "segment", segment, "bucket", "day", "tz", "Europe/Moscow").get("points");
        assertEquals(3, moscow.size());
        assertPoint(moscow.get(0), "2026-11-02", "2026-11-01T21:00:00Z", "2026-11-02T21:00:00Z", 1);
        assertPoint(moscow.get(1), "2026-11-03", "2026-11-02T21:00:00Z", "2026-11-03T21:00:00Z", 1);
        assertEquals(-100.0, moscow.get(1).at("/metrics/nps/score").asDouble(), EXACT);
        assertPoint(moscow.get(2), "2026-11-04", "2026-11-03T21:00:00Z", "2026-11-04T21:00:00Z", 1);

        // one ISO week, Monday 2 November to Monday 9 November: 10, 0, 9 → (2 − 1)/3 = 33.3
        JsonNode week = get("/trend", "segment", segment, "bucket", "week").get("points");
        assertEquals(1, week.size());
        assertPoint(week.get(0), "2026-11-02", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", 3);
        assertEquals(33.3, week.get(0).at("/metrics/nps/score").asDouble(), EXACT);

        // from/to widen the range: 1..5 November (to excluded) is five days, the first and the last empty
        JsonNode framed = get("/trend", "segment", segment, "from", "2026-11-01", "to", "2026-11-06").get("points");
        assertEquals(5, framed.size());
        assertEquals("2026-11-01", framed.get(0).get("bucket").asText());
        assertEquals(0, framed.get(0).at("/metrics/responses").asLong());
        assertEquals("2026-11-05", framed.get(4).get("bucket").asText());

        // split by channel: one series, over the same three days
        JsonNode series = get("/trend", "segment", segment, "by", "channel").get("series");
        assertEquals(1, series.size());
        assertEquals("web", series.get(0).get("value").asText());
        assertEquals(3, series.get(0).get("points").size());
        assertEquals(0, series.get(0).at("/points/1/metrics/responses").asLong());
    }

    @Test
    void monthlyTrendOverSixYearsIsFineButDailyIsTooLong() throws Exception {
        String segment = segment();
        // 2020-01 .. 2025-12: 72 months, all empty for a segment without feedback
        JsonNode months = get("/trend", "segment", segment, "bucket", "month", "from", "2020-01-01", "to", "2026-01-01");
        assertEquals(72, months.get("points").size());
        assertEquals("2020-01-01", months.at("/points/0/bucket").asText());
        assertEquals("2025-12-01", months.at("/points/71/bucket").asText());
        // the same range by day: 2192 days, more than 1000
        assertProblem("/trend", "bucket", "segment", segment, "bucket", "day", "from", "2020-01-01", "to", "2026-01-01");
    }

    // ---------------------------------------------------------------------------------------------
    // themes

    @Test
    void topThemesRankByTheNpsPointsTheirDetractorsCost() throws Exception {
        String segment = segment();
        String at = "2026-11-10T10:00:00Z";
        String a = send(feedback(segment, at).scores(nps(2)));
        String b = send(feedback(segment, at).scores(nps(5)));
        String c = send(feedback(segment, at).scores(nps(3)));
        String d = send(feedback(segment, at).scores(nps(10)));
        String e = send(feedback(segment, at).scores(nps(8)));
        String f = send(feedback(segment, at).scores(nps(0)));          // no theme
        String g = send(feedback(segment, at).scores(csat(4)));         // no theme, no NPS
        String h = send(feedback(segment, at).scores(nps(6)));
        awaitCategorized(List.of(a, b, c, d, e, f, g, h));
        setThemes(a, "delivery/late");
        setThemes(b, "delivery/late", "billing/refund");
        setThemes(c, "delivery/damaged");
        setThemes(d, "delivery/late");
        setThemes(e, "website/checkout");
        setThemes(h, "billing/refund");

        // slice: 8 feedback, 7 NPS answers: promoter d; passive e; detractors a, b, c, f, h → (1 − 5)/7 = −57.1
        JsonNode top = get("/themes", "segment", segment, "order", "npsImpact");
        assertEquals(8, top.get("responses").asLong());
        assertNps(top.get("nps"), 7, 1, 1, 5, -57.1);
        JsonNode themes = top.get("themes");
        assertEquals(4, themes.size());
        // delivery/late: a, b, d → 3 of 8 = 37.5 %; NPS (1 − 2)/3 = −33.3; impact 100 × 2/7 = 28.6
        assertTheme(themes.get(0), "delivery/late", 3, 37.5, 2, -33.3, 28.6);
        // billing/refund: b, h → 25 %; both detractors → −100; impact 28.6 (ties with delivery/late on
        // detractors, fewer feedback)
        assertTheme(themes.get(1), "billing/refund", 2, 25.0, 2, -100.0, 28.6);
        // delivery/damaged: c → 12.5 %, −100, impact 100/7 = 14.3
        assertTheme(themes.get(2), "delivery/damaged", 1, 12.5, 1, -100.0, 14.3);
        // website/checkout: e, a passive → 0, impact 0
        assertTheme(themes.get(3), "website/checkout", 1, 12.5, 0, 0.0, 0.0);

        JsonNode limited = get("/themes", "segment", segment, "order", "npsImpact", "limit", "2").get("themes");
        assertEquals(2, limited.size());
        assertEquals("billing/refund", limited.get(1).get("theme").asText());

        // by volume: 3, 2, then the two single ones with more detractors first
        JsonNode byVolume = get("/themes", "segment", segment).get("themes");
        assertEquals(List.of("delivery/late", "billing/refund", "delivery/damaged", "website/checkout"), names(byVolume));

        // groups: delivery = a, b, c, d (b once) → 4 of 8 = 50 %; NPS (1 − 3)/4 = −50; impact 300/7 = 42.9
        JsonNode groups = get("/themes", "segment", segment, "order", "npsImpact", "level", "group").get("themes");
        assertEquals(3, groups.size());
        assertTheme(groups.get(0), "delivery", 4, 50.0, 3, -50.0, 42.9);
        assertTheme(groups.get(1), "billing", 2, 25.0, 2, -100.0, 28.6);
        assertTheme(groups.get(2), "website", 1, 12.5, 0, 0.0, 0.0);

        // a theme filter matches the theme and what is below it, not a prefix of the word
        assertEquals(4, get("", "segment", segment, "theme", "delivery").at("/metrics/responses").asLong());
        assertEquals(3, get("", "segment", segment, "theme", "delivery/late").at("/metrics/responses").asLong());
        assertEquals(0, get("", "segment", segment, "theme", "deliv").at("/metrics/responses").asLong());
        // a, b, c, d: promoter d, detractors a, b, c → (1 − 3)/4 = −50
        assertNps(get("", "segment", segment, "theme", "delivery").at("/metrics/nps"), 4, 1, 0, 3, -50.0);

        // breakdown by theme group: delivery 4, then billing and (none) (f, g) tie at 2, then website 1
        JsonNode breakdown = get("/breakdown", "segment", segment, "by", "themeGroup").get("groups");
        assertEquals(4, breakdown.size());
        assertEquals("delivery", breakdown.get(0).get("value").asText());
        assertEquals(4, breakdown.get(0).at("/metrics/responses").asLong());
        assertEquals("billing", breakdown.get(1).get("value").asText());
        assertEquals("(none)", breakdown.get(2).get("label").asText());
        assertEquals(2, breakdown.get(2).at("/metrics/responses").asLong());
        assertEquals("website", breakdown.get(3).get("value").asText());
    }

    // ---------------------------------------------------------------------------------------------
    // invalid requests

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem("/breakdown", "by", "by", "colour");
        assertProblem("/breakdown", "by");
        assertProblem("/trend", "bucket", "bucket", "hour");
        assertProblem("/trend", "by", "by", "colour");
        assertProblem("/themes", "order", "order", "loudest");
        assertProblem("/themes", "level", "level", "root");
        assertProblem("/themes", "limit", "limit", "0");
        assertProblem("/themes", "limit", "limit", "101");
        assertProblem("/themes", "limit", "limit", "ten");
        assertProblem("", "from", "from", "yesterday");
        assertProblem("", "to", "to", "2026-13-01");
        assertProblem("", "to", "from", "2026-11-02", "to", "2026-11-01");
        assertProblem("", "to", "from", "2026-11-01T00:00:00Z", "to", "2026-11-01");
        assertProblem("/trend", "tz", "tz", "Mars/Olympus_Mons");
        assertProblem("/trend", "tz", "tz", "+03:00");
        assertProblem("", "segment", "segment", "s".repeat(101));

        // all the bad parameters at once
        JsonNode problem = problem("/themes", "order", "loudest", "limit", "0", "from", "soon");
        assertEquals(3, problem.get("violations").size());
        assertEquals(List.of("from", "order", "limit"),
                List.of(problem.at("/violations/0/field").asText(), problem.at("/violations/1/field").asText(),
                        problem.at("/violations/2/field").asText()));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        JsonNode openapi = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        for (String path : List.of("/api/v1/metrics", "/api/v1/metrics/breakdown", "/api/v1/metrics/trend",
                "/api/v1/metrics/themes")) {
            JsonNode get = openapi.at("/paths/" + path.replace("/", "~1") + "/get");
            assertEquals("Metrics", get.at("/tags/0").asText(), path);
            List<String> parameters = new ArrayList<>();
            get.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
            assertTrue(parameters.containsAll(List.of("from", "to", "channel", "touchpoint", "journeyStage", "segment",
                    "theme", "tz")), path + " documents the slice filters: " + parameters);
            assertTrue(get.has("responses") && get.get("responses").has("400"), path + " documents its 400");
        }
        assertTrue(openapi.at("/paths/~1api~1v1~1metrics~1themes/get/description").asText().contains("npsImpact"));
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private record Score(String metric, int value, int scaleMin, int scaleMax) {
    }

    private static Score nps(int value) {
        return new Score("nps", value, 0, 10);
    }

    private static Score csat(int value) {
        return new Score("csat", value, 1, 5);
    }

    private static Score ces(int value, int scaleMin, int scaleMax) {
        return new Score("ces", value, scaleMin, scaleMax);
    }

    /** A feedback as feedback-ingest announces it. */
    private static final class Feedback {
        final ObjectNode body = JSON.createObjectNode();

        Feedback scores(Score... scores) {
            ArrayNode array = body.putArray("scores");
            for (Score score : scores) {
                array.addObject().put("metric", score.metric()).put("value", score.value())
                        .put("scaleMin", score.scaleMin()).put("scaleMax", score.scaleMax());
                if (score.metric().equals("nps")) {
                    body.put("npsScore", score.value());
                }
            }
            return this;
        }

        Feedback channel(String channel) {
            body.put("channel", channel);
            return this;
        }

        Feedback text(String text) {
            body.put("text", text);
            return this;
        }
    }

    private static String segment() {
        return "metrics-" + UUID.randomUUID();
    }

    private static Feedback feedback(String segment, String respondedAt) {
        Feedback feedback = new Feedback();
        String id = UUID.randomUUID().toString();
        feedback.body.put("feedbackId", id);
        feedback.body.put("receivedAt", Instant.now().toString());
        feedback.body.put("respondedAt", respondedAt);
        feedback.body.put("channel", "web");
        feedback.body.putObject("customer").put("id", "c-" + id.substring(0, 8)).put("locale", "en")
                .put("segment", segment);
        feedback.body.putNull("text");
        feedback.body.putArray("scores");
        return feedback;
    }

    private static String send(Feedback feedback) {
        String id = feedback.body.get("feedbackId").asText();
        topics.publishEvent(RECEIVED, id, UUID.randomUUID().toString(), feedback.body.toString());
        return id;
    }

    /** Metrics read the database, so a feedback counts once its categorization can be read back. */
    private static void awaitCategorized(List<String> ids) throws InterruptedException {
        Instant deadline = Instant.now().plus(FeedbackEvents.PATIENCE);
        for (String id : ids) {
            while (asAnalyst().get("/api/v1/categorizations/" + id).statusCode() != 200) {
                if (Instant.now().isAfter(deadline)) {
                    fail("feedback " + id + " was not categorized within " + FeedbackEvents.PATIENCE);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void setThemes(String feedbackId, String... themes) {
        ObjectNode correction = JSON.createObjectNode();
        ArrayNode list = correction.putArray("themes");
        for (String theme : themes) {
            list.add(theme);
        }
        correction.put("correctedBy", "ops@example.com");
        asAnalyst().contentType(ContentType.JSON).body(correction.toString())
                .put("/api/v1/feedback/" + feedbackId + "/categorization").then().statusCode(200);
    }

    private static Map<String, String> parameters(String... nameAndValue) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            parameters.put(nameAndValue[i], nameAndValue[i + 1]);
        }
        return parameters;
    }

    private static JsonNode get(String path, String... nameAndValue) throws Exception {
        return JSON.readTree(asAnalyst().queryParams(parameters(nameAndValue)).get("/api/v1/metrics" + path)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());
    }

    private static JsonNode problem(String path, String... nameAndValue) {
        try {
            return JSON.readTree(asAnalyst().queryParams(parameters(nameAndValue)).get("/api/v1/metrics" + path)
                    .then().statusCode(400).contentType("application/problem+json").extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertProblem(String path, String field, String... nameAndValue) {
        JsonNode problem = problem(path, nameAndValue);
        assertEquals(field, problem.at("/violations/0/field").asText(), problem.toString());
    }

    private static void assertNps(JsonNode nps, long responses, long promoters, long passives, long detractors,
                                  double score) {
        assertEquals(responses, nps.get("responses").asLong(), "responses in " + nps);
        assertEquals(promoters, nps.get("promoters").asLong(), "promoters in " + nps);
        assertEquals(passives, nps.get("passives").asLong(), "passives in " + nps);
        assertEquals(detractors, nps.get("detractors").asLong(), "detractors in " + nps);
        assertEquals(score, nps.get("score").asDouble(), EXACT, "score in " + nps);
    }

    private static void assertInterval(JsonNode interval, double low, double high) {
        assertEquals(low, interval.get("low").asDouble(), EXACT, "low of " + interval);
        assertEquals(high, interval.get("high").asDouble(), EXACT, "high of " + interval);
    }

    private static void assertPoint(JsonNode point, String bucket, String start, String end, long responses) {
        assertEquals(bucket, point.get("bucket").asText());
        assertEquals(start, point.get("start").asText());
        assertEquals(end, point.get("end").asText());
        assertEquals(responses, point.at("/metrics/responses").asLong(), "responses of " + bucket);
    }

    private static void assertTheme(JsonNode theme, String name, long responses, double share, long detractors,
                                    double nps, double impact) {
        assertEquals(name, theme.get("theme").asText());
        assertEquals(responses, theme.get("responses").asLong(), name);
        assertEquals(share, theme.get("sharePercent").asDouble(), EXACT, name);
        assertEquals(detractors, theme.at("/nps/detractors").asLong(), name);
        assertEquals(nps, theme.at("/nps/score").asDouble(), EXACT, name);
        assertEquals(impact, theme.get("npsImpact").asDouble(), EXACT, name);
    }

    private static List<String> names(JsonNode themes) {
        List<String> names = new ArrayList<>();
        themes.forEach(t -> names.add(t.get("theme").asText()));
        return names;
    }
}
