package io.feedbackloop.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.feedbackloop.notifier.Events.JSON;
import static io.feedbackloop.notifier.Events.contactGiven;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The notifier forgets a customer on request and confirms it, in one transaction. */
@QuarkusTest
class CustomerErasureTest {

    @Inject
    DataSource dataSource;

    @Test
    void erasedCustomersAddressesWordsAndPreferencesAreGoneAndTheServiceConfirms() throws Exception {
        String email = unique("forget") + "@example.com";
        String customerId = "c-" + email;
        String feedbackId = UUID.randomUUID().toString();
        // a zone of the customer's own (erased below), where it is daytime whenever the suite runs
        asAdmin().contentType(ContentType.JSON).body("{\"timeZone\": \"" + ProviderStubs.daytimeZone() + "\"}")
                .put("/api/v1/customers/" + customerId + "/preferences").then().statusCode(200);
        try (TopicProbe sent = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), Events.SENT)) {
            publish(sent, "action.opened.v1", feedbackId, Events.opened(UUID.randomUUID().toString(), feedbackId,
                    contactGiven(sent, feedbackId, customer(customerId, email, "+79160000000", "Фёдор", "ru")), "Мои слова"));
            mailTo(email, 1);
            // recorded as sent before the erasure: a message still being sent would be held back instead
            sent.await(Events.SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        }
        String erasureId = UUID.randomUUID().toString();
        try (TopicProbe topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), "customer.erasure.confirmed.v1")) {
            // the example feedback-ingest publishes with its schema, about this customer
            com.fasterxml.jackson.databind.node.ObjectNode request =
                    ProducerExamples.example("feedback-ingest", "customer.erased.v1", UUID.randomUUID());
            request.put("erasureId", erasureId).put("customerId", customerId).remove("feedbackId");
            topics.publishEvent("customer.erased.v1", erasureId, UUID.randomUUID().toString(), request.toString());
            JsonNode confirmed = JSON.readTree(topics.await("customer.erasure.confirmed.v1", r -> erasureId.equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0).value());
            assertEquals("closeloop-notifier", confirmed.get("service").asText());
            assertTrue(confirmed.get("rowsAffected").asLong() >= 2, confirmed.toString());
        }
        String history = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().statusCode(200)
                .body("[0].customerId", startsWith("erased-")).body("[0].body", nullValue())
                .body("[0].subject", nullValue()).body("[0].status", equalTo("sent")).extract().asString();
        assertTrue(!history.contains(email) && !history.contains("Фёдор") && !history.contains("Мои слова"), history);
        asAdmin().get("/api/v1/customers/" + customerId + "/preferences").then().body("timeZone", nullValue());
        for (String personal : List.of(email, "Фёдор", "Мои слова")) {
            assertEquals(List.of(), StoredRows.containing(dataSource, personal), personal);
        }
    }

    @Test
    void withoutTheirWordsErasedTheMessagesKeepWhatWasSaidButNotTheirNameAddressOrLink() throws Exception {
        String email = unique("keep-words") + "@example.com";
        String customerId = "c-" + email;
        String feedbackId = UUID.randomUUID().toString();
        try (TopicProbe sent = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), Events.SENT)) {
            publish(sent, "improvement.announced.v1", feedbackId, Events.announced(UUID.randomUUID().toString(), feedbackId,
                    contactGiven(sent, feedbackId, customer(customerId, email, null, "Wilhelmina", "en")),
                    "Checkout kept failing", "en"));
            mailTo(email, 1);
            sent.await(Events.SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        }
        String asSent = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().extract().path("[0].body");
        Matcher link = Pattern.compile("/unsubscribe/([^?\\s]+)").matcher(asSent);
        assertTrue(link.find() && asSent.startsWith("Hello Wilhelmina,"), asSent);
        String token = link.group(1);

        Erasures.erase(customerId, false);
        String kept = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("[0].customerId", startsWith("erased-")).extract().path("[0].body");
        assertTrue(kept.startsWith("Hello [erased],"), kept);
        assertTrue(kept.contains("you told us: \"Checkout kept failing\""), "what they wrote stays: " + kept);
        assertTrue(kept.contains("/unsubscribe/[erased]?lang=en"), "the link named them: " + kept);
        for (String personal : List.of(email, "Wilhelmina", token)) {
            assertEquals(List.of(), StoredRows.containing(dataSource, personal), personal);
        }
    }

    @Test
    void aProvidersAnswerIsKeptWithoutTheAddressItQuotesAndGoesWithTheCustomer() throws Exception {
        String phone = "+7916" + String.format("%07d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000));
        String customerId = "c-" + phone;
        ObjectNode customer = customer(customerId, null, phone, "Bartholomew", "en");
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .inScenario(phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"" + phone + " (Bartholomew) is not a mobile number\"}"))
                .willSetStateTo("ported"));
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
                .inScenario(phone).whenScenarioStateIs("ported")
                .willReturn(aResponse().withStatus(202).withBody("{\"id\": \"gw-" + phone + "\"}")));
        String refused = UUID.randomUUID().toString();
        String accepted = UUID.randomUUID().toString();
        try (TopicProbe outcomes = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), Events.SENT, Events.FAILED)) {
            publish(outcomes, "action.opened.v1", refused, Events.opened(UUID.randomUUID().toString(), refused,
                    contactGiven(outcomes, refused, customer),
                    "No courier"));
            JsonNode failed = JSON.readTree(outcomes.await(Events.FAILED, r -> refused.equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0).value());
            String reason = failed.get("reason").asText();
            assertTrue(reason.contains("<recipient> (Bartholomew) is not a mobile number") && !reason.contains(phone), reason);
            publish(outcomes, "improvement.announced.v1", accepted, Events.announced(UUID.randomUUID().toString(), accepted,
                    contactGiven(outcomes, accepted, customer), "No courier", "en"));
            outcomes.await(Events.SENT, r -> accepted.equals(r.key()), 1, Duration.ofSeconds(20));
        }
        String acceptedId = asAdmin().get("/api/v1/followups?feedbackId=" + accepted).then()
                .body("[0].providerMessageId", equalTo("gw-" + phone)).extract().path("[0].id");

        Erasures.erase(customerId, false);
        asAdmin().get("/api/v1/followups?feedbackId=" + refused).then()
                .body("[0].status", equalTo("failed")).body("[0].statusReason", equalTo("[erased]"));
        asAdmin().get("/api/v1/followups?feedbackId=" + accepted).then().body("[0].providerMessageId", equalTo("gw-[erased]"));
        // the gateway's late word about the message names the number we no longer know
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderStubs.RECEIPT_TOKEN)
                .body("{\"reference\": \"" + acceptedId + "\", \"status\": \"failed\", \"error\": \"" + phone
                        + " switched off\"}")
                .post("/api/v1/providers/sms/receipts").then().statusCode(200)
                .body("statusReason", equalTo("undeliverable: reported by the gateway"));
        asAdmin().post("/api/v1/followups/" + acceptedId + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("customer-erased"));
        for (String personal : List.of(phone, "Bartholomew", customerId)) {
            assertEquals(List.of(), StoredRows.containing(dataSource, personal), personal);
        }
    }
}
