package io.feedbackloop.categorize;

import static io.restassured.RestAssured.given;

import java.util.Set;

import io.feedbackloop.kit.security.Roles;
import io.feedbackloop.kit.security.TestTokens;
import io.restassured.specification.RequestSpecification;

/** Requests as the people who make them: the service answers nobody without a token. */
final class Requests {

    /** The analyst the tests correct and edit as: the name the service records as the author. */
    static final String OLGA = "olga@ops.example";

    private Requests() {
    }

    static RequestSpecification asAnalyst() {
        return as(TestTokens.person(OLGA, Set.of(Roles.ANALYST), Set.of()));
    }

    /** An agent of the team: the name the service records is {@code agent-<team>@example.org}. */
    static RequestSpecification asAgent(String team) {
        return as(TestTokens.agent(team));
    }

    /** A team lead: the name the service records is {@code lead-<team>@example.org}. */
    static RequestSpecification asLead(String team) {
        return as(TestTokens.lead(team));
    }

    static RequestSpecification asAdmin() {
        return as(TestTokens.admin());
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
