package io.feedbackloop.action;

import static io.feedbackloop.action.CategorizedEvents.feedback;
import static io.feedbackloop.action.OpsApi.OPENED;
import static io.feedbackloop.action.OpsApi.UPDATED;
import static io.feedbackloop.action.OpsApi.addMember;
import static io.feedbackloop.action.OpsApi.admin;
import static io.feedbackloop.action.OpsApi.as;
import static io.feedbackloop.action.OpsApi.createCaseRule;
import static io.feedbackloop.action.OpsApi.createRoutingRule;
import static io.feedbackloop.action.OpsApi.createTeam;
import static io.feedbackloop.action.OpsApi.opened;
import static io.feedbackloop.action.OpsApi.unique;
import static io.feedbackloop.action.OpsApi.updates;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deadlines from the SLA policy of the case's priority, counted in the owner team's working time
 * where the policy says so, and the escalation of each breach: once, one priority up, to the lead.
 * The service's clock is moved forward instead of waiting (the escalator looks every second).
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class SlaEscalationTest {

    /** quarkus.management.test-port */
    private static final int MANAGEMENT_TEST_PORT = 19183;

    private static final Duration ESCALATOR_PASSES = Duration.ofSeconds(3);
    private static TopicProbe topics;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), OPENED, UPDATED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    /** A team, the rules that give it every case of a new segment at a fixed priority, and its lead. */
    private static OpsApi.Member teamWithCasesOf(String segment, String team, String priority) {
        createCaseRule("""
                {"name":"%s","position":1,"conditions":{"segments":["%s"]},"casePriority":"%s"}"""
                .formatted(segment, segment, priority));
        createRoutingRule("""
                {"name":"%s","position":1,"conditions":{"segments":["%s"]},"teamId":"%s"}""".formatted(segment, segment, team));
        return addMember(team, "lead");
    }

    @Test
    void businessHoursSkipTheNightTheWeekendAndTheTeamsHolidayInItsTimeZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // the service's clock goes to a Friday at 17:00 in Berlin; the Monday after is a holiday there
        LocalDate friday = clock.instant().atZone(berlin).toLocalDate().plusDays(1)
                .with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        LocalDate monday = friday.plusDays(3);
        String team = unique("sla-berlin");
        createTeam(team, "Europe/Berlin", "[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]", "09:00", "18:00",
                "[\"" + monday + "\"]");
        String segment = unique("sla-low");
        teamWithCasesOf(segment, team, "low");
        admin().body("{\"firstResponseMinutes\":120,\"resolutionMinutes\":480,\"businessHours\":true}")
                .put("/api/v1/sla-policies/low").then().statusCode(200).body("priority", equalTo("low"))
                .body("businessHours", equalTo(true));
        try {
            ZonedDateTime fridayFive = friday.atTime(17, 0).atZone(berlin);
            clock.advance(Duration.between(clock.instant(), fridayFive.toInstant()));

            CategorizedEvents question = feedback().segment(segment);
            question.publish(topics);
            JsonNode c = opened(topics, question.id());
            Instant openedAt = Instant.parse(c.get("openedAt").asText());
            assertTrue(Duration.between(fridayFive.toInstant(), openedAt).toMinutes() < 5, "opened " + openedAt);
            assertEquals("low", c.get("priority").asText());
            assertEquals(team, c.get("ownerTeam").asText());

            // 2 working hours: Friday 17:00-18:00, then (Saturday, Sunday, the holiday Monday) Tuesday 09:00-10:00
            ZonedDateTime tuesday = monday.plusDays(1).atStartOfDay(berlin);
            assertEquals(openedAt.plus(Duration.between(fridayFive, tuesday.withHour(10))),
                    Instant.parse(c.get("firstResponseDueAt").asText()));
            // 8 working hours: Friday's last hour, then Tuesday 09:00-16:00
            assertEquals(openedAt.plus(Duration.between(fridayFive, tuesday.withHour(16))),
                    Instant.parse(c.get("resolutionDueAt").asText()));
        } finally {
            // the seeded policy of low priority, for whatever runs next
            admin().body("{\"firstResponseMinutes\":2880,\"resolutionMinutes\":10080,\"businessHours\":true}")
                    .put("/api/v1/sla-policies/low").then().statusCode(200);
        }
    }

    @Test
    void aMissedFirstResponseIsEscalatedOnceOnePriorityUpToTheTeamLead() {
        String team = unique("sla-escalation");
        createTeam(team);
        String segment = unique("sla-normal");
        OpsApi.Member lead = teamWithCasesOf(segment, team, "normal");
        CategorizedEvents detractor = feedback().nps(3).segment(segment);
        detractor.publish(topics);
        JsonNode c = opened(topics, detractor.id());
        String caseId = c.get("caseId").asText();
        Instant firstResponseDue = Instant.parse(c.get("firstResponseDueAt").asText());
        Instant resolutionDue = Instant.parse(c.get("resolutionDueAt").asText());
        assertEquals(Duration.ofHours(24), Duration.between(Instant.parse(c.get("openedAt").asText()), firstResponseDue));
        assertEquals(0, topics.settle(UPDATED, r -> detractor.id().equals(r.key()), ESCALATOR_PASSES).size(),
                "nothing is due yet");

        clock.advance(Duration.between(clock.instant(), firstResponseDue.plusSeconds(60)));
        List<JsonNode> escalations = updates(topics, detractor.id(), "escalated", 1, Duration.ofSeconds(60));
        assertEquals(1, escalations.size());
        JsonNode escalation = escalations.get(0);
        assertEquals("sla-scheduler", escalation.get("actor").asText());
        assertEquals("first-response", escalation.at("/details/breach").asText());
        assertEquals("normal", escalation.at("/details/priorityFrom").asText());
        assertEquals("high", escalation.at("/details/priorityTo").asText());
        assertTrue(escalation.at("/details/assigneeFrom").isNull());
        assertEquals(lead.email(), escalation.at("/details/assigneeTo").asText());
        assertEquals("high", escalation.get("priority").asText());
        assertEquals(lead.email(), escalation.get("assignee").asText());

        // later passes find the breach escalated already
        clock.advance(Duration.ofMinutes(30));
        assertEquals(1, topics.settle(UPDATED, r -> detractor.id().equals(r.key()), ESCALATOR_PASSES).size());
        as(lead.token()).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("priority", equalTo("high")).body("assignee", equalTo(lead.email()))
                .body("escalationLevel", equalTo(1));
        admin().get("/api/v1/cases/" + caseId + "/audit").then().statusCode(200)
                .body("findAll { it.action == 'escalated' }.details.breach", contains("first-response"));

        // the resolution deadline is a breach of its own
        clock.advance(Duration.between(clock.instant(), resolutionDue.plusSeconds(60)));
        List<JsonNode> both = updates(topics, detractor.id(), "escalated", 2, Duration.ofSeconds(60));
        assertEquals(2, both.size());
        assertEquals("resolution", both.get(1).at("/details/breach").asText());
        assertEquals("critical", both.get(1).at("/details/priorityTo").asText());
        assertEquals(2, topics.settle(UPDATED, r -> detractor.id().equals(r.key()), ESCALATOR_PASSES).size());
        // metrics are on the management interface, apart from the API
        given().port(MANAGEMENT_TEST_PORT).get("/q/metrics").then().statusCode(200)
                .body(containsString("cases_escalated_total{breach=\"first-response\""));
    }

    @Test
    void closedOrAnsweredCasesAreNotEscalatedForWhatWasDone() {
        String team = unique("sla-done");
        createTeam(team);
        String segment = unique("sla-done");
        OpsApi.Member lead = teamWithCasesOf(segment, team, "normal");
        CategorizedEvents toClose = feedback().nps(2).segment(segment);
        CategorizedEvents toAnswer = feedback().nps(2).segment(segment);
        toClose.publish(topics);
        toAnswer.publish(topics);
        JsonNode closing = opened(topics, toClose.id());
        JsonNode answered = opened(topics, toAnswer.id());

        as(lead.token()).body("""
                {"resolutionCode":"explained","rootCause":"customer misread the tariff",
                 "resolutionText":"We explained the tariff by phone."}""")
                .post("/api/v1/cases/" + closing.get("caseId").asText() + "/close").then().statusCode(200);
        topics.publishEvent("followup.sent.v1", toAnswer.id(), UUID.randomUUID().toString(), """
                {"feedbackId":"%s","caseId":"%s","sentAt":"%s","channel":"email"}"""
                .formatted(toAnswer.id(), answered.get("caseId").asText(), clock.instant()));
        awaitFirstResponse(answered.get("caseId").asText());

        // past the first-response deadline of both, before the resolution deadline
        clock.advance(Duration.between(clock.instant(),
                Instant.parse(answered.get("firstResponseDueAt").asText()).plus(Duration.ofHours(1))));
        assertEquals(0, topics.settle(UPDATED, r -> toAnswer.id().equals(r.key())
                && r.value().contains("\"escalated\""), ESCALATOR_PASSES).size(), "the customer was answered in time");

        // past every deadline: the open case is escalated for its resolution, the closed one never
        clock.advance(Duration.between(clock.instant(),
                Instant.parse(answered.get("resolutionDueAt").asText()).plus(Duration.ofHours(1))));
        List<JsonNode> escalated = updates(topics, toAnswer.id(), "escalated", 1, Duration.ofSeconds(60));
        assertEquals("resolution", escalated.get(0).at("/details/breach").asText());
        assertEquals(0, topics.settle(UPDATED, r -> toClose.id().equals(r.key()) && r.value().contains("\"escalated\""),
                ESCALATOR_PASSES).size(), "a closed case is never escalated");
        admin().get("/api/v1/cases/" + closing.get("caseId").asText()).then().body("escalationLevel", equalTo(0))
                .body("priority", equalTo("normal"));
    }

    @Test
    void policiesAreReadByEveryoneAndSetByTheAdministrator() {
        String team = unique("sla-policies");
        createTeam(team);
        OpsApi.Member agent = addMember(team, "agent");
        OpsApi.Member lead = addMember(team, "lead");
        as(agent.token()).get("/api/v1/sla-policies").then().statusCode(200)
                .body("priority", contains("low", "normal", "high", "critical"))
                .body("find { it.priority == 'normal' }.firstResponseMinutes", equalTo(1440));
        as(agent.token()).body("{\"firstResponseMinutes\":60,\"resolutionMinutes\":600,\"businessHours\":false}")
                .put("/api/v1/sla-policies/normal").then().statusCode(403);
        // one policy per priority holds for every team: not a lead's to change
        as(lead.token()).body("{\"firstResponseMinutes\":60,\"resolutionMinutes\":600,\"businessHours\":false}")
                .put("/api/v1/sla-policies/normal").then().statusCode(403).body("detail", containsString("admin"));
        admin().body("{\"firstResponseMinutes\":0,\"resolutionMinutes\":null}")
                .put("/api/v1/sla-policies/normal").then().statusCode(400)
                .body("violations.field", contains("businessHours", "firstResponseMinutes", "resolutionMinutes"));
        admin().body("{\"firstResponseMinutes\":600,\"resolutionMinutes\":60,\"businessHours\":false}")
                .put("/api/v1/sla-policies/normal").then().statusCode(400)
                .body("violations.field", contains("resolutionMinutes"));
        admin().body("{\"firstResponseMinutes\":60,\"resolutionMinutes\":600,\"businessHours\":false}")
                .put("/api/v1/sla-policies/urgent").then().statusCode(404);
    }

    private static void awaitFirstResponse(String caseId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (admin().get("/api/v1/cases/" + caseId).path("firstResponseAt") != null) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the first response of " + caseId + " was not recorded");
    }
}
