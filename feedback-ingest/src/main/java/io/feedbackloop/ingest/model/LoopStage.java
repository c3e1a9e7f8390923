package io.feedbackloop.ingest.model;

/** The ACAF stages a feedback passes through, in order. */
public enum LoopStage {
    RECEIVED,
    CATEGORIZED,
    ACTION_OPENED,
    FOLLOWED_UP,
    FOLLOW_UP_FAILED,
    ACTION_RESOLVED;

    /** A late or redelivered event never moves the status backwards. */
    public boolean isAfter(LoopStage other) {
        return ordinal() > other.ordinal();
    }
}
