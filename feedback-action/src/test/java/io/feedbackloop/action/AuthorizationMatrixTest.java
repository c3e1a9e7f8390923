package io.feedbackloop.action;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.feedbackloop.kit.security.AuthorizationMatrix;
import io.feedbackloop.kit.security.AuthorizationMatrix.Identity;
import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.LoopTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the service's own OpenAPI document, called by every kind of caller, answers
 * as {@code authorization-matrix.txt} says; an operation missing from the table fails the test.
 */
@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "action"))
class AuthorizationMatrixTest {

    /** Seeded at startup, so it exists whatever order the tests run in. */
    private static final String TEAM = "customer-care";

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        String openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        AuthorizationMatrix.Outcome outcome = AuthorizationMatrix.fromResource("authorization-matrix.txt").check(openApi,
                List.of(Identity.none(),
                        Identity.bearer("agent", TestTokens.agent(TEAM)),
                        Identity.bearer("lead", TestTokens.lead(TEAM)),
                        Identity.bearer("analyst", TestTokens.analyst()),
                        Identity.bearer("admin", TestTokens.admin()),
                        Identity.header("channel", "X-Api-Key", "fbk_made-up-channel-key"),
                        Identity.bearer("expired", TestTokens.expired("admin@example.org", Set.of(Roles.ADMIN), Set.of())),
                        Identity.bearer("stranger", TestTokens.signedByStranger("admin@example.org", Set.of(Roles.ADMIN),
                                Set.of())),
                        Identity.bearer("other-team", TestTokens.agent("no-such-team")),
                        Identity.header("other-channel", "X-Api-Key", "fbk_another-made-up-key")));
        System.out.println("AUTHORIZATION MATRIX feedback-action: " + outcome.summary());
        assertTrue(outcome.mismatches().isEmpty(), String.join("\n", outcome.mismatches()));
    }
}
