package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Events.FAILED;
import static io.feedbackloop.notifier.Events.JSON;
import static io.feedbackloop.notifier.Events.contactGiven;
import static io.feedbackloop.notifier.Events.customer;
import static io.feedbackloop.notifier.Events.inboxOf;
import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.publish;
import static io.feedbackloop.notifier.Events.settledMailTo;
import static io.feedbackloop.notifier.Events.unique;
import static io.feedbackloop.notifier.Requests.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.MailMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Categorize's and action's events name the customer but carry no contact: the notifier addresses
 * its messages from the contact directory, filled from {@code customer.contact.v1}, whichever of
 * the two topics is read first.
 */
@QuarkusTest
class ContactDirectoryTest extends TopicsTestBase {

    @Inject
    DataSource dataSource;

    @Test
    void theContactOfTheFeedbackAddressesAThanksWhoseEventCarriesNone() {
        String feedbackId = UUID.randomUUID().toString();
        String email = unique("directory") + "@example.com";
        ObjectNode reference = contactGiven(topics, feedbackId, customer("c-" + email, email, null, "Greta", "en"));
        assertFalse(reference.has("email") || reference.has("phone") || reference.has("name"), reference.toString());
        publish(topics, "feedback.categorized.v1", feedbackId,
                Events.categorized(feedbackId, reference, 8, "passive", "Quick delivery"));
        MailMessage mail = mailTo(email, 1).get(0);
        assertEquals("Thank you for your feedback", mail.subject());
        assertTrue(mail.text().startsWith("Hello Greta,"), mail.text());
    }

    @Test
    void contactFieldsAnOldUpstreamRecordStillCarriesAreNotUsed() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String email = unique("current") + "@example.com";
        String stale = unique("stale") + "@example.com";
        String customerId = "c-" + email;
        contactGiven(topics, feedbackId, customer(customerId, email, null, "Hugo", "en"));
        // a record published before categorize and action stopped sending contact data
        publish(topics, "action.opened.v1", feedbackId, Events.opened(UUID.randomUUID().toString(), feedbackId,
                customer(customerId, stale, "+4400000000", "Stale Name", "en"), "Late parcel"));
        MailMessage mail = mailTo(email, 1).get(0);
        assertTrue(mail.text().startsWith("Hello Hugo,"), mail.text());
        assertEquals(List.of(), inboxOf(stale));
        assertEquals(List.of(), StoredRows.containing(dataSource, stale));
        assertEquals(List.of(), StoredRows.containing(dataSource, "Stale Name"));
    }

    /** The action event is read before its contact (another topic): it waits for it, and one email goes out. */
    @Test
    void aMessageWhoseContactArrivesAfterItsEventIsSentOnceTheContactIsThere() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String email = unique("early-case") + "@example.com";
        ObjectNode customer = customer("c-" + email, email, null, "Ines", "en");
        publish(topics, "action.opened.v1", feedbackId, Events.opened(caseId, feedbackId, Events.reference(customer),
                "Where is my order?"));
        // nothing can go out before the contact: there is no address to send it to
        assertEquals(List.of(), settledMailTo(email, Duration.ofSeconds(2)));
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().body("$", hasSize(0));

        contactGiven(topics, feedbackId, customer);
        MailMessage mail = mailTo(email, 1).get(0);
        assertEquals("We hear you: case " + caseId.substring(0, 8).toUpperCase() + " is open", mail.subject());
        assertEquals(1, settledMailTo(email, Duration.ofSeconds(2)).size(), "one acknowledgement");
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then().body("$", hasSize(1))
                .body("[0].status", equalTo("sent"));
    }

    /** An event older than followup.contact-wait (10 minutes) whose contact never came: no contact known. */
    @Test
    void aMessageWhoseContactNeverArrivesWithinTheWaitIsRecordedAsNoContactKnown() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String customerId = "c-" + unique("never-told");
        ObjectNode event = Events.resolved(UUID.randomUUID().toString(), feedbackId,
                Events.reference(customer(customerId, null, null, null, "en")), "Refunded");
        topics.publish("action.resolved.v1", feedbackId, event.toString(), Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", "feedbackloop.action.resolved.v1",
                "ce_source", "/topic-probe", "ce_subject", feedbackId,
                "ce_time", Instant.now().minus(Duration.ofHours(1)).toString(), "content-type", "application/json"));
        JsonNode failed = JSON.readTree(topics.await(FAILED, r -> feedbackId.equals(r.key())
                && r.value().contains("no contact known"), 1, Duration.ofSeconds(30)).get(0).value());
        assertEquals("suppressed", failed.get("outcome").asText());
        assertEquals("no contact known", failed.get("reason").asText());
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId).then()
                .body("find { it.channel == 'email' }.status", equalTo("suppressed"))
                .body("find { it.channel == 'email' }.statusReason", equalTo("no contact known"));
    }

    @Test
    void aContactOfAnErasedCustomerThatArrivesAfterTheErasureStoresNothing() throws Exception {
        String email = unique("erased-contact") + "@example.com";
        String customerId = "c-" + email;
        Erasures.erase(customerId, true);
        String eventId = UUID.randomUUID().toString();
        contactGiven(topics, UUID.randomUUID().toString(), customer(customerId, email, "+4479" + Math.abs(
                UUID.randomUUID().getLeastSignificantBits() % 100_000_000L), "Perpetua", "en"), eventId);
        StoredRows.awaitProcessed(dataSource, "contact-directory", List.of(eventId));
        for (String personal : List.of(email, customerId, "Perpetua")) {
            assertEquals(List.of(), StoredRows.containing(dataSource, personal), personal);
        }
    }
}
