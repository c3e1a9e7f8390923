package io.feedbackloop.notifier.mapping;

import java.util.List;

import io.feedbackloop.notifier.events.CaseResolution;
import io.feedbackloop.notifier.events.CaseUpdate;
import io.feedbackloop.notifier.events.CategorizedFeedback;
import io.feedbackloop.notifier.events.Customer;
import io.feedbackloop.notifier.events.ImprovementAnnouncement;
import io.feedbackloop.notifier.events.InvitedCustomer;
import io.feedbackloop.notifier.events.OpenedAction;
import io.feedbackloop.notifier.events.SurveyInvitation;
import io.feedbackloop.notifier.model.CustomerContact;
import io.feedbackloop.notifier.model.Occasion;

/** Reads each upstream event as the occasion it is for a message. */
public final class OccasionMapper {

    private OccasionMapper() {
    }

    public static Occasion.FeedbackCategorized toOccasion(CategorizedFeedback e) {
        List<String> scoreClasses = e.scores() == null ? List.of()
                : e.scores().stream().map(CategorizedFeedback.Score::scoreClass).toList();
        return new Occasion.FeedbackCategorized(e.feedbackId(), contact(e.customer()), e.text(), scoreClasses,
                e.respondedAt());
    }

    public static Occasion.CaseOpened toOccasion(OpenedAction e) {
        return new Occasion.CaseOpened(e.caseId(), e.feedbackId(), contact(e.customer()), e.text(), e.ownerTeam(),
                e.firstResponseDueAt());
    }

    public static Occasion.CaseUpdated toOccasion(CaseUpdate e) {
        Object commentId = e.details() == null ? null : e.details().get("commentId");
        return new Occasion.CaseUpdated(e.caseId(), e.feedbackId(), contact(e.customer()), e.change(),
                e.customerReply(), commentId == null ? null : commentId.toString(), e.updatedAt(), e.ownerTeam());
    }

    public static Occasion.CaseResolved toOccasion(CaseResolution e) {
        return new Occasion.CaseResolved(e.caseId(), e.feedbackId(), contact(e.customer()), e.text(),
                e.resolutionText(), e.ownerTeam());
    }

    public static Occasion.ImprovementAnnounced toOccasion(ImprovementAnnouncement e) {
        return new Occasion.ImprovementAnnounced(e.actionId(), e.feedbackId(), contact(e.customer()), e.text(),
                e.title(), e.message(), e.language(), e.teamId());
    }

    public static Occasion.SurveyInvited toOccasion(SurveyInvitation e) {
        return new Occasion.SurveyInvited(e.invitationId(), e.surveyId(), e.surveyName(), e.channel(), e.reminder(),
                invited(e.customer()));
    }

    /** Who the event is about; their addresses come from the contact directory, never from this event. */
    private static CustomerContact contact(Customer c) {
        return CustomerContact.reference(c.id(), c.locale(), c.timeZone());
    }

    /** A survey invitation names where it goes. */
    private static CustomerContact invited(InvitedCustomer c) {
        return new CustomerContact(c.id(), c.email(), c.phone(), c.name(), c.locale(), c.timeZone());
    }
}
