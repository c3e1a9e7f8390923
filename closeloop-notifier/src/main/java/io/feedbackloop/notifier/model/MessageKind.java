package io.feedbackloop.notifier.model;

import java.util.Arrays;
import java.util.Optional;

/** The messages the notifier writes, and the one event each is written from. */
public enum MessageKind {

    /** Thanks for a feedback that opened no case. */
    THANKS("thanks", Topics.CATEGORIZED),
    /** Thanks, and an invitation to say it publicly: for promoters. */
    REVIEW_INVITATION("review-invitation", Topics.CATEGORIZED),
    /** We heard you, a case is open, this is when we will answer. */
    CASE_ACKNOWLEDGEMENT("case-acknowledgement", Topics.OPENED),
    /** An agent's reply to the customer on their case. */
    CASE_REPLY("case-reply", Topics.UPDATED),
    /** The case is resolved, and what was done. */
    CASE_RESOLUTION("case-resolution", Topics.RESOLVED),
    /** "You said, we did": a change made because of feedback like theirs. */
    IMPROVEMENT("improvement", Topics.IMPROVEMENT),
    /** A survey the Ask stage decided to send. */
    SURVEY_INVITATION("survey-invitation", Topics.INVITED);

    private final String id;
    private final String topic;

    MessageKind(String id, String topic) {
        this.id = id;
        this.topic = topic;
    }

    public String id() {
        return id;
    }

    /** The event this message is written from: a trigger must name it. */
    public String topic() {
        return topic;
    }

    /** Thanks, review invitation and case acknowledgement answer the same feedback: one of them is sent. */
    public boolean isAcknowledgement() {
        return this == THANKS || this == REVIEW_INVITATION || this == CASE_ACKNOWLEDGEMENT;
    }

    /**
     * Whether the event itself says where the message goes (a survey invitation names its channel and
     * address); every other message is addressed from the contact directory.
     */
    public boolean addressedByItsEvent() {
        return this == SURVEY_INVITATION;
    }

    public static Optional<MessageKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static final class Topics {
        public static final String CATEGORIZED = "feedback.categorized.v1";
        public static final String OPENED = "action.opened.v1";
        public static final String UPDATED = "action.updated.v1";
        public static final String RESOLVED = "action.resolved.v1";
        public static final String IMPROVEMENT = "improvement.announced.v1";
        public static final String INVITED = "survey.invited.v1";

        private Topics() {
        }
    }
}
