package io.feedbackloop.notifier.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Something that happened upstream and may owe the customer a message. */
public sealed interface Occasion {

    CustomerContact customer();

    /** The feedback was categorized; {@code scoreClasses} are the classes of its scores (promoter, detractor, ...). */
    record FeedbackCategorized(UUID feedbackId, CustomerContact customer, String text, List<String> scoreClasses,
                               Instant respondedAt) implements Occasion {

        /** A promoter (NPS 9–10) or a delighted CSAT answer: someone who might say so publicly. */
        public boolean isPromoter() {
            return scoreClasses.contains("promoter")
                    && scoreClasses.stream().noneMatch(c -> "detractor".equals(c) || "bad".equals(c));
        }
    }

    /** A case was opened for the feedback. */
    record CaseOpened(UUID caseId, UUID feedbackId, CustomerContact customer, String text, String ownerTeam,
                      Instant firstResponseDueAt) implements Occasion {
    }

    /** A case changed; only a reply to the customer concerns them. */
    record CaseUpdated(UUID caseId, UUID feedbackId, CustomerContact customer, String change, String customerReply,
                       String commentId, Instant updatedAt, String ownerTeam) implements Occasion {

        public boolean isReplyToCustomer() {
            return "replied".equals(change) && customerReply != null && !customerReply.isBlank();
        }
    }

    /** A case was resolved; {@code resolutionText} says what was done. */
    record CaseResolved(UUID caseId, UUID feedbackId, CustomerContact customer, String text, String resolutionText,
                        String ownerTeam) implements Occasion {
    }

    /** "You said, we did": a team made a change because of this customer's feedback, among others. */
    record ImprovementAnnounced(UUID actionId, UUID feedbackId, CustomerContact customer, String text, String title,
                                String message, String language, String teamId) implements Occasion {
    }

    /** The Ask stage decided to invite the customer to a survey, on the channel it names. */
    record SurveyInvited(UUID invitationId, String surveyId, String surveyName, String channel, boolean reminder,
                         CustomerContact customer) implements Occasion {
    }
}
