package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.notifier.service.UnsubscribeLinks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A customer's choice is changed by the customer's own signed link or by an admin, by nobody else. */
@QuarkusTest
class PreferenceAccessTest extends TopicsTestBase {

    private static final String SUBSCRIBE = "{\"email\": \"subscribed\", \"changedBy\": \"someone\"}";

    @Inject
    UnsubscribeLinks links;

    @Test
    void nobodyButAnAdminResubscribesACustomerWhoOptedOutThroughTheirLink() {
        String customerId = "c-" + UUID.randomUUID();
        given().accept("text/html").post("/unsubscribe/" + links.token(customerId, "email")).then().statusCode(200);

        given().contentType(ContentType.JSON).body(SUBSCRIBE).put("/api/v1/customers/" + customerId + "/preferences")
                .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Bearer"));
        for (String token : new String[] {TestTokens.agent("team-a"), TestTokens.lead("team-a"), TestTokens.analyst()}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(SUBSCRIBE)
                    .put("/api/v1/customers/" + customerId + "/preferences")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        // another customer's link does not work on this one: the token names its own customer
        given().accept("text/html").post("/unsubscribe/" + links.token("c-someone-else", "email") + "x")
                .then().statusCode(400);
        asAdmin().get("/api/v1/customers/" + customerId + "/preferences").then().body("email", equalTo("unsubscribed"));

        asAdmin().contentType(ContentType.JSON).body(SUBSCRIBE).put("/api/v1/customers/" + customerId + "/preferences")
                .then().statusCode(200).body("email", equalTo("subscribed"));
    }
}
