package io.feedbackloop.notifier;

import static io.feedbackloop.notifier.Events.mailTo;
import static io.feedbackloop.notifier.Events.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.MailMessage;
import io.feedbackloop.stack.ProducerExamples;
import io.feedbackloop.stack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the example event each producer publishes with its JSON Schema: if a producer changes an
 * event in a way the notifier cannot read, this fails in the notifier's build.
 */
@QuarkusTest
class ProducerContractTest {

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
            "feedback-categorize, feedback.categorized.v1, Thank you for your feedback",
            "feedback-action, action.updated.v1, 'Re: your case 7D1E5A2B'",
            "feedback-action, action.resolved.v1, Your case 7D1E5A2B is resolved",
            "feedback-action, improvement.announced.v1, 'You said, we did: A shorter, sturdier checkout'",
            "feedback-ingest, survey.invited.v1, 'NPS after a purchase: one minute for us?'"})
    void readsTheProducersExampleEvent(String producer, String topic, String subject) {
        UUID feedbackId = UUID.randomUUID();
        String email = unique("contract") + "@example.com";
        ObjectNode example = ProducerExamples.example(producer, topic, feedbackId);
        ((ObjectNode) example.get("customer")).put("id", "c-" + email);
        boolean survey = example.has("invitationId");
        if (survey) {
            // an invitation names where it goes
            ((ObjectNode) example.get("customer")).put("email", email);
        }
        if (example.has("invitationId")) {
            example.put("invitationId", UUID.randomUUID().toString());
        }
        if (example.has("details") && example.get("details").has("commentId")) {
            ((ObjectNode) example.get("details")).put("commentId", UUID.randomUUID().toString());
        }
        if (example.has("respondedAt")) {
            example.put("respondedAt", java.time.Instant.now().toString());
        }
        try (TopicProbe topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers())) {
            if (!survey) {
                // every other message is addressed from customer.contact.v1, whatever contact an example shows
                Events.contactGiven(topics, feedbackId.toString(), Events.customer("c-" + email, email, null, "Anna", "en"));
            }
            topics.publishEvent(topic, feedbackId.toString(), UUID.randomUUID().toString(), example.toString());
        }
        assertEquals(subject, mailTo(email, 1).get(0).subject());
    }

    /** The contact example feedback-ingest publishes with its schema addresses the messages about that feedback. */
    @Test
    void readsTheContactExampleFeedbackIngestPublishes() {
        UUID feedbackId = UUID.randomUUID();
        String email = unique("contact-contract") + "@example.com";
        String customerId = "c-" + email;
        ObjectNode contact = ProducerExamples.example("feedback-ingest", "customer.contact.v1", feedbackId);
        contact.put("customerId", customerId).put("email", email);
        ObjectNode categorized = Events.categorized(feedbackId.toString(),
                Events.reference(Events.customer(customerId, null, null, null, "en")), 8, "passive", "Fine");
        try (TopicProbe topics = TopicProbe.watch(LoopTestResource.broker().bootstrapServers())) {
            topics.publishEvent(Events.CONTACT, customerId, UUID.randomUUID().toString(), contact.toString());
            Events.publish(topics, "feedback.categorized.v1", feedbackId.toString(), categorized);
        }
        MailMessage mail = mailTo(email, 1).get(0);
        assertEquals("Thank you for your feedback", mail.subject());
        assertTrue(mail.text().startsWith("Hello " + contact.get("name").asText() + ","), mail.text());
    }
}
