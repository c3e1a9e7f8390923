package io.feedbackloop.action;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.TopicProbe;

/**
 * A categorized feedback as feedback-categorize publishes it (feedback.categorized.v1 and, with
 * what changed, feedback.recategorized.v1). Starts as a calm question without scores, labels or
 * segment, which no default case rule matches; each test adds what it is about.
 */
final class CategorizedEvents {

    static final String CATEGORIZED = "feedback.categorized.v1";
    static final String RECATEGORIZED = "feedback.recategorized.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body = JSON.createObjectNode();

    private CategorizedEvents(String feedbackId) {
        body.put("feedbackId", feedbackId);
        body.put("categorizedAt", Instant.now().toString());
        body.put("respondedAt", Instant.now().minusSeconds(60).toString());
        body.put("channel", "web");
        body.put("touchpoint", "checkout");
        ObjectNode customer = body.putObject("customer");
        customer.put("id", "c-" + feedbackId.substring(0, 8));
        customer.put("email", "anna@example.com");
        customer.put("name", "Anna");
        customer.putNull("segment");
        customer.put("locale", "en");
        body.putNull("npsScore");
        body.putNull("npsClass");
        body.putArray("scores");
        body.put("text", "How do I change my delivery address?");
        body.put("language", "en");
        label("sentiment", "neutral");
        label("type", "question");
        body.putArray("themes");
        body.putArray("urgency");
        body.put("priority", "low");
    }

    static CategorizedEvents feedback() {
        return new CategorizedEvents(UUID.randomUUID().toString());
    }

    String id() {
        return body.get("feedbackId").asText();
    }

    CategorizedEvents nps(int score) {
        String scoreClass = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
        body.put("npsScore", score);
        body.put("npsClass", scoreClass);
        return score("nps", score, 0, 10, scoreClass);
    }

    CategorizedEvents csat(int score) {
        return score("csat", score, 1, 5, score >= 4 ? "good" : score == 3 ? "neutral" : "bad");
    }

    private CategorizedEvents score(String metric, int value, int min, int max, String scoreClass) {
        ObjectNode score = ((ArrayNode) body.get("scores")).addObject();
        score.put("metric", metric);
        score.put("value", value);
        score.put("scaleMin", min);
        score.put("scaleMax", max);
        score.put("scoreClass", scoreClass);
        return this;
    }

    /** The customer who wrote it, with every kind of contact data. */
    CategorizedEvents customer(String id, String email, String phone, String name) {
        ObjectNode customer = (ObjectNode) body.get("customer");
        customer.put("id", id);
        customer.put("email", email);
        customer.put("phone", phone);
        customer.put("name", name);
        return this;
    }

    CategorizedEvents text(String text) {
        body.put("text", text);
        return this;
    }

    CategorizedEvents segment(String segment) {
        ((ObjectNode) body.get("customer")).put("segment", segment);
        return this;
    }

    CategorizedEvents channel(String channel) {
        body.put("channel", channel);
        return this;
    }

    CategorizedEvents sentiment(String sentiment) {
        return label("sentiment", sentiment);
    }

    CategorizedEvents type(String type) {
        return label("type", type);
    }

    CategorizedEvents themes(String... themes) {
        ArrayNode list = body.putArray("themes");
        for (String theme : themes) {
            ObjectNode t = list.addObject();
            t.put("theme", theme);
            t.putArray("matched");
            t.put("source", "rules");
        }
        return this;
    }

    CategorizedEvents urgency(String... urgency) {
        ArrayNode list = body.putArray("urgency");
        List.of(urgency).forEach(list::add);
        return this;
    }

    CategorizedEvents language(String language) {
        body.put("language", language);
        return this;
    }

    CategorizedEvents priority(String priority) {
        body.put("priority", priority);
        return this;
    }

    CategorizedEvents categorizedAt(Instant at) {
        body.put("categorizedAt", at.toString());
        return this;
    }

    private CategorizedEvents label(String field, String value) {
        ObjectNode label = body.putObject(field);
        label.put("label", value);
        label.put("confidence", 0.8);
        return this;
    }

    /** Publishes feedback.categorized.v1 with the given event id; returns it. */
    String publish(TopicProbe topics, String eventId) {
        topics.publishEvent(CATEGORIZED, id(), eventId, body.toString());
        return eventId;
    }

    String publish(TopicProbe topics) {
        return publish(topics, UUID.randomUUID().toString());
    }

    /**
     * Publishes feedback.categorized.v1 under another record key: one key is one partition, read in
     * order, so once this event's effect is seen, the earlier events with that key were handled.
     */
    String publishKeyedAs(TopicProbe topics, String recordKey) {
        String eventId = UUID.randomUUID().toString();
        topics.publishEvent(CATEGORIZED, recordKey, eventId, body.toString());
        return eventId;
    }

    /** Publishes feedback.recategorized.v1: the categorization as it is now, after a person's correction. */
    String publishCorrection(TopicProbe topics, String correctedBy, String eventId, String... changedFields) {
        return publishCorrectionKeyedAs(topics, id(), correctedBy, eventId, changedFields);
    }

    /** {@link #publishCorrection} under another record key (see {@link #publishKeyedAs}). */
    String publishCorrectionKeyedAs(TopicProbe topics, String recordKey, String correctedBy, String eventId,
                                    String... changedFields) {
        ObjectNode event = body.deepCopy();
        event.put("categorizedAt", Instant.now().toString());
        ObjectNode change = event.putObject("change");
        change.put("reason", "correction");
        ArrayNode fields = change.putArray("changedFields");
        List.of(changedFields).forEach(fields::add);
        change.putObject("previous");
        change.putNull("recategorizationId");
        change.put("correctedBy", correctedBy);
        topics.publishEvent(RECATEGORIZED, recordKey, eventId, event.toString());
        return eventId;
    }
}
