package io.feedbackloop.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.feedbackloop.notifier.Events.FAILED;
import static io.feedbackloop.notifier.Events.JSON;
import static io.feedbackloop.notifier.Events.SENT;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.feedbackloop.notifier.client.WebhookPublisher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The SMS gateway and the webhook receiver are a real HTTP peer (WireMock): what they receive,
 * how their errors are retried or given up on, and what ops see of it.
 */
@QuarkusTest
class ProviderChannelsTest extends TopicsTestBase {



    /** A customer with only a phone number, on whose number the gateway behaves as the test says. */
    private static String phone() {
        return "+7916" + String.format("%07d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000));
    }

    private static List<LoggedRequest> smsTo(String phone, int atLeast) {
        return await(() -> ProviderStubs.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))), atLeast);
    }

    private static <T> List<T> await(Supplier<List<T>> found, int atLeast) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            List<T> now = found.get();
            if (now.size() >= atLeast || Instant.now().isAfter(deadline)) {
                return now;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void gatewayAnswers(String phone, int status, String body) {
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String openCaseFor(String phone, String locale) {
        String feedbackId = UUID.randomUUID().toString();
        publish(topics, "action.opened.v1", feedbackId, Events.opened(UUID.randomUUID().toString(), feedbackId,
                Events.contactGiven(topics, feedbackId, customer("c-" + phone, null, phone, "Мария", locale)),
                "Курьер не приехал"));
        return feedbackId;
    }

    @Test
    void customerWithOnlyAPhoneIsTextedThroughTheGatewayAndItsReceiptMarksTheMessageDelivered() throws Exception {
        String phone = phone();
        gatewayAnswers(phone, 202, "{\"id\": \"gw-" + phone + "\", \"status\": \"accepted\"}");
        String feedbackId = openCaseFor(phone, "ru");

        LoggedRequest request = smsTo(phone, 1).get(0);
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertEquals("Bearer " + ProviderStubs.SMS_KEY, request.getHeader("Authorization"));
        assertEquals("Feedback", body.get("from").asText());
        assertTrue(body.get("text").asText().startsWith("Мы услышали вас: обращение "), body.toString());
        // the gateway has the message before we record it as sent
        topics.await(SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        String followUpId = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("[0].channel", Matchers.equalTo("sms")).body("[0].status", Matchers.equalTo("sent"))
                .body("[0].providerMessageId", Matchers.equalTo("gw-" + phone)).extract().path("[0].id");
        assertEquals(followUpId, request.getHeader("Idempotency-Key"), "the gateway can drop a repeat by this key");
        assertEquals(followUpId, body.get("reference").asText());

        String receipt = "{\"reference\": \"" + followUpId + "\", \"status\": \"delivered\"}";
        given().contentType(ContentType.JSON).body(receipt).post("/api/v1/providers/sms/receipts")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderStubs.RECEIPT_TOKEN)
                .body("{\"reference\": \"" + followUpId + "\", \"status\": \"read\"}").post("/api/v1/providers/sms/receipts")
                .then().statusCode(400).body("violations[0].field", Matchers.equalTo("status"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderStubs.RECEIPT_TOKEN)
                .body(receipt).post("/api/v1/providers/sms/receipts")
                .then().statusCode(200).body("status", Matchers.equalTo("delivered"))
                .body("deliveredAt", Matchers.notNullValue());
        assertEquals(1, topics.settle(SENT, r -> feedbackId.equals(r.key()), Duration.ofSeconds(1)).size());
    }

    @Test
    void gatewayOutageIsRetriedWithBackoffUnderTheSameIdempotencyKey() {
        String phone = phone();
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario(phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("maintenance")).willSetStateTo("overloaded"));
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario(phone).whenScenarioStateIs("overloaded")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario(phone).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"messageId\": \"third-time\"}")));
        String feedbackId = openCaseFor(phone, "en");

        List<LoggedRequest> calls = smsTo(phone, 3);
        assertEquals(3, calls.size());
        assertEquals(1, calls.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count());
        assertTrue(calls.get(2).getLoggedDate().getTime() - calls.get(1).getLoggedDate().getTime() >= 1000,
                "the gateway's Retry-After was respected");
        topics.await(SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("[0].status", Matchers.equalTo("sent")).body("[0].attempts", Matchers.equalTo(3))
                .body("[0].providerMessageId", Matchers.equalTo("third-time"));
    }

    @Test
    void permanentRefusalFailsAtOnceIsReportedAndCanBeRetriedByOps() throws Exception {
        String phone = phone();
        gatewayAnswers(phone, 400, "{\"error\": \"number not mobile\"}");
        String feedbackId = openCaseFor(phone, "en");

        List<ConsumerRecord<String, String>> failed = topics.await(FAILED, r -> feedbackId.equals(r.key()), 1,
                Duration.ofSeconds(20));
        JsonNode event = JSON.readTree(failed.get(0).value());
        assertEquals("failed", event.get("outcome").asText());
        assertEquals(1, event.get("attempts").asInt(), "a 400 is not retried");
        assertTrue(event.get("reason").asText().contains("400"), event.toString());
        assertEquals(1, smsTo(phone, 1).size());
        String id = asAdmin().get("/api/v1/followups?status=failed&customerId=c-" + phone).then().statusCode(200)
                .body("[0].statusReason", Matchers.containsString("number not mobile"))
                .extract().path("[0].id");

        gatewayAnswers(phone, 200, "{}");
        asAdmin().post("/api/v1/followups/" + id + "/retry").then().statusCode(200).body("status", Matchers.equalTo("queued"));
        topics.await(SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        asAdmin().get("/api/v1/followups/" + id).then().body("status", Matchers.equalTo("sent"));
        asAdmin().post("/api/v1/followups/" + id + "/retry").then().statusCode(409).contentType("application/problem+json");
    }

    /**
     * The gateway takes the message but its answer never reaches us (here: the connection drops
     * before the answer; in production also a timeout, or we crash before recording). We hand it
     * over again with the same idempotency key, which the gateway uses to drop the repeat; we
     * record it sent once.
     */
    @Test
    void anAnswerLostAfterTheGatewayTookTheMessageLeadsToAResendUnderTheSameKey() throws Exception {
        String phone = phone();
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario(phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("known"));
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .inScenario(phone).whenScenarioStateIs("known")
                .willReturn(aResponse().withStatus(409).withBody("{\"id\": \"first-copy\", \"duplicate\": true}")));
        String feedbackId = openCaseFor(phone, "en");

        List<LoggedRequest> calls = smsTo(phone, 2);
        assertEquals(1, calls.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count(), "same key");
        topics.await(SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, topics.settle(SENT, r -> feedbackId.equals(r.key()), Duration.ofSeconds(2)).size());
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("$", Matchers.hasSize(1)).body("[0].status", Matchers.equalTo("sent"))
                .body("[0].providerMessageId", Matchers.equalTo("first-copy"));
    }

    @Test
    void webhookBodyIsSignedSoTheReceiverCanTrustIt() throws Exception {
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.WEBHOOK_PATH)).willReturn(aResponse().withStatus(204)));
        String feedbackId = UUID.randomUUID().toString();
        String email = Events.unique("crm") + "@example.com";
        publish(topics, "action.resolved.v1", feedbackId, Events.resolved(UUID.randomUUID().toString(), feedbackId,
                Events.contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Anna", "en")), "Refunded"));
        LoggedRequest call = await(() -> ProviderStubs.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo(ProviderStubs.WEBHOOK_PATH))
                .withRequestBody(matchingJsonPath("$.feedbackId", equalTo(feedbackId)))), 1).get(0);
        String signature = call.getHeader("X-Followup-Signature");
        long timestamp = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertEquals(WebhookPublisher.signature(ProviderStubs.WEBHOOK_SECRET, timestamp, call.getBodyAsString()), signature);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300);
        JsonNode body = JSON.readTree(call.getBodyAsString());
        assertEquals("case-resolution", body.get("kind").asText());
        assertTrue(body.get("text").asText().contains("What we did: Refunded"), body.toString());
        assertEquals(call.getHeader("Idempotency-Key"), body.get("id").asText());
    }
}
