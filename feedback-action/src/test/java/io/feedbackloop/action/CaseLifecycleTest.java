package io.feedbackloop.action;

import static io.feedbackloop.action.CaseFixtures.RESOLVED;
import static io.feedbackloop.action.CaseFixtures.UPDATED;
import static io.feedbackloop.action.CaseFixtures.member;
import static io.feedbackloop.action.CaseFixtures.openCase;
import static io.feedbackloop.action.CaseFixtures.read;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.action.CaseFixtures.Member;
import io.feedbackloop.action.CaseFixtures.OpenedCase;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The life of a case as ops work it over REST, and what the rest of the loop sees of it on Kafka:
 * every change is one audit entry and one action.updated.v1, internal notes never leave the service,
 * replies and resolutions do.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class CaseLifecycleTest {

    /** Changes this API makes; the service may add others of its own (an SLA escalation) to the same trail. */
    private static final Set<String> API_CHANGES = Set.of("assigned", "commented", "replied", "status-changed",
            "closed", "reopened");

    private static TopicProbe topics;
    private static String team;
    private static Member maria;
    private static Member ivan;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void setUp() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), CaseFixtures.OPENED, UPDATED, RESOLVED);
    }

    @AfterAll
    static void tearDown() {
        topics.close();
    }

    /** Agents of the team that owns new detractor cases (found from the first case, not assumed). */
    private OpenedCase newCase(int score, String text) {
        OpenedCase opened = openCase(topics, score, text, List.of());
        if (team == null || !team.equals(opened.ownerTeam())) {
            team = opened.ownerTeam();
            maria = member(team, "agent");
            ivan = member(team, "agent");
        }
        return opened;
    }

    private static String url(OpenedCase c, String suffix) {
        return "/api/v1/cases/" + c.caseId() + suffix;
    }

    private static List<ConsumerRecord<String, String>> updates(OpenedCase c, int atLeast) {
        return topics.await(UPDATED, r -> c.feedbackId().equals(r.key()), atLeast, Duration.ofSeconds(60));
    }

    @Test
    void aCaseIsWorkedFromAssignmentToResolutionAndReopenedWithOneAuditEntryAndOneEventPerChange() {
        OpenedCase c = newCase(2, "The courier never came");
        String note = "internal-" + UUID.randomUUID() + ": customer is on the VIP list, courier firm blamed";
        String reply = "Dear Olga, we are sorry: the courier lost your address. A new one comes tomorrow. " + UUID.randomUUID();
        String firstResolution = "Your parcel was re-sent and arrived on Tuesday. " + UUID.randomUUID();
        String secondResolution = "We refunded the delivery fee as well. " + UUID.randomUUID();

        JsonPath opened = maria.as().get(url(c, "")).then().statusCode(200).extract().jsonPath();
        assertEquals("open", opened.getString("status"));
        assertEquals("The courier never came", opened.getString("feedback.text"));
        assertEquals(2, opened.getInt("feedback.npsScore"));
        assertEquals("negative", opened.getString("feedback.sentiment"));
        assertEquals("complaint", opened.getString("feedback.type"));
        assertEquals("en", opened.getString("feedback.language"));
        assertTrue(opened.getString("customer.id").startsWith("c-"), "the customer's reference");
        assertEquals("en", opened.getString("customer.locale"));
        assertEquals(Set.of("id", "locale", "segment"), opened.getMap("customer").keySet(), "no contact data");
        assertNotNull(opened.getString("reason"), "the rule that opened it");
        assertNull(opened.get("assignee"));
        assertEquals("pending", opened.getString("firstResponseSla"));
        assertTrue(opened.getLong("firstResponseDueIn") > 0);
        assertNotNull(opened.getString("resolutionDueAt"), "a resolution deadline from the SLA policy");
        Duration resolutionTime = Duration.between(Instant.parse(opened.getString("openedAt")),
                Instant.parse(opened.getString("resolutionDueAt")));

        // assign: an agent takes the case
        maria.as().body("{\"assignee\":\"" + maria.email() + "\"}").put(url(c, "/assignee"))
                .then().statusCode(200).body("assignee", equalTo(maria.email()));
        // an internal note
        maria.as().body("{\"visibility\":\"internal\",\"text\":\"" + note + "\"}").post(url(c, "/comments"))
                .then().statusCode(201)
                .body("comments", hasSize(1))
                .body("comments[0].visibility", equalTo("internal"))
                .body("comments[0].text", equalTo(note))
                .body("comments[0].author", equalTo(maria.email()))
                .body("firstResponseAt", nullValue());
        // a reply to the customer: the first response
        maria.as().body("{\"visibility\":\"customer\",\"text\":\"" + reply + "\"}").post(url(c, "/comments"))
                .then().statusCode(201)
                .body("comments", hasSize(2))
                .body("comments[1].visibility", equalTo("customer"))
                .body("firstResponseAt", notNullValue())
                .body("firstResponseDueIn", nullValue())
                .body("firstResponseSla", equalTo("met"));
        maria.as().body("{\"status\":\"in_progress\"}").put(url(c, "/status"))
                .then().statusCode(200).body("status", equalTo("in_progress"));
        ivan.as().body("{\"status\":\"waiting_customer\"}").put(url(c, "/status"))
                .then().statusCode(200).body("status", equalTo("waiting_customer"));
        maria.as().body("""
                {"resolutionCode":"replaced","rootCause":"courier app lost the address","resolutionText":"%s"}"""
                .formatted(firstResolution)).post(url(c, "/close"))
                .then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("resolutionCode", equalTo("replaced"))
                .body("rootCause", equalTo("courier app lost the address"))
                .body("resolutionText", equalTo(firstResolution))
                .body("resolvedAt", notNullValue())
                .body("closedAt", notNullValue())
                .body("resolutionDueIn", nullValue())
                .body("resolutionSla", equalTo("met"));
        Instant beforeReopen = clock.instant();
        JsonPath reopened = ivan.as().body("{\"reason\":\"customer says the new parcel is damaged\"}")
                .post(url(c, "/reopen")).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("reopenCount", equalTo(1))
                .body("closedAt", nullValue())
                .body("resolvedAt", nullValue())
                .body("resolutionCode", nullValue())
                .body("resolutionSla", equalTo("pending"))
                .body("assignee", equalTo(maria.email()))
                .extract().jsonPath();
        // a fresh resolution deadline, as long as the original one, from the moment of reopening
        Instant newDue = Instant.parse(reopened.getString("resolutionDueAt"));
        assertFalse(newDue.isBefore(beforeReopen.plus(resolutionTime).minusSeconds(1)), newDue + " too early");
        assertTrue(newDue.isBefore(clock.instant().plus(resolutionTime).plusSeconds(1)), newDue + " too late");
        maria.as().body("""
                {"resolutionCode":"refunded","rootCause":"parcel damaged in transit","resolutionText":"%s"}"""
                .formatted(secondResolution)).post(url(c, "/close"))
                .then().statusCode(200).body("status", equalTo("closed")).body("resolutionCode", equalTo("refunded"));

        // the audit trail: every change, in order, with who and what
        List<String> expected = List.of("assigned", "commented", "replied", "status-changed", "status-changed",
                "closed", "reopened", "closed");
        JsonPath audit = maria.as().get(url(c, "/audit")).then().statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("action");
        assertEquals(expected, actions.stream().filter(API_CHANGES::contains).toList());
        List<String> actors = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            if (API_CHANGES.contains(actions.get(i))) {
                actors.add(audit.getString("[" + i + "].actor"));
            }
            times.add(Instant.parse(audit.getString("[" + i + "].at")));
        }
        assertEquals(List.of(maria.email(), maria.email(), maria.email(), maria.email(), ivan.email(), maria.email(),
                ivan.email(), maria.email()), actors);
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isBefore(times.get(i - 1)), "audit in order");
        }
        int firstStatus = actions.indexOf("status-changed");
        assertEquals("open", audit.getString("[" + firstStatus + "].details.from"));
        assertEquals("in_progress", audit.getString("[" + firstStatus + "].details.to"));
        int reopen = actions.indexOf("reopened");
        assertEquals("customer says the new parcel is damaged", audit.getString("[" + reopen + "].details.reason"));
        assertEquals("replaced", audit.getString("[" + reopen + "].details.previousResolutionCode"));

        // exactly one action.updated.v1 per audit entry, in the same order
        List<ConsumerRecord<String, String>> events = updates(c, actions.size());
        events = topics.settle(UPDATED, r -> c.feedbackId().equals(r.key()), Duration.ofSeconds(1));
        assertEquals(actions, events.stream().map(r -> read(r.value()).get("change").asText()).toList());
        for (ConsumerRecord<String, String> record : events) {
            assertEquals("feedbackloop.action.updated.v1", TopicProbe.header(record, "ce_type"));
            assertEquals(c.feedbackId(), TopicProbe.header(record, "ce_subject"));
            assertFalse(record.value().contains(note.substring(0, 45)), "an internal note never reaches Kafka");
        }
        JsonNode commented = event(events, "commented");
        assertEquals("internal", commented.at("/details/visibility").asText());
        assertEquals(note.length(), commented.at("/details/length").asInt());
        assertTrue(commented.at("/details/commentId").isTextual());
        assertTrue(commented.get("customerReply").isNull());
        JsonNode replied = event(events, "replied");
        assertEquals(reply, replied.get("customerReply").asText());
        // the notifier finds how to reach the customer by the feedback id; no contact data here
        assertEquals(c.feedbackId(), replied.get("feedbackId").asText());
        assertTrue(replied.at("/customer/id").asText().startsWith("c-"));
        assertFalse(replied.get("customer").has("email") || replied.get("customer").has("phone")
                || replied.get("customer").has("name"), replied.toString());
        assertTrue(replied.at("/details/firstResponse").asBoolean());
        assertEquals(maria.email(), replied.get("assignee").asText());
        JsonNode assigned = event(events, "assigned");
        assertEquals(maria.email(), assigned.at("/details/to").asText());
        assertEquals(maria.email(), assigned.get("actor").asText());
        JsonNode lastEvent = read(events.get(events.size() - 1).value());
        assertEquals("closed", lastEvent.get("status").asText());

        // action.resolved.v1 once per closing, with what the customer is to be told
        List<ConsumerRecord<String, String>> resolved = topics.await(RESOLVED, r -> c.feedbackId().equals(r.key()), 2,
                Duration.ofSeconds(60));
        assertEquals(2, resolved.size());
        assertEquals("feedbackloop.action.resolved.v1", TopicProbe.header(resolved.get(0), "ce_type"));
        JsonNode first = read(resolved.get(0).value());
        assertEquals(firstResolution, first.get("resolutionText").asText());
        assertEquals("replaced", first.get("resolutionCode").asText());
        assertEquals("courier app lost the address", first.get("rootCause").asText());
        assertEquals(maria.email(), first.get("closedBy").asText());
        assertEquals(c.caseId(), first.get("caseId").asText());
        assertEquals("The courier never came", first.get("text").asText());
        assertEquals(secondResolution, read(resolved.get(1).value()).get("resolutionText").asText());
        for (ConsumerRecord<String, String> record : resolved) {
            assertFalse(record.value().contains(note.substring(0, 45)));
        }

        // both topics' events match the schemas this service publishes
        conformsToSchema(UPDATED, events);
        conformsToSchema(RESOLVED, resolved);
    }

    @Test
    void invalidRequestsNameTheFieldAndWrongStatesAreConflictsAndNeitherChangesAnything() {
        OpenedCase c = newCase(4, "Nobody called back");
        Member stranger = member("other-" + UUID.randomUUID().toString().substring(0, 8), "agent");

        maria.as().body("{\"resolutionCode\":\"magic\",\"resolutionText\":\"done\"}").post(url(c, "/close"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("resolutionCode", "rootCause"));
        maria.as().body("{\"resolutionCode\":\"fixed\",\"rootCause\":\"x\"}").post(url(c, "/close"))
                .then().statusCode(400).body("violations.field", contains("resolutionText"));
        maria.as().body("{\"resolutionCode\":\"fixed\",\"rootCause\":\"" + "x".repeat(101) + "\",\"resolutionText\":\"ok\"}")
                .post(url(c, "/close")).then().statusCode(400).body("violations.field", contains("rootCause"));
        maria.as().post(url(c, "/close")).then().statusCode(400).body("violations.field", contains("body"));
        maria.as().body("{\"visibility\":\"public\",\"text\":\"\"}").post(url(c, "/comments"))
                .then().statusCode(400).body("violations.field", contains("text", "visibility"));
        maria.as().body("{\"visibility\":\"internal\",\"text\":\"" + "x".repeat(5001) + "\"}").post(url(c, "/comments"))
                .then().statusCode(400).body("violations.field", contains("text"));
        maria.as().body("{\"status\":\"closed\"}").put(url(c, "/status"))
                .then().statusCode(400).body("violations.field", contains("status"));
        maria.as().body("{\"assignee\":\"" + stranger.email() + "\"}").put(url(c, "/assignee"))
                .then().statusCode(400).body("violations[0].field", equalTo("assignee"))
                .body("violations[0].rule", equalTo("team-member"));
        maria.as().body("{\"assignee\":\"nobody@example.com\"}").put(url(c, "/assignee"))
                .then().statusCode(400).body("violations[0].field", equalTo("assignee"));
        maria.as().body("{\"reason\":\"again\"}").post(url(c, "/reopen"))
                .then().statusCode(409).contentType("application/problem+json");
        maria.as().body("{\"visibility\":\"internal\",\"text\":\"ok\"}").header("If-Match", "\"not-a-version\"")
                .post(url(c, "/comments")).then().statusCode(400).body("violations[0].field", equalTo("If-Match"));
        maria.as().get(url(c, "/audit")).then().statusCode(200).body("action", not(hasItem("commented")))
                .body("action", not(hasItem("closed")));

        // a duplicate may be closed without telling the customer anything
        maria.as().body("{\"resolutionCode\":\"duplicate\",\"rootCause\":\"same as an earlier complaint\"}")
                .post(url(c, "/close")).then().statusCode(200).body("status", equalTo("closed"))
                .body("resolutionText", nullValue())
                .body("firstResponseAt", notNullValue());
        maria.as().body("{\"resolutionCode\":\"fixed\",\"rootCause\":\"x\",\"resolutionText\":\"y\"}")
                .post(url(c, "/close")).then().statusCode(409).contentType("application/problem+json");
        maria.as().body("{\"status\":\"in_progress\"}").put(url(c, "/status")).then().statusCode(409);
        maria.as().body("{\"assignee\":\"" + maria.email() + "\"}").put(url(c, "/assignee")).then().statusCode(409);
        JsonNode resolved = read(topics.await(RESOLVED, r -> c.feedbackId().equals(r.key()), 1, Duration.ofSeconds(60))
                .get(0).value());
        assertTrue(resolved.get("resolutionText").isNull());
        assertEquals("duplicate", resolved.get("resolutionCode").asText());

        List<String> actions = maria.as().get(url(c, "/audit")).then().statusCode(200).extract().path("action");
        assertEquals(List.of("closed"), actions.stream().filter(API_CHANGES::contains).toList(),
                "rejected requests leave no trace");
        updates(c, actions.size());
        assertEquals(actions.size(), topics.settle(UPDATED, r -> c.feedbackId().equals(r.key()), Duration.ofSeconds(1))
                .size());
    }

    @Test
    void timeLeftCountsDownAndGoesNegativeOnceTheDeadlinePasses() {
        OpenedCase c = newCase(3, "Still waiting for my refund");
        JsonPath first = maria.as().get(url(c, "")).then().statusCode(200).extract().jsonPath();
        long firstLeft = first.getLong("firstResponseDueIn");
        long resolutionLeft = first.getLong("resolutionDueIn");
        assertTrue(firstLeft > 0 && resolutionLeft >= firstLeft, firstLeft + " / " + resolutionLeft);
        clock.advance(Duration.ofSeconds(10));
        long later = maria.as().get(url(c, "")).then().statusCode(200).extract().jsonPath().getLong("firstResponseDueIn");
        assertTrue(later < firstLeft, later + " should be below " + firstLeft);

        clock.advance(Duration.ofSeconds(later + 120));
        JsonPath overdue = maria.as().get(url(c, "")).then().statusCode(200).extract().jsonPath();
        long left = overdue.getLong("firstResponseDueIn");
        assertTrue(left < 0 && left > -200, "about two minutes overdue: " + left);
        assertEquals("missed", overdue.getString("firstResponseSla"));
        maria.as().get("/api/v1/cases?overdue=true&feedbackId=" + c.feedbackId()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].overdue", equalTo(true))
                .body("items[0].firstResponseDueIn", lessThan(0));
        maria.as().get("/api/v1/cases?overdue=false&feedbackId=" + c.feedbackId()).then().statusCode(200)
                .body("items", hasSize(0));

        // answered late: the first response is met no more, only missed, and nothing counts down any longer
        maria.as().body("{\"visibility\":\"customer\",\"text\":\"Sorry for the wait, your refund is on its way.\"}")
                .post(url(c, "/comments")).then().statusCode(201)
                .body("firstResponseDueIn", nullValue()).body("firstResponseSla", equalTo("missed"));
    }

    @Test
    void listsAreFilteredSortedByTheMostUrgentDeadlineAndPagedByCursor() {
        String group = "qa-" + UUID.randomUUID().toString().substring(0, 8);
        OpenedCase leaf = openCase(topics, 5, "Parcel late again", List.of(group + "/late"));
        OpenedCase groupOnly = openCase(topics, 1, "Delivery is a mess", List.of(group));
        OpenedCase similar = openCase(topics, 2, "Fees are too high", List.of(group + "-fees/extra"));
        Member lead = member(leaf.ownerTeam(), "lead");

        // a group matches its leaves, not a theme that merely starts with the same letters
        List<String> ids = lead.as().get("/api/v1/cases?theme=" + group).then().statusCode(200)
                .body("next", nullValue()).extract().path("items.id");
        assertThat(ids, containsInAnyOrder(leaf.caseId(), groupOnly.caseId()));
        lead.as().get("/api/v1/cases?theme=" + group + "/late").then().statusCode(200)
                .body("items.id", contains(leaf.caseId()));

        // one by one with the cursor: every case once, the most urgent first
        List<String> paged = new ArrayList<>();
        List<Instant> dues = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            JsonPath body = lead.as().queryParam("theme", group).queryParam("limit", 1)
                    .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                    .get("/api/v1/cases").then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
            paged.add(body.getString("items[0].id"));
            dues.add(Instant.parse(body.getString("items[0].nextDueAt")));
            cursor = body.getString("next");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(2, paged.size());
        assertThat(paged, containsInAnyOrder(leaf.caseId(), groupOnly.caseId()));
        assertFalse(dues.get(1).isBefore(dues.get(0)), "most urgent first: " + dues);

        // closing moves a case behind every case with a pending deadline
        lead.as().body("{\"resolutionCode\":\"explained\",\"rootCause\":\"carrier strike\",\"resolutionText\":\"The carrier was on strike; it is over.\"}")
                .post("/api/v1/cases/" + groupOnly.caseId() + "/close").then().statusCode(200);
        lead.as().get("/api/v1/cases?theme=" + group).then().statusCode(200)
                .body("items.id", contains(leaf.caseId(), groupOnly.caseId()))
                .body("items[1].nextDueAt", nullValue());
        lead.as().get("/api/v1/cases?theme=" + group + "&status=closed").then().statusCode(200)
                .body("items.id", contains(groupOnly.caseId()));
        lead.as().get("/api/v1/cases?theme=" + group + "&status=open,in_progress&status=waiting_customer")
                .then().statusCode(200).body("items.id", contains(leaf.caseId()));

        // by assignee (a person, "me", or nobody), by priority, by feedback
        lead.as().body("{\"assignee\":\"" + lead.email() + "\"}").put("/api/v1/cases/" + leaf.caseId() + "/assignee")
                .then().statusCode(200);
        lead.as().get("/api/v1/cases?theme=" + group + "&assignee=me").then().statusCode(200)
                .body("items.id", contains(leaf.caseId()));
        lead.as().get("/api/v1/cases?theme=" + group + "&assignee=" + lead.email()).then().statusCode(200)
                .body("items.id", contains(leaf.caseId()));
        lead.as().get("/api/v1/cases?theme=" + group + "&assignee=none").then().statusCode(200)
                .body("items.id", contains(groupOnly.caseId()));
        String priority = lead.as().get("/api/v1/cases/" + leaf.caseId()).then().extract().path("priority");
        lead.as().get("/api/v1/cases?theme=" + group + "&priority=" + priority).then().statusCode(200)
                .body("items.id", hasItem(leaf.caseId())).body("items.priority", everyItem(equalTo(priority)));
        lead.as().get("/api/v1/cases?feedbackId=" + similar.feedbackId()).then().statusCode(200)
                .body("items.id", contains(similar.caseId()));
        lead.as().get("/api/v1/cases?team=" + leaf.ownerTeam() + "&feedbackId=" + similar.feedbackId())
                .then().statusCode(200).body("items", hasSize(1));
        lead.as().get("/api/v1/cases?team=no-such-team&feedbackId=" + similar.feedbackId())
                .then().statusCode(200).body("items", hasSize(0));

        // the whole list is in deadline order, closed cases (no pending deadline) last
        List<String> all = lead.as().get("/api/v1/cases?limit=200").then().statusCode(200).extract().path("items.nextDueAt");
        boolean sawNone = false;
        Instant previous = Instant.MIN;
        for (String due : all) {
            if (due == null) {
                sawNone = true;
                continue;
            }
            assertFalse(sawNone, "a case with a deadline after one without");
            Instant at = Instant.parse(due);
            assertFalse(at.isBefore(previous), "sorted by deadline");
            previous = at;
        }

        lead.as().get("/api/v1/cases?status=done&priority=urgent&limit=0&overdue=yes&feedbackId=x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("status", "priority", "limit", "overdue", "feedbackId"));
        lead.as().get("/api/v1/cases?cursor=garbage").then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        lead.as().get("/api/v1/cases?limit=201").then().statusCode(400).body("violations[0].field", equalTo("limit"));
    }

    @Test
    void concurrentChangesAreConflictsNeverErrorsAndEachAcceptedOneIsJournaledOnce() throws Exception {
        OpenedCase c = newCase(6, "App crashes at login");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            Callable<Integer> write = () -> {
                start.await();
                return maria.as().body("{\"visibility\":\"internal\",\"text\":\"note " + n + "\"}")
                        .post(url(c, "/comments")).then().extract().statusCode();
            };
            answers.add(pool.submit(write));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            assertTrue(status == 201 || status == 409, "a concurrent change is a 409, never " + status);
            accepted += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(accepted >= 1);
        List<String> actions = maria.as().get(url(c, "/audit")).then().statusCode(200).extract().path("action");
        assertEquals(accepted, actions.stream().filter("commented"::equals).count());
        maria.as().get(url(c, "")).then().body("comments", hasSize(accepted));
        updates(c, actions.size());
        assertEquals(actions.size(), topics.settle(UPDATED, r -> c.feedbackId().equals(r.key()), Duration.ofSeconds(1))
                .size());

        // a change made on a stale view is refused when the client says which version it read
        long version = maria.as().get(url(c, "")).then().statusCode(200).extract().jsonPath().getLong("version");
        maria.as().header("If-Match", "\"" + version + "\"").body("{\"status\":\"in_progress\"}").put(url(c, "/status"))
                .then().statusCode(200).header("ETag", notNullValue());
        maria.as().header("If-Match", "\"" + version + "\"").body("{\"status\":\"waiting_customer\"}")
                .put(url(c, "/status")).then().statusCode(412).contentType("application/problem+json");
        maria.as().get(url(c, "")).then().body("status", equalTo("in_progress"));
    }

    @Test
    void theSchemasArePublishedWithAnExampleThatConformsToThem() {
        for (String topic : List.of(UPDATED, RESOLVED)) {
            JsonNode schema = read(given().get("/schemas/" + topic + ".json").then().statusCode(200).extract().asString());
            conforms(schema, schema.at("/examples/0"), topic + " example");
        }
    }

    private static JsonNode event(List<ConsumerRecord<String, String>> events, String change) {
        return events.stream().map(r -> read(r.value())).filter(e -> change.equals(e.get("change").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + change + " event"));
    }

    private static void conformsToSchema(String topic, List<ConsumerRecord<String, String>> records) {
        JsonNode schema = read(given().get("/schemas/" + topic + ".json").then().statusCode(200).extract().asString());
        for (ConsumerRecord<String, String> record : records) {
            conforms(schema, read(record.value()), topic + " " + record.value());
        }
    }

    /** Top-level check: required fields present, no undocumented field, enum values allowed, nested objects' required fields. */
    private static void conforms(JsonNode schema, JsonNode event, String what) {
        assertTrue(event.isObject(), what);
        for (JsonNode required : schema.get("required")) {
            assertTrue(event.has(required.asText()) && !event.get(required.asText()).isNull(),
                    what + " lacks " + required.asText());
        }
        JsonNode properties = schema.get("properties");
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(properties.has(name), what + " has undocumented " + name);
            JsonNode property = properties.get(name);
            JsonNode value = event.get(name);
            if (property.has("enum") && !value.isNull()) {
                List<String> allowed = new ArrayList<>();
                property.get("enum").forEach(v -> allowed.add(v.asText()));
                assertTrue(allowed.contains(value.asText()), what + ": " + name + "=" + value);
            }
            if (property.has("required") && value.isObject()) {
                conforms(property, value, what + "." + name);
            }
        }
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
