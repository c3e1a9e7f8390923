package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Each support channel has its own API keys; a key only works for its channel, and until revoked. */
@QuarkusTest
class ChannelKeysTest {

    private static final String WEB_FEEDBACK = IngestApi.submission("c-keys", "7", "null");

    @Test
    void requestsWithoutAValidKeyAreUnauthorized() {
        given().contentType(ContentType.JSON).body(WEB_FEEDBACK).when().post("/api/v1/feedback")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().header("X-Api-Key", "fbk_not-a-real-key").contentType(ContentType.JSON).body(WEB_FEEDBACK)
                .when().post("/api/v1/feedback")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong-token").when().get("/api/v1/feedback")
                .then().statusCode(401);
    }

    @Test
    void aKeyCanOnlySubmitForItsOwnChannel() {
        IngestApi.as("chat").contentType(ContentType.JSON).body(WEB_FEEDBACK).when().post("/api/v1/feedback")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("this API key belongs to channel 'chat' and cannot submit for 'web'"));
    }

    @Test
    void aChannelCannotReadAnotherChannelsFeedback() {
        String id = IngestApi.submitWeb(WEB_FEEDBACK);
        IngestApi.as("chat").when().get("/api/v1/feedback/" + id).then().statusCode(404);
        IngestApi.as("web").when().get("/api/v1/feedback/" + id).then().statusCode(200);
        IngestApi.admin().when().get("/api/v1/feedback/" + id).then().statusCode(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String key = IngestApi.issueKey("sms");
        String sms = WEB_FEEDBACK.replace("\"web\"", "\"sms\"");
        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(sms).when().post("/api/v1/feedback")
                .then().statusCode(201);
        String keyId = IngestApi.admin().when().get("/api/v1/admin/channels/sms/keys")
                .then().statusCode(200).extract().path("find { it.keyPrefix == '" + key.substring(0, 8) + "' }.id");
        IngestApi.admin().when().delete("/api/v1/admin/channels/sms/keys/" + keyId)
                .then().statusCode(200).body("revokedAt", not(nullValue()));
        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(sms).when().post("/api/v1/feedback")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
    }

    @Test
    void keysAreShownOnceAndManagedOnlyWithTheAdminToken() {
        IngestApi.admin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/admin/channels/phone/keys")
                .then().statusCode(201).body("key", org.hamcrest.Matchers.startsWith("fbk_"))
                .body("channel", equalTo("phone"));
        IngestApi.admin().when().get("/api/v1/admin/channels/phone/keys")
                .then().statusCode(200).body("key", everyItem(nullValue())).body("channel", hasItem("phone"));
        IngestApi.as("web").contentType(ContentType.JSON).body("{}").when().post("/api/v1/admin/channels/web/keys")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/admin/channels/web/keys")
                .then().statusCode(401);
        IngestApi.admin().contentType(ContentType.JSON).body("{}").when().post("/api/v1/admin/channels/carrier-pigeon/keys")
                .then().statusCode(400).body("violations[0].field", equalTo("channel"));
    }
}
