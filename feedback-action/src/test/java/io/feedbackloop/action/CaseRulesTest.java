package io.feedbackloop.action;

import static io.feedbackloop.action.CategorizedEvents.feedback;
import static io.feedbackloop.action.OpsApi.OPENED;
import static io.feedbackloop.action.OpsApi.UPDATED;
import static io.feedbackloop.action.OpsApi.addMember;
import static io.feedbackloop.action.OpsApi.admin;
import static io.feedbackloop.action.OpsApi.as;
import static io.feedbackloop.action.OpsApi.createCaseRule;
import static io.feedbackloop.action.OpsApi.createTeam;
import static io.feedbackloop.action.OpsApi.opened;
import static io.feedbackloop.action.OpsApi.openedAfterQuiet;
import static io.feedbackloop.action.OpsApi.unique;
import static io.feedbackloop.action.OpsApi.updates;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which categorized feedback opens a case: the default rules, rules leads add over REST, and the
 * promise that one feedback has one case whatever arrives again or is corrected later.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class CaseRulesTest {

    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), OPENED, UPDATED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    void theDefaultRulesOpenCasesForDetractorsBadCsatLegalThreatsAndUnhappyEnterpriseBilling() {
        CategorizedEvents detractor = feedback().nps(6).sentiment("negative").priority("normal");
        CategorizedEvents passive = feedback().nps(8);
        CategorizedEvents badCsat = feedback().csat(2).priority("normal");
        CategorizedEvents legalPromoter = feedback().nps(10).sentiment("positive").urgency("legal").priority("critical");
        CategorizedEvents enterpriseBilling = feedback().sentiment("negative").type("complaint")
                .themes("billing/invoice").segment("enterprise").priority("normal");
        List.of(detractor, passive, badCsat, legalPromoter, enterpriseBilling).forEach(f -> f.publish(topics));

        JsonNode detractorCase = opened(topics, detractor.id());
        assertEquals("nps-detractor", detractorCase.get("ruleName").asText());
        assertEquals("nps-detractor", detractorCase.get("reason").asText());
        assertEquals("normal", detractorCase.get("priority").asText());

        JsonNode csatCase = opened(topics, badCsat.id());
        assertEquals("csat-bad", csatCase.get("ruleName").asText());

        JsonNode legalCase = opened(topics, legalPromoter.id());
        assertEquals("legal-or-safety", legalCase.get("ruleName").asText());
        assertEquals("critical", legalCase.get("priority").asText(), "a legal threat is critical even from a promoter");
        assertEquals("legal", legalCase.at("/urgency/0").asText());

        JsonNode billingCase = opened(topics, enterpriseBilling.id());
        assertEquals("negative-billing-enterprise", billingCase.get("ruleName").asText());
        assertEquals("high", billingCase.get("priority").asText(), "the rule sets the priority");
        assertEquals("billing/invoice", billingCase.at("/themes/0").asText());

        assertEquals(0, openedAfterQuiet(topics, passive.id()).size(), "a passive opens no case");
        admin().get("/api/v1/cases?feedbackId=" + passive.id()).then().statusCode(200).body("items", hasSize(0));
        admin().get("/api/v1/cases/" + legalCase.get("caseId").asText()).then().statusCode(200)
                .body("ruleName", equalTo("legal-or-safety")).body("priority", equalTo("critical"));
    }

    @Test
    void rulesLeadsAddAreTriedInPositionOrderAndTheCaseRecordsWhichOneFired() {
        String vip = unique("vip");
        String early = createCaseRule("""
                {"name":"%s-detractors","position":5,"conditions":{"segments":["%s"],"scoreClasses":["detractor"]},
                 "casePriority":"high"}""".formatted(vip, vip));
        String late = createCaseRule("""
                {"name":"%s-anything","position":1000,"conditions":{"segments":["%s"]}}""".formatted(vip, vip));
        JsonPath rules = admin().get("/api/v1/case-rules").then().statusCode(200).extract().jsonPath();
        List<String> names = rules.getList("name");
        assertTrue(names.indexOf(vip + "-detractors") < names.indexOf("legal-or-safety")
                && names.indexOf("nps-detractor") < names.indexOf("csat-bad")
                && names.indexOf("csat-bad") < names.indexOf(vip + "-anything"), "listed in position order: " + names);

        // before the default detractor rule: it wins and sets the priority
        CategorizedEvents vipDetractor = feedback().nps(6).segment(vip).priority("normal");
        // after the default rules: a detractor goes to nps-detractor, anything else falls through to it
        CategorizedEvents vipQuestion = feedback().segment(vip).priority("low");
        vipDetractor.publish(topics);
        vipQuestion.publish(topics);

        JsonNode first = opened(topics, vipDetractor.id());
        assertEquals(vip + "-detractors", first.get("ruleName").asText());
        assertEquals("high", first.get("priority").asText());
        admin().get("/api/v1/cases/" + first.get("caseId").asText()).then().statusCode(200)
                .body("ruleId", equalTo(early)).body("ruleName", equalTo(vip + "-detractors"))
                .body("reason", equalTo(vip + "-detractors"));
        JsonNode second = opened(topics, vipQuestion.id());
        assertEquals(vip + "-anything", second.get("ruleName").asText());
        assertEquals("normal", second.get("priority").asText(), "a case is at least normal");
        admin().get("/api/v1/cases/" + second.get("caseId").asText()).then().body("ruleId", equalTo(late));

        // disabled, the early rule no longer fires: the default detractor rule does
        admin().body("""
                {"name":"%s-detractors","enabled":false,"conditions":{"segments":["%s"],"scoreClasses":["detractor"]},
                 "casePriority":"high"}""".formatted(vip, vip)).put("/api/v1/case-rules/" + early)
                .then().statusCode(200).body("enabled", equalTo(false)).body("position", equalTo(5));
        CategorizedEvents anotherVipDetractor = feedback().nps(3).segment(vip).priority("normal");
        anotherVipDetractor.publish(topics);
        assertEquals("nps-detractor", opened(topics, anotherVipDetractor.id()).get("ruleName").asText());

        admin().delete("/api/v1/case-rules/" + early).then().statusCode(204);
        admin().delete("/api/v1/case-rules/" + late).then().statusCode(204);
        admin().delete("/api/v1/case-rules/" + late).then().statusCode(404);
        admin().get("/api/v1/case-rules").then().body("id", not(hasItem(early)));
    }

    @Test
    void redeliveryResendAndRecategorizationNeverOpenASecondCase() {
        CategorizedEvents detractor = feedback().nps(4).sentiment("negative").themes("delivery/late")
                .priority("normal");
        String eventId = detractor.publish(topics);
        detractor.publish(topics, eventId);
        detractor.publish(topics);
        String caseId = opened(topics, detractor.id()).get("caseId").asText();

        // a person corrects it: a legal threat about a damaged parcel, not a late one
        detractor.themes("delivery/damaged").urgency("legal").type("complaint");
        String correction = detractor.publishCorrection(topics, "olga@ops.example", UUID.randomUUID().toString(),
                "themes", "urgency", "type");
        detractor.publishCorrection(topics, "olga@ops.example", correction, "themes", "urgency", "type");
        detractor.publishCorrection(topics, "olga@ops.example", UUID.randomUUID().toString(), "themes", "urgency", "type");

        List<JsonNode> relabelled = updates(topics, detractor.id(), "labels-changed", 1, Duration.ofSeconds(60));
        assertEquals(1, relabelled.size());
        JsonNode change = relabelled.get(0);
        assertEquals("olga@ops.example", change.get("actor").asText());
        assertEquals("correction", change.at("/details/reason").asText());
        assertEquals("delivery/late", change.at("/details/from/themes/0").asText());
        assertEquals("delivery/damaged", change.at("/details/to/themes/0").asText());
        assertEquals("legal", change.at("/details/to/urgency/0").asText());
        assertEquals("normal", change.at("/details/priorityFrom").asText());
        assertEquals("critical", change.at("/details/priorityTo").asText());

        assertEquals(1, openedAfterQuiet(topics, detractor.id()).size(), "still one case");
        assertEquals(1, topics.records(UPDATED).stream().filter(r -> detractor.id().equals(r.key())
                && r.value().contains("\"labels-changed\"")).count(), "the same labels again change nothing");
        admin().get("/api/v1/cases?feedbackId=" + detractor.id()).then().statusCode(200).body("items", hasSize(1));
        admin().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("priority", equalTo("critical"))
                .body("feedback.themes", contains("delivery/damaged"))
                .body("feedback.urgency", contains("legal"))
                .body("feedback.type", equalTo("complaint"));
    }

    @Test
    void aCorrectionToLegalUrgencyOpensACaseForAFeedbackThatHadNone() {
        CategorizedEvents passive = feedback().nps(7).sentiment("neutral").priority("low");
        passive.publish(topics);
        assertEquals(0, openedAfterQuiet(topics, passive.id()).size());

        passive.urgency("legal").priority("critical");
        passive.publishCorrection(topics, "olga@ops.example", UUID.randomUUID().toString(), "urgency", "priority");
        JsonNode opened = opened(topics, passive.id());
        assertEquals("legal-or-safety", opened.get("ruleName").asText());
        assertEquals("critical", opened.get("priority").asText());

        // the first categorization, delivered again late, is older than the correction: it changes nothing
        passive.urgency().priority("low").language("ru").publish(topics);
        assertEquals(1, openedAfterQuiet(topics, passive.id()).size());
        admin().get("/api/v1/cases/" + opened.get("caseId").asText()).then().statusCode(200)
                .body("feedback.urgency", contains("legal"))
                .body("feedback.language", equalTo("en"));
    }

    @Test
    void readsTheExampleRecategorizationFeedbackCategorizePublishesWithItsSchema() {
        UUID id = UUID.randomUUID();
        String example = ProducerExamples.example("feedback-categorize", CategorizedEvents.RECATEGORIZED, id).toString();
        topics.publishEvent(CategorizedEvents.RECATEGORIZED, id.toString(), UUID.randomUUID().toString(), example);
        JsonNode opened = opened(topics, id.toString());
        assertEquals("nps-detractor", opened.get("ruleName").asText());
        assertEquals("high", opened.get("priority").asText());
        assertEquals("website/checkout", opened.at("/themes/0").asText());
        assertEquals("billing/payment", opened.at("/themes/1").asText());
        assertEquals("problem", opened.get("type").asText());
    }

    @Test
    void invalidRulesAreRefusedNamingEachWrongField() {
        admin().body("""
                {"name":"typo","conditions":{"segmnets":["enterprise"]}}""").post("/api/v1/case-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("conditions.segmnets"));
        admin().body("""
                {"name":"Bad Name!","position":-1,"casePriority":"urgent",
                 "conditions":{"npsMax":11,"sentiments":["angry"],"urgency":[]}}""").post("/api/v1/case-rules")
                .then().statusCode(400)
                .body("violations.field", hasItems("name", "position", "casePriority", "conditions.npsMax",
                        "conditions.sentiments[0]", "conditions.urgency"));
        admin().body("{\"name\":\"nothing\",\"conditions\":{}}").post("/api/v1/case-rules")
                .then().statusCode(400).body("violations.field", contains("conditions"));
        admin().body("{\"name\":\"nothing\"}").post("/api/v1/case-rules")
                .then().statusCode(400).body("violations.field", contains("conditions"));
        admin().body("{\"name\":\"nothing\",\"conditions\":{\"npsMax\":\"six\"}}").post("/api/v1/case-rules")
                .then().statusCode(400).body("violations.field", contains("conditions.npsMax"));
        admin().body("{\"name\":\"nps-detractor\",\"conditions\":{\"npsMax\":5}}").post("/api/v1/case-rules")
                .then().statusCode(409).contentType("application/problem+json");
        admin().body("{\"name\":\"x\",\"conditions\":{\"npsMax\":5}}").put("/api/v1/case-rules/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void caseRulesApplyToEveryTeamSoLeadsTuneThemAndOnlyTheAdministratorAddsOrDeletesThem() {
        String team = unique("rules-team");
        createTeam(team);
        OpsApi.Member agent = addMember(team, "agent");
        OpsApi.Member lead = addMember(team, "lead");
        String body = "{\"name\":\"" + unique("agents-rule") + "\",\"conditions\":{\"segments\":[\"" + unique("s") + "\"]}}";

        as(agent.token()).get("/api/v1/case-rules").then().statusCode(403).contentType("application/problem+json");
        as(agent.token()).body(body).post("/api/v1/case-rules").then().statusCode(403);
        as(agent.token()).delete("/api/v1/case-rules/" + UUID.randomUUID()).then().statusCode(403);
        given().get("/api/v1/case-rules").then().statusCode(401).contentType("application/problem+json");
        as("not-a-token").get("/api/v1/case-rules").then().statusCode(401);

        // a lead reads them and tunes one, but neither adds nor deletes what opens cases for every team
        as(lead.token()).get("/api/v1/case-rules").then().statusCode(200);
        as(lead.token()).body(body).post("/api/v1/case-rules").then().statusCode(403);
        String id = admin().body(body).post("/api/v1/case-rules").then().statusCode(201).extract().path("id");
        String tuned = body.replace("\"conditions\"", "\"casePriority\":\"critical\",\"enabled\":false,\"conditions\"");
        as(lead.token()).body(tuned).put("/api/v1/case-rules/" + id).then().statusCode(200)
                .body("casePriority", equalTo("critical")).body("enabled", equalTo(false));
        as(agent.token()).body(tuned).put("/api/v1/case-rules/" + id).then().statusCode(403);
        as(lead.token()).delete("/api/v1/case-rules/" + id).then().statusCode(403)
                .body("type", equalTo("urn:feedbackloop:problem:admin-only"));
        admin().delete("/api/v1/case-rules/" + id).then().statusCode(204);
    }
}
