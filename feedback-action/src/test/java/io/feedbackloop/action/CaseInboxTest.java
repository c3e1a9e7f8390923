package io.feedbackloop.action;

import static io.feedbackloop.action.CaseFixtures.asAdmin;
import static io.feedbackloop.action.CaseFixtures.member;
import static io.feedbackloop.action.CategorizedEvents.feedback;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.feedbackloop.action.CaseFixtures.Member;
import io.feedbackloop.kit.listing.KeysetCursor;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent's inbox as the web console shows it: each case with the customer's first words, the
 * sentiment and the language; narrowed by channel; sorted by deadline, by opening or by priority,
 * page after page; and the team's members to assign to.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class CaseInboxTest {

    /** Runs of every kind of whitespace, an emoji (two UTF-16 units, one code point); 153 code points once collapsed. */
    static final String LONG_TEXT = "\n  \uD83D\uDCE6\u00A0Parcel" + " is \t late\r\n again".repeat(9)
            + "  and\u2003nobody answers  ";
    /** Cut at the last space before 140 code points: 138 of them, then the ellipsis. */
    static final String LONG_EXCERPT = "\uD83D\uDCE6 Parcel" + " is late again".repeat(9) + " and\u2026";
    /** Markup, quotes, an ampersand and a right-to-left override: the customer's, returned as written. */
    static final String HOSTILE_TEXT = "<script>alert('x')</script> \u202Egnp.exe & \"quoted\" <b>bold</b>";

    private static TopicProbe topics;
    private static Inbox inbox;

    /**
     * Four cases routed to a team of their own, opened in this order: {@code normal} (email, 24 h to
     * the first response), {@code critical} (chat; answered, so its next deadline is the resolution
     * in 8 h), {@code high} (chat, 4 h) and {@code closed} (web, normal priority, no deadline left).
     * By deadline: high, critical, normal, closed; newest first: closed, high, critical, normal; by
     * priority: critical, high, normal, closed.
     */
    record Inbox(String team, Member agent, String normal, String critical, String high, String closed) {

        List<String> byDeadline() {
            return List.of(high, critical, normal, closed);
        }

        List<String> newestFirst() {
            return List.of(closed, high, critical, normal);
        }

        List<String> byPriority() {
            return List.of(critical, high, normal, closed);
        }
    }

    @BeforeAll
    static void setUp() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), CaseFixtures.OPENED);
    }

    @AfterAll
    static void tearDown() {
        topics.close();
    }

    private static synchronized Inbox inbox() {
        if (inbox != null) {
            return inbox;
        }
        String theme = "inbox-" + UniqueWords.letters(10);
        String team = "inbox-" + UniqueWords.letters(8);
        CaseFixtures.ensureTeam(team);
        asAdmin().body("""
                {"name":"%s","position":1,"conditions":{"themes":["%s"]},"teamId":"%s"}""".formatted(theme, theme, team))
                .post("/api/v1/routing-rules").then().statusCode(201);
        Member agent = member(team, "agent");

        String normal = open(feedback().nps(3).priority("normal").channel("email").language("en").sentiment("negative")
                .text(LONG_TEXT).themes(theme), team);
        String critical = open(feedback().nps(1).priority("critical").channel("chat").language("ru")
                .sentiment("neutral").text(HOSTILE_TEXT).themes(theme), team);
        String high = open(feedback().nps(2).priority("high").channel("chat").language("other").sentiment("positive")
                .text("  Where\u00A0is\n\nmy   refund?  ").themes(theme), team);
        String closed = open(feedback().nps(4).priority("normal").channel("web").language("en").sentiment("negative")
                .text(null).themes(theme), team);

        agent.as().body("{\"visibility\":\"customer\",\"text\":\"We are on it.\"}")
                .post("/api/v1/cases/" + critical + "/comments").then().statusCode(201);
        agent.as().body("""
                {"resolutionCode":"explained","rootCause":"no text","resolutionText":"We called you back."}""")
                .post("/api/v1/cases/" + closed + "/close").then().statusCode(200);
        inbox = new Inbox(team, agent, normal, critical, high, closed);
        return inbox;
    }

    /** Publishes the categorized feedback and waits for its case in the team: the case id. */
    private static String open(CategorizedEvents feedback, String team) {
        feedback.publish(topics);
        var opened = OpsApi.opened(topics, feedback.id());
        assertEquals(team, opened.get("ownerTeam").asText(), "routed to the inbox's team");
        return opened.get("caseId").asText();
    }

    private static RequestSpecification list(Member member, Map<String, ?> params) {
        return member.as().queryParams(params);
    }

    /** Every page of the team's cases in a sort, {@code limit} at a time: the ids in order, and how many pages. */
    private static List<List<String>> pages(Inbox in, String sort, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> params = new HashMap<>(Map.of("team", in.team(), "limit", limit));
            if (sort != null) {
                params.put("sort", sort);
            }
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonPath page = list(in.agent(), params).get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
            pages.add(page.getList("items.id", String.class));
            cursor = page.getString("next");
        } while (cursor != null && pages.size() < 10);
        return pages;
    }

    @Test
    void eachCaseShowsTheCustomersFirstWordsSentimentAndLanguageAsRawText() {
        Inbox in = inbox();
        JsonPath page = list(in.agent(), Map.of("team", in.team())).get("/api/v1/cases").then().statusCode(200)
                .body("items", hasSize(4)).extract().jsonPath();
        String normal = "items.find { it.id == '" + in.normal() + "' }";
        String critical = "items.find { it.id == '" + in.critical() + "' }";
        String high = "items.find { it.id == '" + in.high() + "' }";
        String closed = "items.find { it.id == '" + in.closed() + "' }";

        // whitespace collapsed, cut at a word boundary before 140 code points, the emoji whole
        String excerpt = page.getString(normal + ".excerpt");
        assertEquals(LONG_EXCERPT, excerpt);
        assertTrue(excerpt.codePointCount(0, excerpt.length()) <= 141, excerpt);
        assertEquals("negative", page.getString(normal + ".sentiment"));
        assertEquals("en", page.getString(normal + ".language"));
        // short text: only its whitespace changes, nothing is cut
        assertEquals("Where is my refund?", page.getString(high + ".excerpt"));
        assertEquals("positive", page.getString(high + ".sentiment"));
        assertEquals("other", page.getString(high + ".language"));
        // markup and direction characters come back as the customer wrote them, neither escaped nor stripped
        assertEquals(HOSTILE_TEXT, page.getString(critical + ".excerpt"));
        assertEquals("neutral", page.getString(critical + ".sentiment"));
        assertEquals("ru", page.getString(critical + ".language"));
        // no text, no excerpt
        assertNull(page.getString(closed + ".excerpt"));
        assertTrue(page.getMap(closed).containsKey("excerpt"), "the field is there, null");
        // the fields the list had keep their values
        assertEquals("critical", page.getString(critical + ".priority"));
        assertEquals("chat", page.getString(critical + ".channel"));
        assertEquals(in.team(), page.getString(critical + ".ownerTeam"));
        assertNotNull(page.getString(critical + ".nextDueAt"));
        assertNull(page.getString(closed + ".nextDueAt"));

        String raw = list(in.agent(), Map.of("team", in.team(), "channel", "chat")).get("/api/v1/cases").then()
                .statusCode(200).contentType("application/json").extract().asString();
        assertFalse(raw.contains("&lt;") || raw.contains("&amp;") || raw.contains("&quot;") || raw.contains("&#"),
                "no HTML escaping in the API (the client escapes where it shows the text): " + raw);
        assertEquals(List.of(HOSTILE_TEXT), JsonPath.from(raw).getList("items.findAll { it.id == '" + in.critical()
                + "' }.excerpt", String.class));
        in.agent().as().get("/api/v1/cases/" + in.critical()).then().statusCode(200)
                .body("feedback.text", equalTo(HOSTILE_TEXT));
    }

    @Test
    void listsAreNarrowedByOneOrSeveralChannels() {
        Inbox in = inbox();
        list(in.agent(), Map.of("team", in.team(), "channel", "chat")).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", contains(in.high(), in.critical())).body("items.channel", contains("chat", "chat"));
        // repeated or comma-separated, like status
        in.agent().as().queryParam("team", in.team()).queryParam("channel", "email").queryParam("channel", "web")
                .get("/api/v1/cases").then().statusCode(200).body("items.id", contains(in.normal(), in.closed()));
        list(in.agent(), Map.of("team", in.team(), "channel", "web,email")).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", contains(in.normal(), in.closed()));
        list(in.agent(), Map.of("team", in.team(), "channel", "chat, email,web", "sort", "priority"))
                .get("/api/v1/cases").then().statusCode(200).body("items.id", contains(in.byPriority().toArray()));
        list(in.agent(), Map.of("team", in.team(), "channel", "sms")).get("/api/v1/cases").then().statusCode(200)
                .body("items", hasSize(0));

        list(in.agent(), Map.of("channel", "chat,fax")).get("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("channel"));
        list(in.agent(), Map.of("channel", "fax", "sort", "newest", "status", "done")).get("/api/v1/cases").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("channel", "sort", "status"));
    }

    @Test
    void eachSortPagesThroughEveryCaseOnceInItsOrder() {
        Inbox in = inbox();
        assertEquals(List.of(in.byDeadline().subList(0, 2), in.byDeadline().subList(2, 4)), pages(in, null, 2),
                "by default the earliest deadline first, closed last");
        assertEquals(List.of(in.byDeadline().subList(0, 2), in.byDeadline().subList(2, 4)), pages(in, "due", 2));
        assertEquals(List.of(in.newestFirst().subList(0, 2), in.newestFirst().subList(2, 4)), pages(in, "opened", 2));
        assertEquals(List.of(in.byPriority().subList(0, 2), in.byPriority().subList(2, 4)), pages(in, "priority", 2));
        // page boundaries inside a priority and between priorities
        assertEquals(List.of(List.of(in.critical()), List.of(in.high()), List.of(in.normal()), List.of(in.closed())),
                pages(in, "priority", 1));
        assertEquals(List.of(in.newestFirst().subList(0, 3), in.newestFirst().subList(3, 4)), pages(in, "opened", 3));

        // the sort keys as the list shows them agree with the order
        JsonPath opened = list(in.agent(), Map.of("team", in.team(), "sort", "opened")).get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath();
        List<Instant> openedAt = opened.getList("items.openedAt", String.class).stream().map(Instant::parse).toList();
        for (int i = 1; i < openedAt.size(); i++) {
            assertTrue(openedAt.get(i).isBefore(openedAt.get(i - 1)), "newest first: " + openedAt);
        }
        list(in.agent(), Map.of("team", in.team(), "sort", "priority")).get("/api/v1/cases").then().statusCode(200)
                .body("items.priority", contains("critical", "high", "normal", "normal"));
    }

    @Test
    void aCursorIsOnlyGoodForTheSortItWasMadeFor() {
        Inbox in = inbox();
        String due = list(in.agent(), Map.of("team", in.team(), "limit", 1)).get("/api/v1/cases").then()
                .statusCode(200).body("next", notNullValue()).extract().path("next");
        String priority = list(in.agent(), Map.of("team", in.team(), "limit", 1, "sort", "priority"))
                .get("/api/v1/cases").then().statusCode(200).extract().path("next");
        String opened = list(in.agent(), Map.of("team", in.team(), "limit", 1, "sort", "opened"))
                .get("/api/v1/cases").then().statusCode(200).extract().path("next");

        // the default sort is due: its cursor works with sort=due and back
        list(in.agent(), Map.of("team", in.team(), "sort", "due", "cursor", due)).get("/api/v1/cases").then()
                .statusCode(200).body("items.id", contains(in.byDeadline().subList(1, 4).toArray()));
        for (List<String> mismatch : List.of(List.of("opened", due), List.of("priority", due), List.of("due", priority),
                List.of("opened", priority), List.of("priority", opened))) {
            list(in.agent(), Map.of("team", in.team(), "sort", mismatch.get(0), "cursor", mismatch.get(1)))
                    .get("/api/v1/cases").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("cursor"));
        }
        list(in.agent(), Map.of("team", in.team(), "cursor", opened)).get("/api/v1/cases").then().statusCode(400)
                .body("violations.field", contains("cursor"))
                .body("violations[0].message", equalTo("was made for sort=opened, not sort=due: list again without a "
                        + "cursor, or with sort=opened"));

        // a changed character is no cursor at all
        char last = priority.charAt(priority.length() - 1);
        String edited = priority.substring(0, priority.length() - 1) + (last == 'A' ? 'B' : 'A');
        list(in.agent(), Map.of("team", in.team(), "sort", "priority", "cursor", edited)).get("/api/v1/cases").then()
                .statusCode(400).body("violations.field", contains("cursor"));
        list(in.agent(), Map.of("sort", "newest")).get("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("sort"));
    }

    @Test
    void aCursorWrittenBeforeSortsExistedStillContinuesTheDeadlineOrder() {
        Inbox in = inbox();
        String high = in.agent().as().get("/api/v1/cases/" + in.high()).then().statusCode(200).extract()
                .path("firstResponseDueAt");
        String before = new KeysetCursor(Instant.parse(high), UUID.fromString(in.high())).encode();
        list(in.agent(), Map.of("team", in.team(), "cursor", before)).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", contains(in.byDeadline().subList(1, 4).toArray()));
        list(in.agent(), Map.of("team", in.team(), "cursor", before, "sort", "opened")).get("/api/v1/cases").then()
                .statusCode(400).body("violations.field", contains("cursor"));
    }

    @Test
    void anAgentListsItsOwnTeamsMembersToAssignAndNoOtherTeams() {
        Inbox in = inbox();
        Member lead = member(in.team(), "lead");
        Member stranger = member("elsewhere-" + UniqueWords.letters(8), "agent");

        in.agent().as().get("/api/v1/teams/" + in.team() + "/members").then().statusCode(200)
                .body("email", hasItems(in.agent().email(), lead.email()))
                .body("find { it.email == '" + lead.email() + "' }.role", equalTo("lead"))
                .body("find { it.email == '" + lead.email() + "' }.active", equalTo(true))
                .body("find { it.email == '" + lead.email() + "' }.teamId", equalTo(in.team()));
        // the picked member is one the case can be assigned to
        in.agent().as().body("{\"assignee\":\"" + lead.email() + "\"}").put("/api/v1/cases/" + in.normal() + "/assignee")
                .then().statusCode(200).body("assignee", equalTo(lead.email()));
        // another team's people are not shown, as the teams' other member operations refuse another team
        in.agent().as().get("/api/v1/teams/" + stranger.team() + "/members").then().statusCode(403)
                .contentType("application/problem+json");
        stranger.as().get("/api/v1/teams/" + in.team() + "/members").then().statusCode(403);
    }
}
