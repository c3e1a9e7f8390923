package io.feedbackloop.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.feedbackloop.notifier.Events.FAILED;
import static io.feedbackloop.notifier.Events.JSON;
import static io.feedbackloop.notifier.Events.SENT;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.MailMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Opt-outs outlive the customer: the address they opted out with is on the suppression list (a
 * keyed hash, never the address), so the same address under a new customer id, after their
 * erasure, gets nothing, until its owner opts in again. In an application of its own, whose clock
 * is moved forward by the last test, and in which a thanks waits an hour for a case.
 */
@QuarkusTest
@TestProfile(SuppressionListTest.ThanksWaitAnHour.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuppressionListTest extends TopicsTestBase {

    public static class ThanksWaitAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("followup.acknowledgement-wait", "PT1H");
        }
    }

    @Inject
    MutableClock clock;

    @Inject
    DataSource dataSource;

    private static String caseFor(ObjectNode customer) {
        String feedbackId = UUID.randomUUID().toString();
        publish(topics, "action.opened.v1", feedbackId, Events.opened(UUID.randomUUID().toString(), feedbackId,
                Events.contactGiven(topics, feedbackId, customer), "The courier never came"));
        return feedbackId;
    }

    private static String improvementFor(ObjectNode customer) {
        String feedbackId = UUID.randomUUID().toString();
        publish(topics, "improvement.announced.v1", feedbackId, Events.announced(UUID.randomUUID().toString(), feedbackId,
                Events.contactGiven(topics, feedbackId, customer), "Checkout failed", "en"));
        return feedbackId;
    }

    /** The message held back for the feedback, with its reason, as the loop hears of it. */
    private static JsonNode suppressed(String feedbackId) throws Exception {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> failed =
                topics.await(FAILED, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, failed.size(), "a decision about feedback " + feedbackId);
        JsonNode event = JSON.readTree(failed.get(0).value());
        assertEquals("suppressed", event.get("outcome").asText(), event.toString());
        return event;
    }

    /** Every message GreenMail received for the address, in any spelling of it. */
    private static List<MailMessage> everyMailTo(String email) {
        return LoopTestResource.mail().received().stream().map(MailMessage::new)
                .filter(m -> m.recipients().stream().anyMatch(email::equalsIgnoreCase)).toList();
    }

    private static String phone() {
        return "+4479" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000));
    }

    @Test
    @Order(1)
    void anOptOutThroughTheLinkOutlivesTheErasureAndTheAddressGetsNothingUnderANewCustomerId() throws Exception {
        String email = unique("opted-out") + "@example.com";
        String firstId = "c-" + email;
        improvementFor(customer(firstId, email, null, "Lena", "en"));
        MailMessage mail = mailTo(email, 1).get(0);
        Matcher link = Pattern.compile("Unsubscribe: (\\S+)").matcher(mail.text());
        assertTrue(link.find(), mail.text());
        given().post(link.group(1).replace("http://notifier.test", "")).then().statusCode(200);
        Erasures.erase(firstId, true);

        // imported again from another system: a new id, the address spelled differently
        String secondId = "crm-" + UUID.randomUUID();
        String feedbackId = caseFor(customer(secondId, " " + email.toUpperCase(Locale.ROOT), null, "Lena", "en"));
        JsonNode held = suppressed(feedbackId);
        String reason = held.get("reason").asText();
        assertTrue(reason.startsWith("the email address is on the suppression list (unsubscribe link"), reason);
        assertFalse(reason.toLowerCase(Locale.ROOT).contains(email), reason);
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo("suppressed"))
                .body("[0].statusReason", org.hamcrest.Matchers.equalTo(reason));
        asAdmin().get("/api/v1/customers/" + secondId + "/preferences").then()
                .body("email", org.hamcrest.Matchers.equalTo("unsubscribed"));
        assertEquals(1, everyMailTo(email).size(), "only the message from before the opt-out");
        assertEquals(List.of(), StoredRows.containing(dataSource, firstId), "the first customer is forgotten");
    }

    @Test
    @Order(2)
    void anOptOutRecordedByAnAdminHoldsAfterTheErasureUntilTheAddressOptsInAgain() throws Exception {
        String email = unique("asked-by-phone") + "@example.com";
        String firstId = "c-" + email;
        caseFor(customer(firstId, email, null, "Milo", "en"));
        mailTo(email, 1);
        asAdmin().contentType(ContentType.JSON).body("{\"email\": \"unsubscribed\", \"changedBy\": \"support call\"}")
                .put("/api/v1/customers/" + firstId + "/preferences").then().statusCode(200);
        Erasures.erase(firstId, false);

        String secondId = "c2-" + email;
        String held = improvementFor(customer(secondId, email, null, "Milo", "en"));
        assertTrue(suppressed(held).get("reason").asText().contains("suppression list (preferences API"));

        // the owner of the address agrees again (asked by phone): the address leaves the list
        asAdmin().contentType(ContentType.JSON).body("{\"email\": \"subscribed\", \"changedBy\": \"support call\"}")
                .put("/api/v1/customers/" + secondId + "/preferences").then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo("subscribed"));
        String welcome = improvementFor(customer(secondId, email, null, "Milo", "en"));
        topics.await(SENT, r -> welcome.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(2, everyMailTo(email).size(), "the first customer's message, then the one after the opt-in");
    }

    @Test
    @Order(3)
    void aNumberOptedOutOfTextsBeforeWeKnewItIsNotTextedUnderANewCustomerId() throws Exception {
        String phone = phone();
        String firstId = "c-" + phone;
        // an admin records the opt-out before any message: we learn the number from the next event
        asAdmin().contentType(ContentType.JSON).body("{\"sms\": \"unsubscribed\"}")
                .put("/api/v1/customers/" + firstId + "/preferences").then().statusCode(200);
        String first = caseFor(customer(firstId, null, phone, "Ilya", "en"));
        assertTrue(suppressed(first).get("reason").asText().contains("customer unsubscribed from SMS"));
        Erasures.erase(firstId, true);

        String second = caseFor(customer("c2-" + phone, null, phone, "Ilya", "en"));
        String reason = suppressed(second).get("reason").asText();
        // no email address, and the number's opt-out outlived its first owner
        assertTrue(reason.contains("the phone number is on the suppression list (standing opt-out"), reason);
        assertFalse(reason.contains(phone), reason);
        assertEquals(0, ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))).size(), "the gateway got nothing");
        assertEquals(List.of(), StoredRows.containing(dataSource, firstId));
    }

    /** Last: it moves this application's clock forward by an hour. */
    @Test
    @Order(4)
    void aMessageQueuedBeforeItsAddressWasSuppressedIsHeldBackWhenItIsDue() throws Exception {
        String email = unique("shared") + "@example.com";
        String waiting = UUID.randomUUID().toString();
        publish(topics, "feedback.categorized.v1", waiting, Events.categorized(waiting,
                Events.contactGiven(topics, waiting, customer("c-" + email, email, null, "Rosa", "en")), 6, "detractor",
                "Too slow"));
        awaitQueued(waiting);

        // the same address under another customer record opts out while the thanks waits for a case
        String other = "household-" + UUID.randomUUID();
        caseFor(customer(other, email, null, "Rosa", "en"));
        mailTo(email, 1);
        asAdmin().contentType(ContentType.JSON).body("{\"email\": \"unsubscribed\"}")
                .put("/api/v1/customers/" + other + "/preferences").then().statusCode(200);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertTrue(suppressed(waiting).get("reason").asText().startsWith("the email address is on the suppression list"));
        asAdmin().get("/api/v1/followups?feedbackId=" + waiting).then()
                .body("[0].status", org.hamcrest.Matchers.equalTo("suppressed"))
                .body("[0].statusReason", startsWith("the email address is on the suppression list"))
                .body("[0].statusReason", org.hamcrest.Matchers.not(containsString(email)));
        assertEquals(1, everyMailTo(email).size(), "only the case acknowledgement, sent before the opt-out");
    }

    private static void awaitQueued(String feedbackId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<String> statuses = asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().extract()
                    .path("status");
            if (statuses.contains("queued")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the thanks was never queued");
    }
}
