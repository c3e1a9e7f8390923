package io.feedbackloop.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of the loop, created up front with three partitions each so that consumers never
 * race topic auto-creation. The per-service AsyncAPI documents are the contract; this list only
 * provisions a local broker.
 */
public final class LoopTopics {

    public static final String FEEDBACK_RECEIVED = "feedback.received.v1";
    public static final String FEEDBACK_CATEGORIZED = "feedback.categorized.v1";
    public static final String FEEDBACK_RECATEGORIZED = "feedback.recategorized.v1";
    public static final String ACTION_OPENED = "action.opened.v1";
    public static final String ACTION_UPDATED = "action.updated.v1";
    public static final String ACTION_RESOLVED = "action.resolved.v1";
    public static final String FEEDBACK_COMMENTED = "feedback.commented.v1";
    public static final String FOLLOWUP_SENT = "followup.sent.v1";
    public static final String FOLLOWUP_FAILED = "followup.failed.v1";
    public static final String TOUCHPOINT_COMPLETED = "touchpoint.completed.v1";
    public static final String SURVEY_INVITED = "survey.invited.v1";
    public static final String IMPROVEMENT_ANNOUNCED = "improvement.announced.v1";
    public static final String CUSTOMER_ERASED = "customer.erased.v1";
    public static final String ERASURE_CONFIRMED = "customer.erasure.confirmed.v1";
    /** Compacted: the latest record per key id, the data key or the marker that it was destroyed. */
    public static final String CUSTOMER_KEYS = "customer.keys.v1";
    /** Name, email and phone given with a feedback: written by ingest, read by the notifier alone. */
    public static final String CUSTOMER_CONTACT = "customer.contact.v1";

    /** Topics somebody consumes; each has a dead-letter twin. */
    private static final List<String> CONSUMED = List.of(FEEDBACK_RECEIVED, FEEDBACK_COMMENTED, FEEDBACK_CATEGORIZED,
            FEEDBACK_RECATEGORIZED, ACTION_OPENED, ACTION_UPDATED, ACTION_RESOLVED, IMPROVEMENT_ANNOUNCED, SURVEY_INVITED,
            FOLLOWUP_SENT, FOLLOWUP_FAILED, TOUCHPOINT_COMPLETED, CUSTOMER_ERASED, ERASURE_CONFIRMED, CUSTOMER_KEYS, CUSTOMER_CONTACT);

    public static final int PARTITIONS = 3;

    /** Events are kept as long as a consumer may need to catch up or replay a week. */
    public static final Duration RETENTION = Duration.ofDays(7);
    /** Dead letters stay four weeks: long enough for someone to look, fix and send them back. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(28);
    /**
     * At most this long (plus the cleaner's round) a destroyed customer key is still in the key
     * topic's log: the segment holding it rolls at this age and compaction keeps only the marker.
     */
    public static final Duration KEY_COMPACTION_LAG = Duration.ofSeconds(30);

    /** The topic-level settings every deployment creates the topic with (local broker, Strimzi, compose). */
    public static Map<String, String> configs(String topic) {
        Map<String, String> configs = new LinkedHashMap<>();
        if (topic.equals(CUSTOMER_KEYS)) {
            configs.put("cleanup.policy", "compact");
            configs.put("max.compaction.lag.ms", String.valueOf(KEY_COMPACTION_LAG.toMillis()));
            configs.put("segment.ms", String.valueOf(KEY_COMPACTION_LAG.toMillis()));
            configs.put("min.cleanable.dirty.ratio", "0.01");
        } else {
            configs.put("retention.ms", String.valueOf((topic.endsWith(".dlq") ? DEAD_LETTER_RETENTION : RETENTION)
                    .toMillis()));
        }
        return configs;
    }

    private LoopTopics() {
    }

    public static List<String> all() {
        List<String> all = new ArrayList<>(CONSUMED);
        CONSUMED.forEach(topic -> all.add(topic + ".dlq"));
        return all;
    }
}
