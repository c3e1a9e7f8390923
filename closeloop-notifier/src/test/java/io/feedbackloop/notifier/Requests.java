package io.feedbackloop.notifier;

import static io.restassured.RestAssured.given;

import io.feedbackloop.kit.security.TestTokens;
import io.restassured.specification.RequestSpecification;

/** Requests as the admin who reads messages and preferences: the API answers nobody without a token. */
final class Requests {

    private Requests() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin());
    }
}
