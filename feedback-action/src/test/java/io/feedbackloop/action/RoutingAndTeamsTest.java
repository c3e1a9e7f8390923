package io.feedbackloop.action;

import static io.feedbackloop.action.CategorizedEvents.feedback;
import static io.feedbackloop.action.OpsApi.OPENED;
import static io.feedbackloop.action.OpsApi.addMember;
import static io.feedbackloop.action.OpsApi.admin;
import static io.feedbackloop.action.OpsApi.as;
import static io.feedbackloop.action.OpsApi.createRoutingRule;
import static io.feedbackloop.action.OpsApi.createTeam;
import static io.feedbackloop.action.OpsApi.opened;
import static io.feedbackloop.action.OpsApi.signIn;
import static io.feedbackloop.action.OpsApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Teams with calendars and people, and routing rules that give each new case its owner. */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class RoutingAndTeamsTest {

    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), OPENED);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    void leadsSetUpTeamsWithTheirCalendars() {
        String id = unique("care-berlin");
        admin().body("""
                {"id":"%s","name":"Customer care Berlin","timeZone":"Europe/Berlin","workDays":["MON","TUE","WED","THU","FRI"],
                 "workStart":"08:30","workEnd":"17:00","holidays":["2026-12-24","2026-12-25"],"fallback":false}"""
                .formatted(id)).post("/api/v1/teams")
                .then().statusCode(201).header("Location", endsWith("/api/v1/teams/" + id))
                .body("timeZone", equalTo("Europe/Berlin")).body("workStart", equalTo("08:30"))
                .body("holidays", contains("2026-12-24", "2026-12-25")).body("fallback", equalTo(false));
        admin().body("""
                {"name":"Care Berlin","timeZone":"Europe/Berlin","workDays":["MON","TUE","WED","THU","FRI","SAT"],
                 "workStart":"08:00","workEnd":"20:00","holidays":[]}""").put("/api/v1/teams/" + id)
                .then().statusCode(200).body("name", equalTo("Care Berlin")).body("workDays", hasItem("SAT"))
                .body("workEnd", equalTo("20:00"));
        admin().get("/api/v1/teams/" + id).then().statusCode(200).body("name", equalTo("Care Berlin"));
        admin().get("/api/v1/teams").then().statusCode(200).body("id", hasItems(id, "customer-care"));
        admin().get("/api/v1/teams/customer-care").then().statusCode(200).body("fallback", equalTo(true))
                .body("timeZone", equalTo("UTC"));

        admin().body("""
                {"id":"%s","name":"x","timeZone":"Europe/Berlin","workDays":["MON"],"workStart":"09:00","workEnd":"18:00"}"""
                .formatted(id)).post("/api/v1/teams").then().statusCode(409);
        admin().body("""
                {"id":"Bad Id","name":"","timeZone":"Mars/Olympus","workDays":["MONDAY"],"workStart":"9am",
                 "workEnd":"18:00","holidays":["2026-13-01"]}""").post("/api/v1/teams")
                .then().statusCode(400).contentType("application/problem+json");
        admin().body("""
                {"id":"bad-id","name":"","timeZone":"Mars/Olympus","workDays":["MONDAY"],"workStart":"9am","workEnd":"18:00"}""")
                .post("/api/v1/teams").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "timeZone", "workDays[0]", "workStart"));
        admin().body("""
                {"id":"late-shift","name":"Late","timeZone":"UTC","workDays":["MON"],"workStart":"18:00","workEnd":"09:00"}""")
                .post("/api/v1/teams").then().statusCode(400).body("violations.field", contains("workEnd"));
        // someone must own what no rule routes
        admin().body("""
                {"name":"Customer care","timeZone":"UTC","workDays":["MON","TUE","WED","THU","FRI"],
                 "workStart":"09:00","workEnd":"18:00","fallback":false}""").put("/api/v1/teams/customer-care")
                .then().statusCode(400).body("violations.field", contains("fallback"));
    }

    @Test
    void theFallbackTeamOwnsWhatNoRuleRoutesAndThereIsOnlyOne() {
        String night = unique("night-desk");
        createTeam(night);
        String calendar = "\"timeZone\":\"UTC\",\"workDays\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],"
                + "\"workStart\":\"09:00\",\"workEnd\":\"18:00\"";
        admin().body("{\"name\":\"Night desk\"," + calendar + ",\"fallback\":true}").put("/api/v1/teams/" + night)
                .then().statusCode(200).body("fallback", equalTo(true));
        try {
            admin().get("/api/v1/teams/customer-care").then().body("fallback", equalTo(false));
            CategorizedEvents unrouted = feedback().nps(4).priority("normal");
            unrouted.publish(topics);
            assertEquals(night, opened(topics, unrouted.id()).get("ownerTeam").asText());
        } finally {
            admin().body("{\"name\":\"Customer care\"," + calendar + ",\"fallback\":true}")
                    .put("/api/v1/teams/customer-care").then().statusCode(200).body("fallback", equalTo(true));
        }
        admin().get("/api/v1/teams/" + night).then().body("fallback", equalTo(false));
    }

    @Test
    void membersSignInWithThePasswordShownOnceUntilDeactivated() {
        String team = unique("members");
        createTeam(team);
        String email = unique("maria") + "@example.com";
        Response added = admin().body("{\"email\":\"%s\",\"name\":\"Maria\",\"role\":\"lead\"}".formatted(email))
                .post("/api/v1/teams/" + team + "/members");
        added.then().statusCode(201).body("email", equalTo(email)).body("role", equalTo("lead"))
                .body("active", equalTo(true));
        String password = added.path("initialPassword");
        assertTrue(password.length() >= 12, password);

        admin().get("/api/v1/teams/" + team + "/members").then().statusCode(200)
                .body("email", contains(email)).body("[0]", not(hasKey("initialPassword")));
        // she signs in with it: she reads her team and manages routing (a lead)
        String token = signIn(email, password);
        as(token).get("/api/v1/teams/" + team).then().statusCode(200);
        as(token).get("/api/v1/routing-rules").then().statusCode(200);
        admin().body("{\"email\":\"%s\",\"name\":\"Maria\",\"role\":\"agent\"}".formatted(email))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(409);
        admin().body("{\"email\":\"not-an-email\",\"role\":\"boss\"}").post("/api/v1/teams/" + team + "/members")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("email", "role"));

        OpsApi.Member agent = addMember(team, "agent");
        as(agent.token()).get("/api/v1/teams/" + team + "/members").then().statusCode(200);
        as(agent.token()).get("/api/v1/teams/customer-care/members").then().statusCode(403);
        as(agent.token()).body("{\"email\":\"x@example.com\",\"role\":\"agent\"}")
                .post("/api/v1/teams/" + team + "/members").then().statusCode(403);

        admin().delete("/api/v1/teams/" + team + "/members/" + email).then().statusCode(204);
        given().formParam("grant_type", "password").formParam("username", email).formParam("password", password)
                .post("/auth/token").then().statusCode(401).contentType("application/problem+json");
        admin().get("/api/v1/teams/" + team + "/members").then().body("find { it.email == '%s' }.active"
                .formatted(email), equalTo(false));
        admin().delete("/api/v1/teams/customer-care/members/" + agent.email()).then().statusCode(404);
    }

    @Test
    void casesAreRoutedByThemeOrSegmentToTheirTeamAndPerson() {
        String refunds = unique("refunds");
        String enterprise = unique("enterprise");
        String refundTeam = unique("refund-desk");
        String keyAccounts = unique("key-accounts");
        createTeam(refundTeam);
        createTeam(keyAccounts);
        OpsApi.Member ivan = addMember(refundTeam, "agent");
        String byTheme = createRoutingRule("""
                {"name":"%s","position":10,"conditions":{"themes":["%s"]},"teamId":"%s","assignee":"%s"}"""
                .formatted(refunds, refunds, refundTeam, ivan.email()));
        String bySegment = createRoutingRule("""
                {"name":"%s","position":20,"conditions":{"segments":["%s"]},"teamId":"%s"}"""
                .formatted(enterprise, enterprise, keyAccounts));

        // a group in a rule matches its leaves
        CategorizedEvents refund = feedback().nps(2).themes(refunds + "/slow").priority("high");
        CategorizedEvents bigCustomer = feedback().nps(5).segment(enterprise).priority("normal");
        CategorizedEvents both = feedback().nps(5).segment(enterprise).themes(refunds).priority("normal");
        CategorizedEvents neither = feedback().nps(5).themes("delivery/late").priority("normal");
        for (CategorizedEvents f : new CategorizedEvents[] {refund, bigCustomer, both, neither}) {
            f.publish(topics);
        }

        JsonNode refundCase = opened(topics, refund.id());
        assertEquals(refundTeam, refundCase.get("ownerTeam").asText());
        assertEquals(ivan.email(), refundCase.get("assignee").asText());
        admin().get("/api/v1/cases/" + refundCase.get("caseId").asText()).then().statusCode(200)
                .body("ownerTeam", equalTo(refundTeam)).body("assignee", equalTo(ivan.email()))
                .body("routingRule", equalTo(refunds));
        // Ivan, an agent of the team, sees the case routed to him
        as(ivan.token()).get("/api/v1/cases/" + refundCase.get("caseId").asText()).then().statusCode(200);

        JsonNode keyAccountCase = opened(topics, bigCustomer.id());
        assertEquals(keyAccounts, keyAccountCase.get("ownerTeam").asText());
        assertTrue(keyAccountCase.get("assignee").isNull());
        admin().get("/api/v1/cases/" + keyAccountCase.get("caseId").asText()).then()
                .body("routingRule", equalTo(enterprise));

        assertEquals(refundTeam, opened(topics, both.id()).get("ownerTeam").asText(), "the lower position wins");

        JsonNode fallbackCase = opened(topics, neither.id());
        assertEquals("customer-care", fallbackCase.get("ownerTeam").asText());
        admin().get("/api/v1/cases/" + fallbackCase.get("caseId").asText()).then().body("routingRule", nullValue());

        // a deactivated assignee no longer gets cases: the team does
        admin().delete("/api/v1/teams/" + refundTeam + "/members/" + ivan.email()).then().statusCode(204);
        CategorizedEvents later = feedback().nps(1).themes(refunds + "/slow").priority("high");
        later.publish(topics);
        JsonNode laterCase = opened(topics, later.id());
        assertEquals(refundTeam, laterCase.get("ownerTeam").asText());
        assertTrue(laterCase.get("assignee").isNull());

        admin().get("/api/v1/routing-rules").then().statusCode(200).body("id", hasItems(byTheme, bySegment));
        admin().delete("/api/v1/routing-rules/" + byTheme).then().statusCode(204);
        admin().delete("/api/v1/routing-rules/" + bySegment).then().statusCode(204);
    }

    @Test
    void aTeamIdThatCannotBeOneIsRefusedByNameNotByTheDatabase() {
        // a NUL or any other character no team id has: a 400 naming the field, not a database error
        for (String teamId : new String[] {"care\\u0000", "Care Team", "x".repeat(61)}) {
            String body = "{\"name\":\"" + unique("bad-team") + "\",\"conditions\":{\"segments\":[\"vip\"]},"
                    + "\"teamId\":\"" + teamId + "\"}";
            admin().body(body).post("/api/v1/routing-rules").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItems("teamId"));
        }
    }

    @Test
    void aLeadManagesOnlyTheTeamsItLeads() {
        String own = unique("led");
        String other = unique("not-led");
        createTeam(own);
        createTeam(other);
        OpsApi.Member lead = addMember(own, "lead");
        OpsApi.Member otherAgent = addMember(other, "agent");
        String calendar = "\"timeZone\":\"UTC\",\"workDays\":[\"MON\"],\"workStart\":\"09:00\",\"workEnd\":\"17:00\"";

        as(lead.token()).body("{\"name\":\"Renamed\"," + calendar + "}").put("/api/v1/teams/" + own).then().statusCode(200);
        as(lead.token()).body("{\"name\":\"Taken over\"," + calendar + "}").put("/api/v1/teams/" + other)
                .then().statusCode(403).body("type", equalTo("urn:feedbackloop:problem:other-team"));
        as(lead.token()).body("{\"email\":\"" + unique("new") + "@example.com\",\"role\":\"agent\"}")
                .post("/api/v1/teams/" + own + "/members").then().statusCode(201).body("initialPassword", notNullValue());
        as(lead.token()).body("{\"email\":\"" + unique("spy") + "@example.com\",\"role\":\"lead\"}")
                .post("/api/v1/teams/" + other + "/members").then().statusCode(403);
        as(lead.token()).delete("/api/v1/teams/" + other + "/members/" + otherAgent.email()).then().statusCode(403);
        // analysts read every team: only the administrator makes one; teams are the administrator's to create
        as(lead.token()).body("{\"email\":\"" + unique("analyst") + "@example.com\",\"role\":\"analyst\"}")
                .post("/api/v1/teams/" + own + "/members").then().statusCode(403);
        as(lead.token()).body("{\"id\":\"" + unique("mine") + "\",\"name\":\"Mine\"," + calendar + "}")
                .post("/api/v1/teams").then().statusCode(403);

        // routing rules belong to the team they route to
        String toOther = "{\"name\":\"" + unique("steal") + "\",\"conditions\":{\"themes\":[\"" + unique("t")
                + "\"]},\"teamId\":\"" + other + "\"}";
        as(lead.token()).body(toOther).post("/api/v1/routing-rules").then().statusCode(403);
        String othersRule = createRoutingRule(toOther);
        as(lead.token()).body(toOther).put("/api/v1/routing-rules/" + othersRule).then().statusCode(403);
        as(lead.token()).delete("/api/v1/routing-rules/" + othersRule).then().statusCode(403);
        String toOwn = "{\"name\":\"" + unique("mine") + "\",\"conditions\":{\"themes\":[\"" + unique("t")
                + "\"]},\"teamId\":\"" + own + "\"}";
        String ownRule = as(lead.token()).body(toOwn).post("/api/v1/routing-rules").then().statusCode(201)
                .extract().path("id");
        as(lead.token()).body(toOther).put("/api/v1/routing-rules/" + ownRule).then().statusCode(403);
        as(lead.token()).delete("/api/v1/routing-rules/" + ownRule).then().statusCode(204);
        admin().delete("/api/v1/routing-rules/" + othersRule).then().statusCode(204);
    }

    @Test
    void invalidRoutingRulesAreRefusedAndOnlyLeadsManageThem() {
        String team = unique("routing");
        createTeam(team);
        OpsApi.Member agent = addMember(team, "agent");
        admin().body("""
                {"name":"r1","conditions":{"themes":["billing"]},"teamId":"no-such-team"}""")
                .post("/api/v1/routing-rules").then().statusCode(400).body("violations.field", contains("teamId"));
        admin().body("""
                {"name":"r1","conditions":{"themes":["billing"]},"teamId":"%s","assignee":"stranger@example.com"}"""
                .formatted(team)).post("/api/v1/routing-rules").then().statusCode(400)
                .body("violations.field", contains("assignee"));
        admin().body("""
                {"name":"r1","conditions":{"theme":["billing"],"priorities":["urgent"]},"teamId":"%s"}"""
                .formatted(team)).post("/api/v1/routing-rules").then().statusCode(400)
                .body("violations.field", contains("conditions.theme"));
        admin().body("""
                {"name":"r1","conditions":{"priorities":["urgent"],"languages":["de"]},"teamId":"%s"}"""
                .formatted(team)).post("/api/v1/routing-rules").then().statusCode(400)
                .body("violations.field", contains("conditions.languages[0]", "conditions.priorities[0]"));
        as(agent.token()).get("/api/v1/routing-rules").then().statusCode(403);
        as(agent.token()).body("""
                {"name":"r1","conditions":{"themes":["billing"]},"teamId":"%s"}""".formatted(team))
                .post("/api/v1/routing-rules").then().statusCode(403);
    }
}
