package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.feedbackloop.kit.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The abuse limits with small numbers: per client address (each test is its own client, named by a
 * trusted proxy's X-Forwarded-For), per API key, and invitations per channel.
 */
@QuarkusTest
@TestProfile(AbuseLimitsTest.SmallLimits.class)
class AbuseLimitsTest {

    static final int PER_ADDRESS = 6;
    static final int PER_KEY = 3;
    static final int INVITATIONS = 2;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rate-limits.per-address.requests", String.valueOf(PER_ADDRESS),
                    "rate-limits.per-address.period", "PT1H",
                    "rate-limits.per-key.requests", String.valueOf(PER_KEY),
                    "rate-limits.per-key.period", "PT1H",
                    "rate-limits.invitations-per-channel.requests", String.valueOf(INVITATIONS),
                    "rate-limits.invitations-per-channel.period", "PT1H",
                    // as behind a reverse proxy: the client is the address it names
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void anAddressWithoutAPersonsTokenIsThrottledBeforeAnyKeyIsLookedUp() {
        RequestSpecification client = client();
        for (int i = 0; i < PER_ADDRESS; i++) {
            given().spec(client).header("X-Api-Key", "fbk_guess-" + i).when().get("/api/v1/feedback")
                    .then().statusCode(401);
        }
        tooMany(given().spec(client).header("X-Api-Key", "fbk_guess-next").when().get("/api/v1/feedback").then());
        tooMany(given().spec(client).when().get("/api/v1/feedback").then());
        // a person's token is verified without any lookup and is not counted per address
        given().spec(client).auth().oauth2(TestTokens.analyst()).when().get("/api/v1/feedback").then().statusCode(200);
    }

    @Test
    void theStreamedImportIsThrottledLikeEverythingElse() {
        RequestSpecification client = client();
        for (int i = 0; i < PER_ADDRESS; i++) {
            given().spec(client).contentType("text/csv").body("customer_id\nc-1\n").when().post("/api/v1/feedback/import")
                    .then().statusCode(401);
        }
        tooMany(given().spec(client).contentType("text/csv").body("customer_id\nc-1\n")
                .when().post("/api/v1/feedback/import").then());
    }

    @Test
    void aKeyIsLimitedOnItsOwn() {
        String busy = IngestApi.issueKey("web");
        String calm = IngestApi.issueKey("web");
        for (int i = 0; i < PER_KEY; i++) {
            given().spec(client()).header("X-Api-Key", busy).when().get("/api/v1/feedback").then().statusCode(200);
        }
        tooMany(given().spec(client()).header("X-Api-Key", busy).when().get("/api/v1/feedback").then());
        given().spec(client()).header("X-Api-Key", calm).when().get("/api/v1/feedback").then().statusCode(200);
    }

    @Test
    void aChannelAsksForSoManyInvitationsAnHourAndNoMore() {
        String key = IngestApi.issueKey("chat");
        String survey = "limits-" + UUID.randomUUID().toString().substring(0, 8);
        IngestApi.admin().contentType(ContentType.JSON).body("""
                        {"id":"%s","name":"Limits","metric":"nps","channel":"email","contactFrequencyDays":0}"""
                        .formatted(survey))
                .when().post("/api/v1/surveys").then().statusCode(201);
        for (int i = 0; i < INVITATIONS; i++) {
            invite(given().spec(client()).header("X-Api-Key", key), survey).statusCode(201);
        }
        tooMany(invite(given().spec(client()).header("X-Api-Key", key), survey));
        // an administrator (or the loop's own business events) is not capped
        invite(IngestApi.admin(), survey).statusCode(201);
    }

    private static ValidatableResponse invite(RequestSpecification request, String survey) {
        return request.contentType(ContentType.JSON).body("""
                        {"surveyId":"%s","customer":{"id":"c-%s","email":"anna@example.com"}}"""
                        .formatted(survey, UUID.randomUUID()))
                .when().post("/api/v1/invitations").then();
    }

    private static void tooMany(ValidatableResponse response) {
        response.statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .header("Retry-After", notNullValue());
    }

    /** A client address of its own (TEST-NET-3), as a trusted proxy names it. */
    private static RequestSpecification client() {
        return given().header("X-Forwarded-For", "203.0.113." + CLIENTS.incrementAndGet());
    }
}
