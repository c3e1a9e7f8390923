package io.feedbackloop.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.inboxOf;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.feedbackloop.stack.MailMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Topics are not ordered with each other: an event about a customer may arrive after their
 * {@code customer.erased.v1}. It is processed (not retried, not dead-lettered) and changes nothing:
 * no row names them, nothing is sent to them or about them.
 */
@QuarkusTest
class LateEventsAfterErasureTest extends TopicsTestBase {

    private static final String TRIGGERS = "followup-triggers";

    @Inject
    DataSource dataSource;

    /**
     * Every event that can owe a customer a message, each about a feedback of its own with its
     * contact (customer.contact.v1, also late); returns their event ids.
     */
    private static List<String> publishEveryTrigger(ObjectNode customer, String words) {
        List<String> eventIds = new ArrayList<>();
        String feedback = UUID.randomUUID().toString();
        publish(eventIds, "feedback.categorized.v1", feedback, Events.categorized(feedback,
                Events.contactGiven(topics, feedback, customer), 3, "detractor", words));
        String opened = UUID.randomUUID().toString();
        publish(eventIds, "action.opened.v1", opened, Events.opened(UUID.randomUUID().toString(), opened,
                Events.contactGiven(topics, opened, customer), words));
        String replied = UUID.randomUUID().toString();
        publish(eventIds, "action.updated.v1", replied, Events.replied(UUID.randomUUID().toString(), replied,
                UUID.randomUUID().toString(), Events.contactGiven(topics, replied, customer), "About what you wrote: " + words));
        String resolved = UUID.randomUUID().toString();
        publish(eventIds, "action.resolved.v1", resolved, Events.resolved(UUID.randomUUID().toString(), resolved,
                Events.contactGiven(topics, resolved, customer), "Refunded because " + words));
        String improved = UUID.randomUUID().toString();
        publish(eventIds, "improvement.announced.v1", improved, Events.announced(UUID.randomUUID().toString(), improved,
                Events.contactGiven(topics, improved, customer), words, "en"));
        String invitation = UUID.randomUUID().toString();
        publish(eventIds, "survey.invited.v1", invitation, Events.invited(invitation, customer, "email", false));
        return eventIds;
    }

    private static void publish(List<String> eventIds, String topic, String key, ObjectNode event) {
        String eventId = UUID.randomUUID().toString();
        topics.publishEvent(topic, key, eventId, event.toString());
        eventIds.add(eventId);
    }

    /** The kinds of message queued for the customer, once all six are (sent or not: the contact cap may hold one back). */
    private static Set<String> kindsQueuedFor(String customerId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<String> kinds = asAdmin().get("/api/v1/followups?customerId=" + customerId).then().statusCode(200)
                    .extract().path("kind");
            if (new HashSet<>(kinds).size() >= 6 || Instant.now().isAfter(deadline)) {
                return new HashSet<>(kinds);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void everyEventAboutACustomerThatArrivesAfterTheirErasureIsProcessedAndChangesNothing() throws Exception {
        String email = unique("late") + "@example.com";
        String customerId = "c-" + email;
        String phone = "+4477" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000));
        String name = "Ottoline";
        String words = "the parcel came soaked " + unique("through");
        Erasures.erase(customerId, true);

        ObjectNode erased = customer(customerId, email, phone, name, "en").put("timeZone", "Europe/Berlin");
        List<String> late = publishEveryTrigger(erased, words);
        // the same events about a customer who was not erased owe one message each
        String control = unique("on-time") + "@example.com";
        publishEveryTrigger(customer("c-" + control, control, null, "Clara", "en"), "all good");

        assertEquals(Set.of("thanks", "case-acknowledgement", "case-reply", "case-resolution", "improvement",
                "survey-invitation"), kindsQueuedFor("c-" + control), "each of the six events owes a message");
        StoredRows.awaitProcessed(dataSource, TRIGGERS, late);
        for (String personal : List.of(email, customerId, phone, name, words)) {
            assertEquals(List.of(), StoredRows.containing(dataSource, personal), personal);
        }
        assertEquals(List.of(), inboxOf(email));
        List<LoggedRequest> calls = new ArrayList<>(
                ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.SMS_PATH))));
        calls.addAll(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.WEBHOOK_PATH))));
        assertTrue(calls.stream().noneMatch(c -> c.getBodyAsString().contains(customerId)
                || c.getBodyAsString().contains(phone) || c.getBodyAsString().contains(words)), "nothing to the gateway or the CRM");
    }

    @Test
    void aLinkOrAPreferenceChangeForAnErasedCustomerStoresNothingAboutThem() throws Exception {
        String email = unique("gone") + "@example.com";
        String customerId = "c-" + email;
        String feedbackId = UUID.randomUUID().toString();
        Events.publish(topics, "improvement.announced.v1", feedbackId, Events.announced(UUID.randomUUID().toString(),
                feedbackId, Events.contactGiven(topics, feedbackId, customer(customerId, email, null, "Gideon", "en")),
                "Slow checkout", "en"));
        MailMessage mail = mailTo(email, 1).get(0);
        Matcher link = Pattern.compile("Unsubscribe: (\\S+)").matcher(mail.text());
        assertTrue(link.find(), mail.text());
        Erasures.erase(customerId, true);

        // the link in a message from before the erasure still works for the person holding it
        given().post(link.group(1).replace("http://notifier.test", "")).then().statusCode(200)
                .body(containsString("You are unsubscribed"));
        asAdmin().contentType(ContentType.JSON).body("{\"email\": \"unsubscribed\", \"timeZone\": \"Europe/Paris\"}")
                .put("/api/v1/customers/" + customerId + "/preferences").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("customer-erased"));
        asAdmin().get("/api/v1/customers/" + customerId + "/preferences").then().statusCode(200)
                .body("updatedBy", equalTo(null));
        assertEquals(List.of(), StoredRows.containing(dataSource, customerId));
        assertEquals(List.of(), StoredRows.containing(dataSource, email));
    }
}
