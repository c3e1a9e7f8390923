package io.feedbackloop.ingest;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.feedbackloop.kit.security.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** How the tests call feedback-ingest: as an administrator (a person's token) or as a support channel with its key. */
final class IngestApi {

    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private IngestApi() {
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    /** A request authenticated with a (shared, lazily issued) key of the channel. */
    static RequestSpecification as(String channel) {
        return given().header("X-Api-Key", key(channel));
    }

    static String key(String channel) {
        return KEYS.computeIfAbsent(channel, IngestApi::issueKey);
    }

    static String issueKey(String channel) {
        return admin().contentType(ContentType.JSON).body("{\"label\":\"tests\"}")
                .when().post("/api/v1/admin/channels/" + channel + "/keys")
                .then().statusCode(201).extract().path("key");
    }

    static String submission(String customerId, String score, String text) {
        return """
                {"customer":{"id":"%s","email":"anna@example.com","name":"Анна","locale":"ru"},
                 "channel":"web","npsScore":%s,"text":%s}""".formatted(customerId, score, text);
    }

    /** Posts a valid web feedback and returns its id. */
    static String submitWeb(String body) {
        return as("web").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }
}
