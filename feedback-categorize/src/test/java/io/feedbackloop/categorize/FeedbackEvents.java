package io.feedbackloop.categorize;

import static io.feedbackloop.categorize.Requests.asAnalyst;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedbackloop.stack.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Publishes the events feedback-ingest would publish, and reads what this service announces. */
final class FeedbackEvents {

    static final String RECEIVED = "feedback.received.v1";
    static final String COMMENTED = "feedback.commented.v1";
    static final String CATEGORIZED = "feedback.categorized.v1";
    static final String RECATEGORIZED = "feedback.recategorized.v1";
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How long a test waits for something that must happen. Generous on purpose: the first
     * feedback of a run also waits for the consumer group to form and for cold code, which can
     * take many seconds on a busy machine; when things work the wait ends at the first sight.
     */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private FeedbackEvents() {
    }

    /**
     * A {@code feedback.received.v1} body with the given text (may be null) and scores such as
     * {@code "nps", 3}; its customer is a reference without contact data, as ingest sends it now.
     */
    static ObjectNode received(String feedbackId, String text, Object... metricAndValue) {
        ObjectNode body = JSON.createObjectNode();
        body.put("feedbackId", feedbackId);
        body.put("receivedAt", Instant.now().toString());
        body.put("respondedAt", Instant.now().toString());
        body.put("channel", "web");
        body.putObject("customer").put("id", "c-" + feedbackId.substring(0, 8)).put("locale", "ru")
                .put("segment", "consumer");
        body.put("text", text);
        var scores = body.putArray("scores");
        for (int i = 0; i < metricAndValue.length; i += 2) {
            String metric = (String) metricAndValue[i];
            int value = (Integer) metricAndValue[i + 1];
            scores.addObject().put("metric", metric).put("value", value)
                    .put("scaleMin", metric.equals("nps") ? 0 : 1)
                    .put("scaleMax", metric.equals("nps") ? 10 : metric.equals("csat") ? 5 : 7);
            if (metric.equals("nps")) {
                body.put("npsScore", value);
            }
        }
        return body;
    }

    static void publish(TopicProbe topics, String topic, String feedbackId, JsonNode body) {
        String type = "feedbackloop." + topic;
        topics.publish(topic, feedbackId, body.toString(), Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_specversion", "1.0", "ce_type", type, "ce_time", Instant.now().toString()));
    }

    static JsonNode awaitOne(TopicProbe topics, String topic, String feedbackId) throws Exception {
        List<ConsumerRecord<String, String>> records = topics.await(topic, r -> feedbackId.equals(r.key()), 1, PATIENCE);
        return JSON.readTree(records.get(records.size() - 1).value());
    }

    static JsonNode categorize(TopicProbe topics, ObjectNode received) throws Exception {
        String id = received.get("feedbackId").asText();
        publish(topics, RECEIVED, id, received);
        return awaitOne(topics, CATEGORIZED, id);
    }

    /** Waits until a background job reports {@code completed}. */
    static JsonNode awaitJob(String location) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            JsonNode job = JSON.readTree(asAnalyst().get(location).then().statusCode(200).extract().asString());
            if (!job.get("status").asText().equals("running") || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(200);
        }
    }
}
