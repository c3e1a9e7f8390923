package io.feedbackloop.notifier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.feedbackloop.kit.security.AuthorizationMatrix;
import io.feedbackloop.kit.security.AuthorizationMatrix.Identity;
import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.kit.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the API against every kind of caller, as {@code authorization-matrix.txt}
 * says. Agent and lead belong to some team, and an {@code X-Api-Key} is no credential here (401).
 * The only id-less operations without a body are reads; retry takes an id (made up: 404), the
 * unsubscribe link a token (made up: 400, nothing unsubscribed).
 */
@QuarkusTest
class AuthorizationMatrixTest extends TopicsTestBase {

    private static final String TEAM = "team-delivery";

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Set<String> admin = Set.of(Roles.ADMIN);

        AuthorizationMatrix.Outcome outcome = AuthorizationMatrix.fromResource("authorization-matrix.txt")
                .check(document, List.of(
                        Identity.none(),
                        Identity.bearer("agent", TestTokens.agent(TEAM)),
                        Identity.bearer("lead", TestTokens.lead(TEAM)),
                        Identity.bearer("analyst", TestTokens.analyst()),
                        Identity.bearer("admin", TestTokens.admin()),
                        Identity.header("channel", "X-Api-Key", "fbk_made-up-web-key"),
                        Identity.bearer("expired", TestTokens.expired("admin@example.org", admin, Set.of())),
                        Identity.bearer("stranger", TestTokens.signedByStranger("admin@example.org", admin, Set.of())),
                        Identity.bearer("other-team", TestTokens.agent("team-elsewhere")),
                        Identity.header("other-channel", "X-Api-Key", "fbk_made-up-email-key")));

        System.out.println("AUTHORIZATION MATRIX closeloop-notifier: " + outcome.summary());
        assertTrue(outcome.mismatches().isEmpty(), String.join("\n", outcome.mismatches()));
    }
}
