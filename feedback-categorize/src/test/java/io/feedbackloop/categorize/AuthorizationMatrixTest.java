package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * says. This service has no teams and no channel keys: agent and lead are people of some team,
 * and an {@code X-Api-Key} is no credential here (401).
 *
 * <p>The one operation an allowed caller really executes without a body or an id is the admin's
 * retrain. Quarkus runs this class before the tests that correct feedback (test classes run by
 * name), so fewer than 10 corrections exist and the retrain answers 422; the test checks that the
 * run left the model as it found it.
 */
@QuarkusTest
class AuthorizationMatrixTest extends TopicsTestBase {

    private static final String TEAM = "team-parcels";

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        String modelBefore = asAdmin().get("/api/v1/model").asString();
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

        System.out.println("AUTHORIZATION MATRIX feedback-categorize: " + outcome.summary());
        assertTrue(outcome.mismatches().isEmpty(), String.join("\n", outcome.mismatches()));
        assertEquals(modelBefore, asAdmin().get("/api/v1/model").asString(), "the matrix run trained no model");
    }
}
