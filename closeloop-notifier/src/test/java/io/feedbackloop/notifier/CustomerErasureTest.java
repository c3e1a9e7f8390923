package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Events.JSON;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The notifier forgets a customer on request and confirms it, in one transaction. */
@QuarkusTest
class CustomerErasureTest {

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
                    customer(customerId, email, "+79160000000", "Фёдор", "ru"), "Мои слова"));
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
    }
}
