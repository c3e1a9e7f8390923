package io.feedbackloop.action;

import static io.feedbackloop.action.CaseFixtures.as;
import static io.feedbackloop.action.CaseFixtures.asAdmin;
import static io.feedbackloop.action.CaseFixtures.member;
import static io.feedbackloop.action.CaseFixtures.openCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.feedbackloop.action.CaseFixtures.Member;
import io.feedbackloop.action.CaseFixtures.OpenedCase;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may read and work which case: people with a verified token only; agents and leads their own
 * teams' cases (another team's do not exist for them), analysts read every case and change none,
 * the administrator does everything.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class CaseAccessTest {

    private static TopicProbe topics;
    private static OpenedCase theCase;
    private static Member ownAgent;
    private static Member otherAgent;
    private static Member otherLead;

    @BeforeAll
    static void setUp() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), CaseFixtures.OPENED);
    }

    @AfterAll
    static void tearDown() {
        topics.close();
    }

    private static synchronized OpenedCase theCase() {
        if (theCase == null) {
            theCase = openCase(topics, 3, "Support hung up on me", List.of());
            String otherTeam = "other-" + UUID.randomUUID().toString().substring(0, 8);
            ownAgent = member(theCase.ownerTeam(), "agent");
            otherAgent = member(otherTeam, "agent");
            otherLead = member(otherTeam, "lead");
        }
        return theCase;
    }

    private static String url(String suffix) {
        return "/api/v1/cases/" + theCase().caseId() + suffix;
    }

    @Test
    void withoutAStaffTokenNothingIsReadOrChanged() {
        String id = theCase().caseId();
        given().get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/cases/" + id).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/cases/" + id + "/audit").then().statusCode(401);
        // a broken body does not get a caller without a token further than the 401
        given().contentType(ContentType.JSON).body("{\"status\":\"nonsense\"}").put("/api/v1/cases/" + id + "/status")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/cases/" + id + "/close").then().statusCode(401);
        // a body that is not even JSON is never read: the challenge comes first
        given().contentType(ContentType.JSON).body("{ this is not json").post("/api/v1/cases/" + id + "/comments")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json");
        // an expired token, or one signed by a key the service does not trust, is no better than none
        as(TestTokens.expired("admin@example.org", Set.of("admin"), Set.of())).get("/api/v1/cases/" + id)
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        as(TestTokens.signedByStranger("admin@example.org", Set.of("admin"), Set.of())).get("/api/v1/cases/" + id)
                .then().statusCode(401);
        // a support channel's API key, or any unknown token, is not a staff token
        given().header("X-Api-Key", "fbk_whatever").get("/api/v1/cases/" + id).then().statusCode(401);
        as("fbk_0123456789").get("/api/v1/cases/" + id).then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/cases/" + id).then().statusCode(401);
        asAdmin().get("/api/v1/cases/" + id + "/audit").then().statusCode(200)
                .body("action", not(hasItem("status-changed")));
    }

    @Test
    void anAgentOfAnotherTeamCannotTellTheCaseExists() {
        OpenedCase c = theCase();
        String unknownId = UUID.randomUUID().toString();
        String unknown = otherAgent.as().get("/api/v1/cases/" + unknownId).then().statusCode(404).extract().asString();
        // the same answer, word for word, as for a case that does not exist
        String hidden = otherAgent.as().get(url("")).then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
        assertEquals(unknown.replace(unknownId, c.caseId()), hidden);
        otherAgent.as().get(url("/audit")).then().statusCode(404);
        otherAgent.as().body("{\"status\":\"in_progress\"}").put(url("/status")).then().statusCode(404);
        otherAgent.as().body("{\"visibility\":\"internal\",\"text\":\"peek\"}").post(url("/comments")).then().statusCode(404);
        otherAgent.as().body("{\"assignee\":\"" + otherAgent.email() + "\"}").put(url("/assignee")).then().statusCode(404);
        otherAgent.as().get("/api/v1/cases?feedbackId=" + c.feedbackId()).then().statusCode(200).body("items", hasSize(0));
        otherAgent.as().get("/api/v1/cases?team=" + c.ownerTeam() + "&limit=200").then().statusCode(200)
                .body("items", hasSize(0));
        otherAgent.as().get("/api/v1/cases?limit=200").then().statusCode(200)
                .body("items.ownerTeam", everyItem(equalTo(otherAgent.team())));
        asAdmin().get(url("/audit")).then().statusCode(200).body("action", not(hasItem("commented")));
    }

    @Test
    void anAgentOfTheOwnerTeamWorksTheCase() {
        OpenedCase c = theCase();
        ownAgent.as().get(url("")).then().statusCode(200).body("ownerTeam", equalTo(c.ownerTeam()));
        ownAgent.as().get("/api/v1/cases?feedbackId=" + c.feedbackId()).then().statusCode(200)
                .body("items.id", contains(c.caseId()));
        ownAgent.as().get("/api/v1/cases?limit=200").then().statusCode(200)
                .body("items.ownerTeam", everyItem(equalTo(c.ownerTeam())));
        // agents assign to themselves or a teammate, never to someone outside the team
        ownAgent.as().body("{\"assignee\":\"" + otherAgent.email() + "\"}").put(url("/assignee"))
                .then().statusCode(400).body("violations[0].field", equalTo("assignee"));
        ownAgent.as().body("{\"assignee\":\"" + ownAgent.email() + "\"}").put(url("/assignee"))
                .then().statusCode(200).body("assignee", equalTo(ownAgent.email()));
        ownAgent.as().get(url("/audit")).then().statusCode(200);
    }

    @Test
    void aLeadWorksItsOwnTeamsCasesOnlyTheAdministratorEveryTeams() {
        OpenedCase c = theCase();
        otherLead.as().get(url("")).then().statusCode(404);
        otherLead.as().get("/api/v1/cases?feedbackId=" + c.feedbackId()).then().statusCode(200)
                .body("items", hasSize(0));
        otherLead.as().body("{\"status\":\"in_progress\"}").put(url("/status")).then().statusCode(404);
        asAdmin().get(url("")).then().statusCode(200);
        asAdmin().get("/api/v1/cases?feedbackId=" + c.feedbackId()).then().statusCode(200)
                .body("items.id", contains(c.caseId()));
        // the owner team's lead assigns the case to any active member of the team
        Member ownLead = member(c.ownerTeam(), "lead");
        Member teammate = member(c.ownerTeam(), "agent");
        ownLead.as().get(url("/audit")).then().statusCode(200);
        ownLead.as().body("{\"assignee\":\"" + teammate.email() + "\"}").put(url("/assignee"))
                .then().statusCode(200).body("assignee", equalTo(teammate.email()));
        ownLead.as().body("{\"assignee\":null}").put(url("/assignee"))
                .then().statusCode(200).body("assignee", equalTo(null));
    }

    @Test
    void anAnalystReadsEveryTeamsCasesAndChangesNothing() {
        OpenedCase c = theCase();
        RequestSpecification analyst = CaseFixtures.as(TestTokens.analyst());
        analyst.get(url("")).then().statusCode(200).body("id", equalTo(c.caseId()));
        analyst.get(url("/audit")).then().statusCode(200);
        analyst.get("/api/v1/cases?feedbackId=" + c.feedbackId()).then().statusCode(200)
                .body("items.id", contains(c.caseId()));
        analyst.body("{\"status\":\"in_progress\"}").put(url("/status")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("agent, lead, admin"));
        analyst.body("{\"visibility\":\"internal\",\"text\":\"peek\"}").post(url("/comments")).then().statusCode(403);
        analyst.body("{\"assignee\":null}").put(url("/assignee")).then().statusCode(403);
        analyst.get("/api/v1/case-rules").then().statusCode(200);
        analyst.body("{\"name\":\"x\",\"conditions\":{\"segments\":[\"x\"]}}").post("/api/v1/case-rules")
                .then().statusCode(403);
        analyst.get("/api/v1/loop-metrics?team=" + c.ownerTeam()).then().statusCode(200);
    }

    @Test
    void aDeactivatedMemberCannotSignInAgainNorBeAssigned() {
        OpenedCase c = theCase();
        Member leaving = member(c.ownerTeam(), "agent");
        String password = "Leaving-Pa55-" + UUID.randomUUID();
        asAdmin().delete("/api/v1/teams/" + c.ownerTeam() + "/members/" + leaving.email()).then().statusCode(204);
        asAdmin().body("{\"email\":\"" + leaving.email() + "\",\"role\":\"agent\",\"password\":\"" + password + "\"}")
                .post("/api/v1/teams/" + c.ownerTeam() + "/members").then().statusCode(201);
        given().formParam("grant_type", "password").formParam("username", leaving.email())
                .formParam("password", password).post("/auth/token").then().statusCode(200);
        asAdmin().delete("/api/v1/teams/" + c.ownerTeam() + "/members/" + leaving.email()).then().statusCode(204);
        given().formParam("grant_type", "password").formParam("username", leaving.email())
                .formParam("password", password).post("/auth/token").then().statusCode(401)
                .contentType("application/problem+json");
        ownAgent.as().body("{\"assignee\":\"" + leaving.email() + "\"}").put(url("/assignee"))
                .then().statusCode(400).body("violations[0].field", equalTo("assignee"));
    }
}
