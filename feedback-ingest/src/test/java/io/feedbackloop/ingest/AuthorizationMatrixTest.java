package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.feedbackloop.ingest.rest.security.ApiKeyAuthenticationMechanism;
import io.feedbackloop.kit.security.AuthorizationMatrix;
import io.feedbackloop.kit.security.AuthorizationMatrix.Identity;
import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.kit.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's own OpenAPI document, called as every kind of caller, answers
 * as {@code authorization-matrix.txt} says; an operation missing from the table fails the test.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String TEAM = "support";
    private static final String ADMIN = "admin@example.org";

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        String document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        // real keys of two channels, issued through the admin API as an integrator would get them
        String webKey = IngestApi.issueKey("web");
        String emailKey = IngestApi.issueKey("email");
        List<Identity> identities = List.of(
                Identity.none(),
                Identity.bearer("agent", TestTokens.agent(TEAM)),
                Identity.bearer("lead", TestTokens.lead(TEAM)),
                Identity.bearer("analyst", TestTokens.analyst()),
                Identity.bearer("admin", TestTokens.admin()),
                Identity.header("channel", ApiKeyAuthenticationMechanism.HEADER, webKey),
                Identity.bearer("expired", TestTokens.expired(ADMIN, Set.of(Roles.ADMIN), Set.of())),
                Identity.bearer("stranger", TestTokens.signedByStranger(ADMIN, Set.of(Roles.ADMIN), Set.of())),
                Identity.bearer("other-team", TestTokens.agent("another-team")),
                Identity.header("other-channel", ApiKeyAuthenticationMechanism.HEADER, emailKey));

        AuthorizationMatrix.Outcome outcome = AuthorizationMatrix.fromResource("authorization-matrix.txt")
                .check(document, identities);

        System.out.println("AUTHORIZATION MATRIX feedback-ingest: " + outcome.summary());
        assertTrue(outcome.mismatches().isEmpty(), String.join("\n", outcome.mismatches()));
    }
}
