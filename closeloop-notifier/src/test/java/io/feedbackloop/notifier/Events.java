package io.feedbackloop.notifier;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.LoopTestResource;
import io.feedbackloop.stack.MailMessage;
import io.feedbackloop.stack.TopicProbe;

/** Upstream events as the other services publish them, and what reached the customer. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SENT = "followup.sent.v1";
    static final String FAILED = "followup.failed.v1";
    static final String CONTACT = "customer.contact.v1";

    private Events() {
    }

    static ObjectNode customer(String id, String email, String phone, String name, String locale) {
        ObjectNode customer = JSON.createObjectNode();
        customer.put("id", id).put("email", email).put("phone", phone).put("name", name).put("locale", locale);
        return customer;
    }

    /**
     * Publishes {@code customer.contact.v1} for the feedback, as feedback-ingest does with every feedback
     * (the contact fields of {@code customer}, null where it has none), and returns the customer as
     * categorize's and action's events now name them: id, locale and time zone, no contact.
     */
    static ObjectNode contactGiven(TopicProbe topics, String feedbackId, ObjectNode customer) {
        return contactGiven(topics, feedbackId, customer, UUID.randomUUID().toString());
    }

    /** {@link #contactGiven(TopicProbe, String, ObjectNode)} as the event {@code eventId}. */
    static ObjectNode contactGiven(TopicProbe topics, String feedbackId, ObjectNode customer, String eventId) {
        ObjectNode contact = JSON.createObjectNode();
        contact.put("customerId", customer.get("id").asText()).put("feedbackId", feedbackId)
                .put("observedAt", java.time.Instant.now().toString());
        for (String field : List.of("email", "phone", "name", "locale", "timeZone")) {
            contact.set(field, customer.hasNonNull(field) ? customer.get(field) : JSON.nullNode());
        }
        topics.publishEvent(CONTACT, customer.get("id").asText(), eventId, contact.toString());
        return reference(customer);
    }

    /** The customer as categorize's and action's events name them: no email, phone or name. */
    static ObjectNode reference(ObjectNode customer) {
        ObjectNode reference = customer.deepCopy();
        reference.remove(List.of("email", "phone", "name"));
        return reference;
    }

    static ObjectNode categorized(String feedbackId, ObjectNode customer, int nps, String npsClass, String text) {
        ObjectNode e = JSON.createObjectNode();
        e.put("feedbackId", feedbackId).put("categorizedAt", "2026-11-23T09:00:01Z").put("text", text);
        e.set("customer", customer);
        e.putArray("scores").addObject().put("metric", "nps").put("value", nps).put("scaleMin", 0).put("scaleMax", 10)
                .put("scoreClass", npsClass);
        e.put("npsScore", nps).put("npsClass", npsClass).put("language", "en").put("priority", "normal");
        return e;
    }

    static ObjectNode opened(String caseId, String feedbackId, ObjectNode customer, String text) {
        ObjectNode e = JSON.createObjectNode();
        e.put("caseId", caseId).put("feedbackId", feedbackId).put("openedAt", "2026-11-23T09:00:02Z")
                .put("priority", "high").put("reason", "nps-detractor").put("ownerTeam", "delivery")
                .put("firstResponseDueAt", "2026-11-24T09:00:00Z").put("text", text);
        e.set("customer", customer);
        return e;
    }

    static ObjectNode replied(String caseId, String feedbackId, String commentId, ObjectNode customer, String reply) {
        ObjectNode e = JSON.createObjectNode();
        e.put("caseId", caseId).put("feedbackId", feedbackId).put("updatedAt", "2026-11-23T10:12:40Z")
                .put("change", "replied").put("actor", "maria@example.com").put("status", "in_progress")
                .put("priority", "high").put("ownerTeam", "delivery").put("customerReply", reply);
        e.putObject("details").put("commentId", commentId).put("visibility", "customer");
        e.set("customer", customer);
        e.putArray("themes");
        return e;
    }

    static ObjectNode resolved(String caseId, String feedbackId, ObjectNode customer, String resolutionText) {
        ObjectNode e = JSON.createObjectNode();
        e.put("caseId", caseId).put("feedbackId", feedbackId).put("resolvedAt", "2026-11-23T15:40:00Z")
                .put("resolutionCode", "fixed").put("rootCause", "courier routing").put("resolutionText", resolutionText)
                .put("ownerTeam", "delivery").put("closedBy", "maria@example.com");
        e.set("customer", customer);
        e.putArray("themes");
        return e;
    }

    static ObjectNode announced(String actionId, String feedbackId, ObjectNode customer, String text, String language) {
        ObjectNode e = JSON.createObjectNode();
        e.put("actionId", actionId).put("feedbackId", feedbackId).put("text", text).put("theme", "website/checkout")
                .put("title", "A shorter, sturdier checkout")
                .put("message", "We rebuilt checkout: one page, and your cart is saved if anything goes wrong.")
                .put("language", language).put("teamId", "web-shop").put("announcedAt", "2026-12-07T10:00:00Z");
        e.set("customer", customer);
        return e;
    }

    static ObjectNode invited(String invitationId, ObjectNode customer, String channel, boolean reminder) {
        ObjectNode e = JSON.createObjectNode();
        e.put("invitationId", invitationId).put("surveyId", "post-purchase-nps").put("surveyName", "NPS after a purchase")
                .put("metric", "nps").put("channel", channel).put("touchpoint", "checkout").put("reminder", reminder)
                .put("invitedAt", "2026-11-23T09:00:00Z");
        e.set("customer", customer);
        return e;
    }

    static void publish(TopicProbe topics, String topic, String key, ObjectNode event) {
        topics.publishEvent(topic, key, UUID.randomUUID().toString(), event.toString());
    }

    static List<MailMessage> mailTo(String email, int atLeast) {
        return LoopTestResource.mail().await(m -> m.recipients().contains(email), atLeast, Duration.ofSeconds(20))
                .stream().map(MailMessage::new).toList();
    }

    /** Everything in the inbox for {@code email} once a late duplicate would have arrived. */
    static List<MailMessage> settledMailTo(String email, Duration quiet) throws InterruptedException {
        Thread.sleep(quiet.toMillis());
        return inboxOf(email);
    }

    /** Everything in the inbox for {@code email} now. */
    static List<MailMessage> inboxOf(String email) {
        return LoopTestResource.mail().received().stream().map(MailMessage::new)
                .filter(m -> m.recipients().contains(email)).toList();
    }

    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
