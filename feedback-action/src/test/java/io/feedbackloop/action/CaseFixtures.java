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

/** Teams, members and opened cases, made the way ops and the other services make them: REST and Kafka. */
final class CaseFixtures {

    static final String CATEGORIZED = "feedback.categorized.v1";
    static final String OPENED = "action.opened.v1";
    static final String UPDATED = "action.updated.v1";
    static final String RESOLVED = "action.resolved.v1";
    static final ObjectMapper JSON = new ObjectMapper();

    private CaseFixtures() {
    }

    /** A person added to a team, with a token as the issuer signs it for them. */
    record Member(String email, String token, String team) {

        RequestSpecification as() {
            return CaseFixtures.as(token);
        }
    }

    /** A case as action.opened.v1 announced it. */
    record OpenedCase(String caseId, String feedbackId, String ownerTeam) {
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static RequestSpecification asAdmin() {
        return as(TestTokens.admin());
    }

    /** The team, created by the administrator unless it exists (the fallback team is seeded by the service). */
    static void ensureTeam(String id) {
        if (asAdmin().get("/api/v1/teams/" + id).statusCode() == 200) {
            return;
        }
        asAdmin().body("""
                {"id":"%s","name":"Team %s","timeZone":"UTC","workDays":["MON","TUE","WED","THU","FRI","SAT","SUN"],
                 "workStart":"00:00","workEnd":"23:59","holidays":[],"fallback":false}""".formatted(id, id))
                .post("/api/v1/teams").then().statusCode(201);
    }

    static Member member(String team, String role) {
        ensureTeam(team);
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        asAdmin().body("""
                {"email":"%s","name":"%s","role":"%s"}""".formatted(email, email.substring(0, email.indexOf('@')), role))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201);
        return new Member(email, TestTokens.person(email, Set.of(role), Set.of(team)), team);
    }

    /**
     * Publishes a categorized NPS detractor, as feedback-categorize would, and waits for the case it
     * opens. No themes unless given, so that routing rules other tests add leave it with the fallback team.
     */
    static OpenedCase openCase(TopicProbe topics, int npsScore, String text, List<String> themes) {
        String feedbackId = UUID.randomUUID().toString();
        String themesJson = themes.stream().map(t -> "{\"theme\":\"" + t + "\",\"matched\":[],\"source\":\"rules\"}")
                .reduce((a, b) -> a + "," + b).orElse("");
        topics.publishEvent(CATEGORIZED, feedbackId, UUID.randomUUID().toString(), """
                {"feedbackId":"%s","categorizedAt":"2026-11-23T09:00:00Z","respondedAt":"2026-11-23T08:59:00Z",
                 "channel":"email","touchpoint":"delivery",
                 "customer":{"id":"c-%s","email":"olga@example.com","name":"Olga","locale":"en"},
                 "npsScore":%d,"npsClass":"detractor",
                 "scores":[{"metric":"nps","value":%d,"scaleMin":0,"scaleMax":10,"scoreClass":"detractor"}],
                 "text":"%s","language":"en","sentiment":{"label":"negative","confidence":0.9},
                 "type":{"label":"complaint","confidence":0.7},"themes":[%s],"urgency":[],"priority":"high"}"""
                .formatted(feedbackId, feedbackId.substring(0, 8), npsScore, npsScore, text, themesJson));
        List<ConsumerRecord<String, String>> opened = topics.await(OPENED, r -> feedbackId.equals(r.key()), 1,
                Duration.ofSeconds(60));
        if (opened.isEmpty()) {
            throw new AssertionError("no case was opened for detractor feedback " + feedbackId);
        }
        JsonNode event = read(opened.get(0).value());
        return new OpenedCase(event.get("caseId").asText(), feedbackId, event.get("ownerTeam").asText());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
