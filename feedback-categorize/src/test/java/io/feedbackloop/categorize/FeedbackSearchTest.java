package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.FeedbackEvents.CATEGORIZED;
import static io.feedbackloop.categorize.FeedbackEvents.JSON;
import static io.feedbackloop.categorize.FeedbackEvents.RECEIVED;
import static io.feedbackloop.categorize.FeedbackEvents.awaitOne;
import static io.feedbackloop.categorize.FeedbackEvents.publish;
import static io.feedbackloop.categorize.FeedbackEvents.received;
import static io.feedbackloop.categorize.Requests.asAgent;
import static io.feedbackloop.categorize.Requests.asAnalyst;
import static io.feedbackloop.categorize.Requests.asLead;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The search of categorized feedback ({@code GET /api/v1/categorizations}) end to end: feedback
 * arrive as {@code feedback.received.v1}, are categorized into the database and found over REST.
 * Each test sends its feedback on channels of its own and filters by them, so tests never see each
 * other's feedback; the labels a filter tests are set by a correction, so they do not depend on
 * the lexicons.
 */
@QuarkusTest
class FeedbackSearchTest extends TopicsTestBase {

    private static final String SEARCH = "/api/v1/categorizations";
    private static final String TEAM = "team-parcels";

    // ---------------------------------------------------------------------------------------------
    // filters

    @Test
    void eachFilterNarrowsTheResult() throws Exception {
        String channel = channel();
        String other = channel();
        String f1 = send(feedback(channel, "2025-01-10T10:00:00Z", "Курьер опоздал, доставку ждали неделю", 2));
        String f2 = send(feedback(channel, "2025-01-11T10:00:00Z", "The deliveries were late and the courier was rude", 6));
        String f3 = send(feedback(channel, "2025-01-12T10:00:00Z", "Great prices and a friendly support team, thank you", 10));
        String f4 = send(feedback(channel, "2025-01-13T10:00:00Z", "Цены нормальные, ничего особенного", 8));
        ObjectNode german = feedback(channel, "2025-01-14T10:00:00Z", "Die Lieferung war sehr schnell und gut, danke", null);
        german.put("language", "de");
        String f6 = send(german);
        String f5 = send(feedback(other, "2025-01-12T10:00:00Z", "The delivery was late", 3));
        awaitCategorized(f1, f2, f3, f4, f5, f6);
        label(f1, "negative", "delivery/late");
        label(f2, "negative", "delivery/courier");
        label(f3, "positive", "support/attitude");
        label(f4, "neutral", "pricing/expensive");
        label(f5, "negative", "delivery/late");
        label(f6, "positive", "delivery/late");

        // the channel alone: newest first
        assertEquals(List.of(f6, f4, f3, f2, f1), ids(search("channel", channel)));
        assertEquals(List.of(f5), ids(search("channel", other)));

        // a group matches its leaves; a leaf only itself
        assertEquals(List.of(f6, f2, f1), ids(search("channel", channel, "theme", "delivery")));
        assertEquals(List.of(f6, f1), ids(search("channel", channel, "theme", "delivery/late")));
        assertEquals(List.of(f3), ids(search("channel", channel, "theme", "support")));
        assertEquals(List.of(), ids(search("channel", channel, "theme", "returns")));

        assertEquals(List.of(f2, f1), ids(search("channel", channel, "sentiment", "negative")));
        assertEquals(List.of(f6, f3), ids(search("channel", channel, "sentiment", "positive")));
        assertEquals(List.of(f4), ids(search("channel", channel, "sentiment", "neutral")));

        // the NPS class: f6 has no NPS answer and no class
        assertEquals(List.of(f2, f1), ids(search("channel", channel, "scoreClass", "detractor")));
        assertEquals(List.of(f4), ids(search("channel", channel, "scoreClass", "passive")));
        assertEquals(List.of(f3), ids(search("channel", channel, "scoreClass", "promoter")));

        assertEquals(List.of(f4, f1), ids(search("channel", channel, "language", "ru")));
        assertEquals(List.of(f3, f2), ids(search("channel", channel, "language", "en")));
        assertEquals(List.of(f6), ids(search("channel", channel, "language", "other")));

        // [from, to): a date is its start (UTC); an instant is exact, from included
        assertEquals(List.of(f4, f3), ids(search("channel", channel, "from", "2025-01-12", "to", "2025-01-14")));
        assertEquals(List.of(f6, f4, f3, f2), ids(search("channel", channel, "from", "2025-01-11T10:00:00Z")));
        assertEquals(List.of(f1), ids(search("channel", channel, "to", "2025-01-11T10:00:00Z")));
        assertEquals(List.of(f2, f1), ids(search("channel", channel, "to", "2025-01-11T13:00:01+03:00")));

        // words, stemmed in each feedback's language
        assertEquals(List.of(f1), ids(search("channel", channel, "q", "доставка")));
        assertEquals(List.of(f2), ids(search("channel", channel, "q", "delivery")));
        assertEquals(List.of(f5), ids(search("channel", other, "q", "delivery")));
        assertEquals(List.of(f6), ids(search("channel", channel, "q", "lieferung")));

        // filters together narrow further
        assertEquals(List.of(f2), ids(search("channel", channel, "language", "en", "sentiment", "negative")));
        assertEquals(List.of(f1), ids(search("channel", channel, "theme", "delivery", "scoreClass", "detractor",
                "language", "ru", "from", "2025-01-01", "to", "2025-02-01", "q", "курьер")));
        assertEquals(List.of(), ids(search("channel", channel, "theme", "support", "sentiment", "negative")));

        // an item as the console shows it: exactly these fields
        JsonNode item = search("channel", channel, "language", "ru", "scoreClass", "detractor").get("items").get(0);
        assertEquals(Set.of("feedbackId", "respondedAt", "channel", "touchpoint", "language", "text", "sentiment",
                "type", "themes", "npsScore", "npsClass", "urgency"), fieldNames(item), item.toString());
        assertEquals(f1, item.get("feedbackId").asText());
        assertEquals("2025-01-10T10:00:00Z", item.get("respondedAt").asText());
        assertEquals(channel, item.get("channel").asText());
        assertEquals("checkout", item.get("touchpoint").asText());
        assertEquals("ru", item.get("language").asText());
        assertEquals("Курьер опоздал, доставку ждали неделю", item.get("text").asText());
        assertEquals(Set.of("label", "confidence"), fieldNames(item.get("sentiment")));
        assertEquals("negative", item.at("/sentiment/label").asText());
        assertEquals(1.0, item.at("/sentiment/confidence").asDouble(), 1e-9, "a person's label is certain");
        assertTrue(Set.of("complaint", "problem", "idea", "question", "praise").contains(item.get("type").asText()),
                item.toString());
        assertEquals("[\"delivery/late\"]", item.get("themes").toString());
        assertEquals(2, item.get("npsScore").asInt());
        assertEquals("detractor", item.get("npsClass").asText());
        assertTrue(item.get("urgency").isArray(), item.toString());
        // without an NPS answer: null, not left out
        JsonNode unscored = search("channel", channel, "language", "other").get("items").get(0);
        assertTrue(unscored.get("npsScore").isNull() && unscored.get("npsClass").isNull(), unscored.toString());
    }

    @Test
    void aRussianQueryFindsTheInflectedFormsOfItsWords() throws Exception {
        String channel = channel();
        String accusative = send(feedback(channel, "2025-02-01T10:00:00Z", "Курьер привёз доставку на три дня позже", 3));
        String genitive = send(feedback(channel, "2025-02-02T10:00:00Z", "Никакой доставки не было вообще", 2));
        String instrumental = send(feedback(channel, "2025-02-03T10:00:00Z", "С доставкой всё отлично", 9));
        String unrelated = send(feedback(channel, "2025-02-04T10:00:00Z", "Оплата картой не проходит", 4));
        awaitCategorized(accusative, genitive, instrumental, unrelated);
        for (String id : List.of(accusative, genitive, instrumental, unrelated)) {
            assertEquals("ru", category(id).get("language").asText(), "read as Russian: " + id);
        }

        assertEquals(List.of(instrumental, genitive, accusative), ids(search("channel", channel, "q", "доставка")));
        assertEquals(List.of(instrumental, genitive, accusative), ids(search("channel", channel, "q", "ДОСТАВКОЙ")));
        // ё is е; every word must occur; -word leaves out; "..." is a phrase
        assertEquals(List.of(accusative), ids(search("channel", channel, "q", "привез доставка")));
        assertEquals(List.of(instrumental, genitive), ids(search("channel", channel, "q", "доставка -курьер")));
        assertEquals(List.of(accusative), ids(search("channel", channel, "q", "\"курьер привёз\"")));
        assertEquals(List.of(), ids(search("channel", channel, "q", "\"привёз курьер\"")));
        assertEquals(List.of(unrelated), ids(search("channel", channel, "q", "оплаты")));
        assertEquals(List.of(), ids(search("channel", channel, "q", "возврат")));
    }

    @Test
    void anEnglishQueryFindsTheInflectedFormsOfItsWords() throws Exception {
        String channel = channel();
        String plural = send(feedback(channel, "2025-03-01T10:00:00Z", "Both of the deliveries arrived broken", 2));
        String refunding = send(feedback(channel, "2025-03-02T10:00:00Z", "They keep refunding the wrong amount", 3));
        String refunds = send(feedback(channel, "2025-03-03T10:00:00Z", "Refunds take weeks and weeks", 4));
        awaitCategorized(plural, refunding, refunds);
        for (String id : List.of(plural, refunding, refunds)) {
            assertEquals("en", category(id).get("language").asText(), "read as English: " + id);
        }

        assertEquals(List.of(plural), ids(search("channel", channel, "q", "delivery")));
        assertEquals(List.of(refunds, refunding), ids(search("channel", channel, "q", "refund")));
        // "or" between alternatives, "-" leaves out: refund | (delivery & !broken)
        assertEquals(List.of(refunds, refunding), ids(search("channel", channel, "q", "refund or delivery -broken")));
        assertEquals(List.of(plural), ids(search("channel", channel, "q", "arrived deliveries")));
        // stop words alone find nothing (and are no error)
        assertEquals(List.of(), ids(search("channel", channel, "q", "the")));
    }

    // ---------------------------------------------------------------------------------------------
    // pages

    @Test
    void pagesFollowEachOtherWithoutOverlapOrGap() throws Exception {
        String channel = channel();
        String sameTime = "2025-04-02T10:00:00Z";
        List<String> sent = new ArrayList<>();
        sent.add(send(feedback(channel, "2025-04-01T10:00:00Z", "first", 9)));
        sent.add(send(feedback(channel, sameTime, "second", 9)));
        sent.add(send(feedback(channel, sameTime, "third", 9)));
        sent.add(send(feedback(channel, sameTime, "fourth", 9)));
        sent.add(send(feedback(channel, "2025-04-03T10:00:00Z", "fifth", 9)));
        awaitCategorized(sent.toArray(String[]::new));
        List<String> all = ids(search("channel", channel, "limit", "200"));
        assertEquals(5, all.size());
        assertEquals(sent.get(4), all.get(0), "newest first");
        assertEquals(sent.get(0), all.get(4), "oldest last");
        // three at the same time, in descending id order (PostgreSQL orders UUIDs byte by byte, as their
        // hex text sorts; java.util.UUID compares signed halves and would not)
        List<String> tied = new ArrayList<>(all.subList(1, 4));
        List<String> sorted = new ArrayList<>(tied);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, tied);

        JsonNode first = search("channel", channel, "limit", "2");
        assertEquals(all.subList(0, 2), ids(first));
        String next = first.get("next").asText();
        assertNotNull(next);
        // a newer feedback arriving between two pages moves nothing of the next page
        String newer = send(feedback(channel, "2025-04-04T10:00:00Z", "sixth", 9));
        awaitCategorized(newer);
        JsonNode second = search("channel", channel, "limit", "2", "cursor", next);
        assertEquals(all.subList(2, 4), ids(second), "the tie is split across the pages without loss");
        JsonNode third = search("channel", channel, "limit", "2", "cursor", second.get("next").asText());
        assertEquals(all.subList(4, 5), ids(third));
        assertTrue(third.get("next").isNull(), "the last page has next: null, not left out: " + third);

        Set<String> seen = new HashSet<>();
        for (JsonNode page : List.of(first, second, third)) {
            for (String id : ids(page)) {
                assertTrue(seen.add(id), "twice: " + id);
            }
        }
        assertEquals(Set.copyOf(all), seen);
        assertEquals(List.of(newer), ids(search("channel", channel, "limit", "1")), "the first page shows it");

        // the default page is 50
        assertTrue(search("channel", channel).get("next").isNull());
    }

    // ---------------------------------------------------------------------------------------------
    // bad values, roles, hostile text

    @Test
    void badValuesAreProblemsNamingTheirParameter() throws Exception {
        assertProblem("sentiment", "sentiment", "furious");
        assertProblem("scoreClass", "scoreClass", "good");
        assertProblem("language", "language", "de");
        assertProblem("limit", "limit", "0");
        assertProblem("limit", "limit", "201");
        assertProblem("limit", "limit", "fifty");
        assertProblem("from", "from", "yesterday");
        assertProblem("to", "from", "2025-02-01", "to", "2025-01-01");
        assertProblem("cursor", "cursor", "not-a-cursor");
        assertProblem("theme", "theme", "Delivery/Late!");
        assertProblem("q", "q", "x".repeat(501));
        assertProblem("channel", "channel", "c".repeat(101));

        // every bad parameter at once
        JsonNode problem = JSON.readTree(asAnalyst().queryParams(parameters("sentiment", "angry", "limit", "-1",
                        "language", "xx")).get(SEARCH)
                .then().statusCode(400).contentType("application/problem+json").extract().asString());
        Set<String> fields = new HashSet<>();
        problem.get("violations").forEach(v -> fields.add(v.get("field").asText()));
        assertEquals(Set.of("sentiment", "limit", "language"), fields, problem.toString());
    }

    @Test
    void analystsLeadsAndAdminsSearchButAgentsDoNot() throws Exception {
        String channel = channel();
        String id = send(feedback(channel, "2025-05-01T10:00:00Z", "The parcel never came", 1));
        awaitCategorized(id);
        asAgent(TEAM).queryParam("channel", channel).get(SEARCH).then().statusCode(403)
                .contentType("application/problem+json");
        for (RequestSpecification caller : List.of(asLead(TEAM), asAnalyst(), Requests.asAdmin())) {
            assertEquals(List.of(id), ids(JSON.readTree(caller.queryParam("channel", channel).get(SEARCH)
                    .then().statusCode(200).extract().asString())));
        }
        given().queryParam("channel", channel).get(SEARCH).then().statusCode(401);
    }

    @Test
    void hostileTextComesBackVerbatim() throws Exception {
        String channel = channel();
        String script = "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> & \"quoted\" \\ back";
        String bidi = "Refund \u202Egnp.exe\u202C please \u2066isolated\u2069 \uD83D\uDE21";
        String longWord = "a".repeat(5000);
        String scriptId = send(feedback(channel, "2025-06-01T10:00:00Z", script, 5));
        String bidiId = send(feedback(channel, "2025-06-02T10:00:00Z", bidi, 5));
        String longId = send(feedback(channel, "2025-06-03T10:00:00Z", longWord, 5));
        awaitCategorized(scriptId, bidiId, longId);

        String body = asAnalyst().queryParam("channel", channel).get(SEARCH)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        Map<String, String> texts = new LinkedHashMap<>();
        JSON.readTree(body).get("items").forEach(i -> texts.put(i.get("feedbackId").asText(), i.get("text").asText()));
        assertEquals(Map.of(scriptId, script, bidiId, bidi, longId, longWord), texts);
        assertEquals(5000, texts.get(longId).length());
        // searching for them is no error either (a word longer than 2,047 characters is not indexed)
        assertEquals(List.of(bidiId), ids(search("channel", channel, "q", "refund")));
        search("channel", channel, "q", "<script> alert");
        search("channel", channel, "q", "\u202E \"unclosed ( -- or : & | ! <-> '");
        // the agent reading one categorization sees the same words
        assertEquals(bidi, JSON.readTree(asAgent(TEAM).get("/api/v1/feedback/" + bidiId + "/categorization")
                .then().statusCode(200).extract().asString()).get("text").asText());
    }

    // ---------------------------------------------------------------------------------------------

    /** A channel of the test's own (the column holds 30 characters). */
    private static String channel() {
        return "srch-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A feedback declared in Russian when its text is Cyrillic, else in English (the text decides when it can). */
    private static ObjectNode feedback(String channel, String respondedAt, String text, Integer nps) {
        String id = UUID.randomUUID().toString();
        ObjectNode body = nps == null ? received(id, text) : received(id, text, "nps", nps);
        body.put("channel", channel);
        body.put("respondedAt", respondedAt);
        body.put("touchpoint", "checkout");
        body.put("language", text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)
                ? "ru" : "en");
        return body;
    }

    private static String send(ObjectNode feedback) {
        String id = feedback.get("feedbackId").asText();
        publish(topics, RECEIVED, id, feedback);
        return id;
    }

    private static void awaitCategorized(String... ids) throws Exception {
        for (String id : ids) {
            awaitOne(topics, CATEGORIZED, id);
        }
    }

    /** Sets the sentiment and themes as a person would, so that filters do not depend on the lexicons. */
    private static void label(String id, String sentiment, String theme) {
        asAnalyst().contentType(ContentType.JSON)
                .body("{\"sentiment\": \"" + sentiment + "\", \"themes\": [\"" + theme + "\"]}")
                .put("/api/v1/feedback/" + id + "/categorization").then().statusCode(200);
    }

    private static JsonNode category(String id) throws Exception {
        return JSON.readTree(asAnalyst().get("/api/v1/feedback/" + id + "/categorization")
                .then().statusCode(200).extract().asString());
    }

    private static Map<String, String> parameters(String... nameAndValue) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            parameters.put(nameAndValue[i], nameAndValue[i + 1]);
        }
        return parameters;
    }

    private static JsonNode search(String... nameAndValue) throws Exception {
        return JSON.readTree(asAnalyst().queryParams(parameters(nameAndValue)).get(SEARCH)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());
    }

    private static void assertProblem(String field, String... nameAndValue) throws Exception {
        JsonNode problem = JSON.readTree(asAnalyst().queryParams(parameters(nameAndValue)).get(SEARCH)
                .then().statusCode(400).contentType("application/problem+json").extract().asString());
        assertEquals(1, problem.get("violations").size(), problem.toString());
        assertEquals(field, problem.at("/violations/0/field").asText(), problem.toString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("feedbackId").asText()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
