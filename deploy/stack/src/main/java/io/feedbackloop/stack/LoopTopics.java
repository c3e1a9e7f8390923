package io.feedbackloop.stack;

import java.util.ArrayList;
import java.util.List;

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

    /** Topics somebody consumes; each has a dead-letter twin. */
    private static final List<String> CONSUMED = List.of(FEEDBACK_RECEIVED, FEEDBACK_COMMENTED, FEEDBACK_CATEGORIZED,
            FEEDBACK_RECATEGORIZED, ACTION_OPENED, ACTION_UPDATED, ACTION_RESOLVED, IMPROVEMENT_ANNOUNCED, SURVEY_INVITED,
            FOLLOWUP_SENT, FOLLOWUP_FAILED, TOUCHPOINT_COMPLETED, CUSTOMER_ERASED, ERASURE_CONFIRMED);

    public static final int PARTITIONS = 3;

    private LoopTopics() {
    }

    public static List<String> all() {
        List<String> all = new ArrayList<>(CONSUMED);
        CONSUMED.forEach(topic -> all.add(topic + ".dlq"));
        return all;
    }
}
