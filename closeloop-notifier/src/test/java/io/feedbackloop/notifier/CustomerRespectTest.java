package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Events.FAILED;
import static io.feedbackloop.notifier.Events.JSON;
import static io.feedbackloop.notifier.Events.SENT;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Events.settledMailTo;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.MailMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Consent, quiet hours and the contact cap, in an application of its own so that its clock can be
 * moved forward: unsubscribing through the link in an email, waiting out the night in the
 * customer's time zone, and holding back the message that would exceed the cap.
 */
@QuarkusTest
@TestProfile(CustomerRespectTest.TwoMessagesAWeek.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerRespectTest extends TopicsTestBase {

    public static class TwoMessagesAWeek implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("followup.cap.max-messages", "2", "followup.cap.period", "P7D");
        }
    }


    @Inject
    MutableClock clock;


    private static void improvement(String feedbackId, ObjectNode customer) {
        publish(topics, "improvement.announced.v1", feedbackId,
                Events.announced(UUID.randomUUID().toString(), feedbackId, Events.contactGiven(topics, feedbackId, customer),
                        "Checkout failed", "en"));
    }

    @Test
    @Order(1)
    void customerUnsubscribesThroughTheLinkAndIsNeverEmailedAgainButStillTextedIfTheyAgreed() throws Exception {
        String email = unique("leaving") + "@example.com";
        String phone = "+4470" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000));
        ObjectNode customer = customer("c-" + email, email, phone, "Liam", "en");
        improvement(UUID.randomUUID().toString(), customer);
        MailMessage mail = mailTo(email, 1).get(0);
        Matcher link = Pattern.compile("Unsubscribe: (\\S+)").matcher(mail.text());
        assertTrue(link.find(), mail.text());

        given().get(link.group(1).replace("http://notifier.test", "")).then().statusCode(200).body(containsString("Stop emails from us?"));
        asAdmin().get("/api/v1/customers/c-" + email + "/preferences").then().body("email", equalTo("subscribed"));
        given().post(link.group(1).replace("http://notifier.test", "")).then().statusCode(200).body(containsString("You are unsubscribed"));
        asAdmin().get("/api/v1/customers/c-" + email + "/preferences").then()
                .body("email", equalTo("unsubscribed")).body("sms", equalTo("subscribed"))
                .body("updatedBy", equalTo("customer (unsubscribe link)"));
        String forged = link.group(1).replace("http://notifier.test", "").replace("unsubscribe/", "unsubscribe/x");
        given().accept("text/html").post(forged).then().statusCode(400).body(containsString("not valid"));
        given().post(forged).then().statusCode(400).contentType("application/problem+json");

        // the next message goes by SMS, the customer's other channel; never by email again
        String feedbackId = UUID.randomUUID().toString();
        publish(topics, "action.opened.v1", feedbackId, Events.opened(UUID.randomUUID().toString(), feedbackId,
                Events.contactGiven(topics, feedbackId, customer), "x"));
        topics.await(SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().body("[0].channel", equalTo("sms"));
        assertEquals(1, settledMailTo(email, Duration.ofSeconds(1)).size());
    }

    @Test
    @Order(2)
    void aMessageQueuedBeforeTheOptOutIsSuppressedAndTheLoopHearsWhy() throws Exception {
        String email = unique("changed-mind") + "@example.com";
        String customerId = "c-" + email;
        asAdmin().contentType(ContentType.JSON).body("{\"email\": \"unsubscribed\", \"changedBy\": \"support call\"}")
                .put("/api/v1/customers/" + customerId + "/preferences").then().statusCode(200)
                .body("email", equalTo("unsubscribed"));
        asAdmin().contentType(ContentType.JSON).body("{\"email\": \"maybe\", \"timeZone\": \"Mars/Olympus\"}")
                .put("/api/v1/customers/" + customerId + "/preferences").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("timeZone", "email")));
        String feedbackId = UUID.randomUUID().toString();
        publish(topics, "action.opened.v1", feedbackId, Events.opened(UUID.randomUUID().toString(), feedbackId,
                Events.contactGiven(topics, feedbackId, customer(customerId, email, null, "Ada", "en")), "x"));
        JsonNode failed = JSON.readTree(topics.await(FAILED, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20))
                .get(0).value());
        assertEquals("suppressed", failed.get("outcome").asText());
        assertTrue(failed.get("reason").asText().startsWith("customer unsubscribed from email"), failed.toString());
        assertEquals(0, settledMailTo(email, Duration.ofSeconds(1)).size());
    }

    @Test
    @Order(3)
    void theContactCapHoldsBackTheThirdMessageInAWeekButNeverAnAnswerTheCustomerIsWaitingFor() throws Exception {
        String email = unique("capped") + "@example.com";
        ObjectNode customer = customer("c-" + email, email, null, "Cora", "en");
        String first = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        publish(topics, "action.opened.v1", first, Events.opened(caseId, first, Events.contactGiven(topics, first, customer),
                "Broken"));
        mailTo(email, 1);
        improvement(UUID.randomUUID().toString(), customer);
        mailTo(email, 2);
        String third = UUID.randomUUID().toString();
        improvement(third, customer);
        JsonNode held = JSON.readTree(topics.await(FAILED, r -> third.equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value());
        assertEquals("suppressed", held.get("outcome").asText());
        assertEquals("contact cap: the customer already received 2 messages within 7 days", held.get("reason").asText());

        publish(topics, "action.updated.v1", first, Events.replied(caseId, first, UUID.randomUUID().toString(),
                Events.reference(customer), "Here is your refund"));
        List<MailMessage> mails = mailTo(email, 3);
        assertTrue(mails.stream().anyMatch(m -> m.text().contains("Here is your refund")), "a reply is never capped");
        assertEquals(3, settledMailTo(email, Duration.ofSeconds(1)).size());
    }

    /** Last: it moves this application's clock forward by up to a day. */
    @Test
    @Order(4)
    void atNightInTheCustomersTimeZoneMessagesWaitForTheMorningInsteadOfBeingDropped() throws Exception {
        String email = unique("sleeping") + "@example.com";
        String customerId = "c-" + email;
        String night = ProviderStubs.zoneWhereItIs(23);
        asAdmin().contentType(ContentType.JSON).body("{\"timeZone\": \"" + night + "\"}")
                .put("/api/v1/customers/" + customerId + "/preferences").then().statusCode(200)
                .body("effectiveTimeZone", equalTo(night));
        String feedbackId = UUID.randomUUID().toString();
        publish(topics, "action.resolved.v1", feedbackId, Events.resolved(UUID.randomUUID().toString(), feedbackId,
                Events.contactGiven(topics, feedbackId, customer(customerId, email, null, "Noor", "en")), "Refunded"));

        String nextAttempt = awaitQueuedUntil(feedbackId);
        Instant morning = Instant.parse(nextAttempt);
        assertEquals("09:00", morning.atZone(ZoneId.of(night)).toLocalTime().toString());
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("find { it.channel == 'email' }.statusReason", startsWith("quiet hours in " + night + " until 09:00"));
        assertEquals(0, settledMailTo(email, Duration.ofSeconds(2)).size(), "nothing at night");

        clock.advanceTo(morning.plusSeconds(1));
        MailMessage mail = mailTo(email, 1).get(0);
        assertTrue(mail.subject().endsWith("is resolved"), mail.subject());
        List<ConsumerRecord<String, String>> sent = topics.await(SENT, r -> feedbackId.equals(r.key()), 2, Duration.ofSeconds(20));
        assertEquals(2, sent.size(), "the email after the night; the CRM webhook, which has no night, at once");
    }

    private static String awaitQueuedUntil(String feedbackId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> messages = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                    .extract().path("findAll { it.channel == 'email' && it.statusReason != null }");
            if (!messages.isEmpty()) {
                return (String) messages.get(0).get("nextAttemptAt");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the message never started waiting");
    }
}
