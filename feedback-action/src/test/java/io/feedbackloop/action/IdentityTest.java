package io.feedbackloop.action;

import static io.feedbackloop.action.OpsApi.admin;
import static io.feedbackloop.action.OpsApi.as;
import static io.feedbackloop.action.OpsApi.createTeam;
import static io.feedbackloop.action.OpsApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/** The built-in issuer: sign-in, refresh with rotation, logout, personal access tokens, JWKS, the account. */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class IdentityTest {

    private static final String PAT_GRANT = "urn:feedback-loop:personal-access-token";

    /** A new agent of a new team with a password of its own; returns the email. */
    private static String agentWithPassword(String team, String password) {
        createTeam(team);
        String email = unique("signin") + "@example.com";
        admin().body("{\"email\":\"%s\",\"name\":\"Signe\",\"role\":\"agent\",\"password\":\"%s\"}".formatted(email, password))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201)
                .body("initialPassword", nullValue());
        return email;
    }

    private static Response signIn(String email, String password) {
        return given().formParam("grant_type", "password").formParam("username", email)
                .formParam("password", password).post("/auth/token");
    }

    private static Response refresh(String refreshToken) {
        return given().formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/auth/token");
    }

    @Test
    void aPersonSignsInWithEmailAndPasswordAndWorksWithTheToken() throws Exception {
        String team = unique("signin-team");
        String email = agentWithPassword(team, "Correct-Horse-42");

        Response signedIn = signIn(email, "Correct-Horse-42");
        signedIn.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                .body("refresh_token", startsWith("rt_"));
        String token = signedIn.path("access_token");

        // the JWKS the other services fetch verifies it, with the claims every service reads
        String jwks = given().get("/auth/jwks").then().statusCode(200).extract().asString();
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer(TestTokens.ISSUER).setExpectedAudience("feedback-loop").setRequireExpirationTime()
                .build().processToClaims(token);
        assertEquals(email, claims.getClaimValueAsString("upn"));
        assertEquals(List.of("agent"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of(team), claims.getStringListClaimValue("teams"));
        assertEquals(900, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertNotEquals(null, claims.getJwtId());
        given().get("/auth/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(TestTokens.ISSUER)).body("jwks_uri", equalTo(TestTokens.ISSUER + "/jwks"));

        // and this service accepts it: the agent reads its team's members and who it is
        as(token).get("/api/v1/teams/" + team + "/members").then().statusCode(200).body("email", contains(email));
        as(token).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email))
                .body("roles", contains("agent")).body("teams", contains(team)).body("account", equalTo(true));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = agentWithPassword(unique("wrong-pw"), "Correct-Horse-42");
        String wrongPassword = signIn(email, "Wrong-Horse-42").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .extract().path("detail");
        String unknownEmail = signIn(unique("nobody") + "@example.com", "Correct-Horse-42").then().statusCode(401)
                .extract().path("detail");
        assertEquals(wrongPassword, unknownEmail);
        given().formParam("grant_type", "password").formParam("username", email).post("/auth/token")
                .then().statusCode(400).body("violations.field", contains("password"));
        given().formParam("grant_type", "client_credentials").post("/auth/token").then().statusCode(400)
                .body("violations.field", contains("grant_type"));
    }

    @Test
    void guessingPasswordsIsThrottledPerEmail() {
        String email = agentWithPassword(unique("throttled"), "Correct-Horse-42");
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(email, "guess-" + attempt + "-Aa").then().statusCode(401);
        }
        signIn(email, "Correct-Horse-42").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // another email from the same address is not held up
        signIn("root@example.org", "Loop-Root-Pa55-2026").then().statusCode(200);
    }

    @Test
    void aRefreshTokenIsUsedOnceAndItsReuseRevokesTheSignIn() {
        String email = agentWithPassword(unique("refresh"), "Correct-Horse-42");
        String first = signIn(email, "Correct-Horse-42").path("refresh_token");

        Response rotated = refresh(first);
        rotated.then().statusCode(200).body("access_token", notNullValue());
        String second = rotated.path("refresh_token");
        assertNotEquals(first, second);
        as(rotated.path("access_token")).get("/api/v1/me").then().statusCode(200);

        // the first one again: someone kept a copy, so the whole sign-in ends, the current token too
        refresh(first).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("used before"));
        refresh(second).then().statusCode(401);
        refresh("rt_made-up").then().statusCode(401);
    }

    @Test
    void logoutEndsTheSignIn() {
        String email = agentWithPassword(unique("logout"), "Correct-Horse-42");
        Response signedIn = signIn(email, "Correct-Horse-42");
        String refreshToken = signedIn.path("refresh_token");
        given().formParam("refresh_token", refreshToken).post("/auth/logout").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(signedIn.path("access_token")).formParam("refresh_token", refreshToken)
                .post("/auth/logout").then().statusCode(204);
        refresh(refreshToken).then().statusCode(401);
    }

    @Test
    void personalAccessTokensAreShownOnceListedExchangedAndRevoked() {
        String email = agentWithPassword(unique("pat"), "Correct-Horse-42");
        String token = signIn(email, "Correct-Horse-42").path("access_token");

        Response created = as(token).body("{\"name\":\"nightly export\",\"expiresInDays\":30}").post("/api/v1/me/tokens");
        created.then().statusCode(201).body("name", equalTo("nightly export")).body("expiresAt", notNullValue());
        String pat = created.path("token");
        String id = created.path("id");
        as(token).get("/api/v1/me/tokens").then().statusCode(200).body("id", contains(id))
                .body("[0]", not(hasKey("token"))).body("[0].revokedAt", nullValue());

        Response exchanged = given().formParam("grant_type", PAT_GRANT).formParam("token", pat).post("/auth/token");
        exchanged.then().statusCode(200).body("expires_in", equalTo(900)).body("$", not(hasKey("refresh_token")));
        as(exchanged.path("access_token")).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
        as(token).get("/api/v1/me/tokens").then().body("[0].lastUsedAt", notNullValue());

        as(token).delete("/api/v1/me/tokens/" + id).then().statusCode(204);
        given().formParam("grant_type", PAT_GRANT).formParam("token", pat).post("/auth/token").then().statusCode(401);
        as(token).get("/api/v1/me/tokens").then().body("[0].revokedAt", notNullValue());
        // nobody revokes another person's token: it does not exist for them
        String otherPerson = signIn("root@example.org", "Loop-Root-Pa55-2026").path("access_token");
        as(otherPerson).delete("/api/v1/me/tokens/" + id).then().statusCode(404);
        as(token).body("{\"name\":\"\"}").post("/api/v1/me/tokens").then().statusCode(400);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOneAStrongNewOneAndEndsOtherSignIns() {
        String email = agentWithPassword(unique("change"), "Correct-Horse-42");
        Response signedIn = signIn(email, "Correct-Horse-42");
        String token = signedIn.path("access_token");
        as(token).body("{\"currentPassword\":\"Wrong-Horse-42\",\"newPassword\":\"short\"}").put("/api/v1/me/password")
                .then().statusCode(400).body("violations.field", contains("currentPassword", "newPassword"));
        as(token).body("{\"currentPassword\":\"Correct-Horse-42\",\"newPassword\":\"Battery-Staple-77\"}")
                .put("/api/v1/me/password").then().statusCode(204);
        refresh(signedIn.path("refresh_token")).then().statusCode(401);
        signIn(email, "Correct-Horse-42").then().statusCode(401);
        signIn(email, "Battery-Staple-77").then().statusCode(200);
        // a weak password is refused when a lead sets it, too
        admin().body("{\"email\":\"%s\",\"role\":\"agent\",\"password\":\"password1234\"}".formatted(unique("weak") + "@example.com"))
                .post("/api/v1/teams/customer-care/members").then().statusCode(400)
                .body("violations.field", contains("password"));
    }

    @Test
    void theSeededAdministratorSignsInAndSetsUpTeams() {
        String token = signIn("root@example.org", "Loop-Root-Pa55-2026").then().statusCode(200)
                .extract().path("access_token");
        as(token).get("/api/v1/me").then().statusCode(200).body("roles", contains("admin"))
                .body("teams", org.hamcrest.Matchers.empty());
        String team = unique("by-root");
        as(token).body("""
                {"id":"%s","name":"By root","timeZone":"UTC","workDays":["MON"],"workStart":"09:00","workEnd":"17:00"}"""
                .formatted(team)).post("/api/v1/teams").then().statusCode(201);
        // a person of another provider has no account here: who they are, but no password or tokens to manage
        as(TestTokens.analyst()).get("/api/v1/me").then().statusCode(200).body("account", equalTo(false));
        as(TestTokens.analyst()).get("/api/v1/me/tokens").then().statusCode(404);
    }

    @Test
    void protectedEndpointsChallengeBeforeReadingTheBody() {
        ValidatableResponse response = given().contentType("application/json").body("{ this is not json")
                .put("/api/v1/me/password").then().statusCode(401);
        response.header("WWW-Authenticate", startsWith("Bearer")).contentType("application/problem+json");
    }
}
