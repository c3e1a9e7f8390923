package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Requests.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.MailMessage;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LoopTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "database", value = "notifier"), @ResourceArg(name = "mail", value = "true")})
class CaseAcknowledgementTest {

    private static final String OPENED = "action.opened.v1";
    private static final String SENT = "followup.sent.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicProbe topics;

    @BeforeAll
    static void connect() {
        topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers(), SENT, "followup.failed.v1");
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    /** Publishes the customer's contact for the feedback, then action.opened.v1 (which carries none); returns the case id. */
    private static String openCase(String feedbackId, String eventId, String email, String name, String locale,
                                   String text) throws Exception {
        String caseId = "3f2a9c1e-0000-4000-8000-" + feedbackId.substring(24);
        ObjectNode customer = Events.contactGiven(topics, feedbackId, Events.customer("c-1", email, null, name, locale));
        topics.publishEvent(OPENED, feedbackId, eventId, """
                {"caseId":"%s","feedbackId":"%s","openedAt":"2026-11-23T09:00:00Z","priority":"high",
                 "reason":"nps-detractor","ownerTeam":"delivery","firstResponseDueAt":"2026-11-24T09:00:00Z",
                 "channel":"web","customer":%s,
                 "npsScore":2,"text":%s}""".formatted(caseId, feedbackId, customer, JSON.writeValueAsString(text)));
        return caseId;
    }

    private static List<MailMessage> mailTo(String email, int atLeast) {
        List<MimeMessage> received = LoopTestResource.mail().await(m -> m.recipients().contains(email), atLeast,
                Duration.ofSeconds(20));
        return received.stream().map(MailMessage::new).toList();
    }

    @Test
    void customerGetsAPersonalAcknowledgementQuotingTheirWordsSafelyEscaped() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String email = "anna." + feedbackId.substring(0, 8) + "@example.com";
        String text = "Checkout broke <script>alert('x')</script> & I gave up";
        String caseId = openCase(feedbackId, UUID.randomUUID().toString(), email, "Anna", "en", text);

        MailMessage mail = mailTo(email, 1).get(0);
        String caseNumber = caseId.substring(0, 8).toUpperCase();
        assertEquals("We hear you: case " + caseNumber + " is open", mail.subject());
        assertTrue(mail.text().startsWith("Hello Anna,"), mail.text());
        assertTrue(mail.text().contains(text), "the plain-text part quotes the customer verbatim");
        assertTrue(mail.text().contains("and will get back to you by 2"), mail.text());
        assertTrue(mail.html().contains("Checkout broke &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; I gave up"),
                mail.html());
        assertFalse(mail.html().contains("<script>"), "no markup from the customer reaches the HTML part");
        assertTrue(mail.html().contains("delivery team"));

        List<ConsumerRecord<String, String>> sent = topics.await(SENT, r -> feedbackId.equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertEquals(1, sent.size());
        assertEquals("feedbackloop.followup.sent.v1", TopicProbe.header(sent.get(0), "ce_type"));
        JsonNode event = JSON.readTree(sent.get(0).value());
        assertEquals(caseId, event.get("caseId").asText());
        assertEquals("email", event.get("channel").asText());

        assertEquals(1, Events.inboxOf(email).size(), "one message reached the SMTP server");
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].status", equalTo("sent"))
                .body("[0].kind", equalTo("case-acknowledgement"));
    }

    @Test
    void russianSpeakingCustomerIsWrittenToInRussian() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String email = "ivan." + feedbackId.substring(0, 8) + "@example.com";
        openCase(feedbackId, UUID.randomUUID().toString(), email, "Иван", "ru-RU", "Курьер опоздал 😡");
        MailMessage mail = mailTo(email, 1).get(0);
        assertTrue(mail.subject().startsWith("Мы услышали вас"), mail.subject());
        assertTrue(mail.text().startsWith("Здравствуйте, Иван!"), mail.text());
        assertTrue(mail.text().contains("«Курьер опоздал 😡»"), mail.text());
        assertTrue(mail.text().contains("ноября 2026"), mail.text());
    }

    @Test
    void customerWithoutNameOrWordsIsStillGreetedPolitely() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String email = "nameless." + feedbackId.substring(0, 8) + "@example.com";
        openCase(feedbackId, UUID.randomUUID().toString(), email, null, "fr", null);
        MailMessage mail = mailTo(email, 1).get(0);
        assertTrue(mail.text().startsWith("Hello,"), "unsupported locale falls back to English: " + mail.text());
        assertFalse(mail.text().contains("You wrote"), mail.text());
        assertFalse(mail.text().contains("null"), mail.text());
    }

    @Test
    void redeliveredAndResentEventsSendOneEmail() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String email = "once." + feedbackId.substring(0, 8) + "@example.com";
        String eventId = UUID.randomUUID().toString();
        openCase(feedbackId, eventId, email, "Olga", "en", "late again");
        openCase(feedbackId, eventId, email, "Olga", "en", "late again");
        openCase(feedbackId, UUID.randomUUID().toString(), email, "Olga", "en", "late again");
        mailTo(email, 1);
        topics.await(SENT, r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, Events.settledMailTo(email, Duration.ofSeconds(2)).size());
        assertEquals(1, topics.settle(SENT, r -> feedbackId.equals(r.key()), Duration.ofMillis(500)).size());
    }

    @Test
    void readsTheExampleEventFeedbackActionPublishesWithItsSchema() {
        UUID id = UUID.randomUUID();
        String email = "example." + id.toString().substring(0, 8) + "@example.com";
        ObjectNode example = ProducerExamples.example("feedback-action", OPENED, id);
        // the contact comes from customer.contact.v1, whatever contact fields an example still shows
        String customerId = "c-" + email;
        ((ObjectNode) example.get("customer")).put("id", customerId);
        Events.contactGiven(topics, id.toString(), Events.customer(customerId, email, null, "Anna", "en"));
        topics.publishEvent(OPENED, id.toString(), UUID.randomUUID().toString(), example.toString());
        assertTrue(mailTo(email, 1).get(0).text().startsWith("Hello Anna,"));
    }

    @Test
    void customerWithoutEmailIsNotWrittenToAndTheLoopHearsWhy() throws Exception {
        String feedbackId = UUID.randomUUID().toString();
        String caseId = "3f2a9c1e-0000-4000-8000-" + feedbackId.substring(24);
        // the feedback came with no contact at all: ingest says so with nulls
        Events.contactGiven(topics, feedbackId, Events.customer("c-no-contact", null, null, null, "ru"));
        topics.publishEvent(OPENED, feedbackId, UUID.randomUUID().toString(), """
                {"caseId":"%s","feedbackId":"%s","openedAt":"2026-11-23T09:00:00Z","ownerTeam":"delivery",
                 "firstResponseDueAt":"2026-11-24T09:00:00Z","customer":{"id":"c-no-contact","locale":"ru"},
                 "text":"no email here"}""".formatted(caseId, feedbackId));
        List<ConsumerRecord<String, String>> failed = topics.await("followup.failed.v1",
                r -> feedbackId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, failed.size());
        JsonNode event = JSON.readTree(failed.get(0).value());
        assertEquals("no email address; no phone number", event.get("reason").asText());
        assertEquals("suppressed", event.get("outcome").asText());
        asAdmin().get("/api/v1/followups?feedbackId=" + feedbackId)
                .then().statusCode(200).body("[0].status", equalTo("suppressed"))
                .body("[0].statusReason", equalTo("no email address; no phone number"));
    }
}
