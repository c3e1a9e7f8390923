package io.feedbackloop.action;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackloop.kit.security.TestTokens;
import io.feedbackloop.stack.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What ops do over REST (teams, members, rules) and see on Kafka, for the rule, routing and SLA tests. */
final class OpsApi {

    static final String OPENED = "action.opened.v1";
    static final String UPDATED = "action.updated.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpsApi() {
    }

    /** A person added to a team, with a token as the issuer signs it for them. */
    record Member(String email, String token) {
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(TestTokens.admin());
    }

    /** A short random suffix: every test makes its own teams, segments and themes, so tests never see each other's rules. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void createTeam(String id, String timeZone, String workDays, String start, String end, String holidays) {
        admin().body("""
                {"id":"%s","name":"Team %s","timeZone":"%s","workDays":%s,"workStart":"%s","workEnd":"%s",
                 "holidays":%s,"fallback":false}""".formatted(id, id, timeZone, workDays, start, end, holidays))
                .post("/api/v1/teams").then().statusCode(201);
    }

    static void createTeam(String id) {
        createTeam(id, "UTC", "[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]", "09:00", "18:00", "[]");
    }

    static Member addMember(String team, String role) {
        String email = unique(role) + "@example.com";
        admin().body("""
                {"email":"%s","name":"%s","role":"%s"}""".formatted(email, email.substring(0, email.indexOf('@')), role))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201);
        return new Member(email, TestTokens.person(email, Set.of(role), Set.of(team)));
    }

    /** Signs in at the built-in issuer: the access token. */
    static String signIn(String email, String password) {
        return given().formParam("grant_type", "password").formParam("username", email).formParam("password", password)
                .post("/auth/token").then().statusCode(200).extract().path("access_token");
    }

    static String createCaseRule(String body) {
        return admin().body(body).post("/api/v1/case-rules").then().statusCode(201).extract().path("id");
    }

    static String createRoutingRule(String body) {
        return admin().body(body).post("/api/v1/routing-rules").then().statusCode(201).extract().path("id");
    }

    /** The action.opened.v1 of a feedback, waited for. */
    static JsonNode opened(TopicProbe topics, String feedbackId) {
        List<ConsumerRecord<String, String>> records = topics.await(OPENED, r -> feedbackId.equals(r.key()), 1,
                Duration.ofSeconds(60));
        if (records.isEmpty()) {
            throw new AssertionError("no case was opened for feedback " + feedbackId);
        }
        return read(records.get(0).value());
    }

    /** Every action.opened.v1 of a feedback after a quiet period: for asserting how many there are. */
    static List<ConsumerRecord<String, String>> openedAfterQuiet(TopicProbe topics, String feedbackId) {
        return topics.settle(OPENED, r -> feedbackId.equals(r.key()), Duration.ofSeconds(3));
    }

    /** The action.updated.v1 events of a feedback with the given change, waiting until there are {@code atLeast}. */
    static List<JsonNode> updates(TopicProbe topics, String feedbackId, String change, int atLeast, Duration timeout) {
        return topics.await(UPDATED, r -> feedbackId.equals(r.key()) && change.equals(read(r.value()).path("change")
                .asText()), atLeast, timeout).stream().map(r -> read(r.value())).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
