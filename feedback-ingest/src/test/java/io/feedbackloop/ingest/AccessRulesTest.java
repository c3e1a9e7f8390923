package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.kit.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Who may do what at the front door: channels through their keys, people through their tokens,
 * and what each of them sees of the others.
 */
@QuarkusTest
class AccessRulesTest {

    private static final String NOT_JSON = "{ this is not json";

    @Test
    void anInvitationIsSeenOnlyByTheChannelThatAskedForItAndByPeopleWhoReadEverything() {
        String id = invite("web", survey(), "c-scope-" + UUID.randomUUID(), null).statusCode(201).extract().path("id");
        IngestApi.as("web").when().get("/api/v1/invitations/" + id).then().statusCode(200);
        IngestApi.as("email").when().get("/api/v1/invitations/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/invitations/" + id).then().statusCode(200);
        IngestApi.admin().when().get("/api/v1/invitations/" + id).then().statusCode(200);
    }

    @Test
    void aChannelCannotRemindOfAnotherChannelsInvitation() {
        String survey = survey();
        String customer = "c-remind-" + UUID.randomUUID();
        String original = invite("web", survey, customer, null).statusCode(201).extract().path("id");
        IngestApi.as("email").contentType(ContentType.JSON).body("""
                        {"surveyId":"%s","customer":%s,"reminderOf":"%s"}""".formatted(survey, customer(customer), original))
                .when().post("/api/v1/invitations")
                .then().statusCode(400).body("violations[0].field", equalTo("reminderOf"));
    }

    @Test
    void anEventIdIsUniquePerChannelNotAcrossChannels() {
        String survey = survey();
        String eventId = "order-" + UUID.randomUUID() + "-paid";
        String byWeb = invite("web", survey, "c-ev-1", eventId).statusCode(201).extract().path("id");
        String byEmail = invite("email", survey, "c-ev-2", eventId).statusCode(201)
                .body("id", not(equalTo(byWeb))).extract().path("id");
        invite("web", survey, "c-ev-1", eventId).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(byWeb));
        invite("email", survey, "c-ev-2", eventId).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(byEmail));
    }

    @Test
    void analystsReadAllFeedbackButSubmitNothingAndAgentsReadNone() {
        String id = IngestApi.submitWeb(IngestApi.submission("c-analyst", "6", "null"));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/feedback/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/feedback?channel=web").then().statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(IngestApi.submission("c-analyst", "6", "null")).when().post("/api/v1/feedback")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(Roles.CHANNEL));
        given().auth().oauth2(TestTokens.agent("support")).when().get("/api/v1/feedback/" + id)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void refusesBeforeTheBodyIsReadWithAChallengeOn401() {
        given().contentType(ContentType.JSON).body(NOT_JSON).when().post("/api/v1/feedback")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("X-Api-Key", "fbk_guessed").contentType(ContentType.JSON).body(NOT_JSON)
                .when().post("/api/v1/feedback")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(NOT_JSON)
                .when().post("/api/v1/feedback").then().statusCode(403);
        given().contentType("text/csv").body("customer_id\nc-1\n").when().post("/api/v1/feedback/import")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(TestTokens.analyst()).contentType("text/csv").body("customer_id\nc-1\n")
                .when().post("/api/v1/feedback/import").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyValidTokensCount() {
        given().auth().oauth2(TestTokens.expired("admin@example.org", Set.of(Roles.ADMIN), Set.of()))
                .when().get("/api/v1/admin/channels/web/keys")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
        given().auth().oauth2(TestTokens.signedByStranger("admin@example.org", Set.of(Roles.ADMIN), Set.of()))
                .when().get("/api/v1/admin/channels/web/keys").then().statusCode(401);
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/admin/channels/web/keys")
                .then().statusCode(403).body("detail", containsString(Roles.ADMIN));
        IngestApi.admin().when().get("/api/v1/admin/channels/web/keys").then().statusCode(200);
    }

    @Test
    void noAdministratorSecretIsLeftInThisService() {
        // the administrator is a person with a signed token now; the old shared token opens nothing
        given().auth().oauth2("test-admin-token").when().get("/api/v1/admin/channels/web/keys").then().statusCode(401);
        assertTrue(StreamSupport.stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .noneMatch(name -> name.startsWith("ingest.") && name.contains("admin")), "an ingest.*admin* property");
    }

    private static String survey() {
        String id = "access-" + UUID.randomUUID().toString().substring(0, 8);
        IngestApi.admin().contentType(ContentType.JSON).body("""
                        {"id":"%s","name":"Survey %s","metric":"nps","channel":"email","contactFrequencyDays":0}"""
                        .formatted(id, id))
                .when().post("/api/v1/surveys").then().statusCode(201);
        return id;
    }

    private static String customer(String customerId) {
        return """
                {"id":"%s","email":"anna@example.com","name":"Anna"}""".formatted(customerId);
    }

    private static ValidatableResponse invite(String channel, String surveyId, String customerId, String eventId) {
        return IngestApi.as(channel).contentType(ContentType.JSON).body("""
                        {"surveyId":"%s","customer":%s%s}""".formatted(surveyId, customer(customerId),
                        eventId == null ? "" : ",\"eventId\":\"" + eventId + "\""))
                .when().post("/api/v1/invitations").then();
    }
}
