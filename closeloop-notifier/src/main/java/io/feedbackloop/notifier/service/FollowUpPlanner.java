package io.feedbackloop.notifier.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.feedbackloop.notifier.config.FollowUpConfig;
import io.feedbackloop.notifier.model.MessageKind;
import io.feedbackloop.notifier.model.MessageRequest;
import io.feedbackloop.notifier.model.Occasion;
import io.feedbackloop.notifier.repository.FollowUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns each occasion into the messages the configured triggers ask for (none, one or two). */
@ApplicationScoped
public class FollowUpPlanner {

    @Inject
    Triggers triggers;

    @Inject
    FollowUpConfig config;

    @Inject
    Clock clock;

    public List<MessageRequest> plan(Occasion.FeedbackCategorized e) {
        MessageKind kind = e.isPromoter() && triggers.enabled(MessageKind.REVIEW_INVITATION) && config.reviewUrl().isPresent()
                ? MessageKind.REVIEW_INVITATION : MessageKind.THANKS;
        boolean stale = e.respondedAt() != null
                && e.respondedAt().isBefore(clock.instant().minus(config.acknowledgementMaxAge()));
        if (!triggers.enabled(kind) || stale) {
            return List.of();
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (kind == MessageKind.REVIEW_INVITATION) {
            details.put("reviewUrl", config.reviewUrl().orElseThrow());
        }
        // a case may still be opened for this feedback: the thanks waits for it, so that the
        // customer gets one acknowledgement, the case's if there is one
        return List.of(new MessageRequest(kind, acknowledgementKey(e.feedbackId()), e.feedbackId(), null, null,
                e.customer(), e.customer().locale(), e.text(), null, null, details, null,
                clock.instant().plus(config.acknowledgementWait())));
    }

    public List<MessageRequest> plan(Occasion.CaseOpened e) {
        if (!triggers.enabled(MessageKind.CASE_ACKNOWLEDGEMENT)) {
            return List.of();
        }
        return List.of(new MessageRequest(MessageKind.CASE_ACKNOWLEDGEMENT, acknowledgementKey(e.feedbackId()),
                e.feedbackId(), e.caseId(), null, e.customer(), e.customer().locale(), e.text(), e.ownerTeam(),
                e.firstResponseDueAt(), Map.of("caseNumber", caseNumber(e.caseId())), null, clock.instant()));
    }

    public List<MessageRequest> plan(Occasion.CaseUpdated e) {
        if (!e.isReplyToCustomer() || !triggers.enabled(MessageKind.CASE_REPLY)) {
            return List.of();
        }
        String reply = e.commentId() != null ? e.commentId() : e.caseId() + ":" + e.updatedAt();
        return List.of(new MessageRequest(MessageKind.CASE_REPLY, "case-reply:" + reply, e.feedbackId(), e.caseId(),
                parseOrNull(e.commentId()), e.customer(), e.customer().locale(), quoteOf(e.feedbackId(), null),
                e.ownerTeam(), null, Map.of("caseNumber", caseNumber(e.caseId()), "reply", e.customerReply()), null,
                clock.instant()));
    }

    public List<MessageRequest> plan(Occasion.CaseResolved e) {
        if (!triggers.enabled(MessageKind.CASE_RESOLUTION)) {
            return List.of();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("caseNumber", caseNumber(e.caseId()));
        // every key a template reads is present (strict rendering); null when there is nothing to say
        details.put("resolution", e.resolutionText() == null || e.resolutionText().isBlank() ? null : e.resolutionText());
        return List.of(new MessageRequest(MessageKind.CASE_RESOLUTION, "case-resolution:" + e.caseId(), e.feedbackId(),
                e.caseId(), null, e.customer(), e.customer().locale(), quoteOf(e.feedbackId(), e.text()), e.ownerTeam(),
                null, details, null, clock.instant()));
    }

    public List<MessageRequest> plan(Occasion.ImprovementAnnounced e) {
        if (!triggers.enabled(MessageKind.IMPROVEMENT)) {
            return List.of();
        }
        // the team wrote the message in one language: the frame around it is in the same one
        String locale = e.language() != null && !e.language().isBlank() ? e.language() : e.customer().locale();
        return List.of(new MessageRequest(MessageKind.IMPROVEMENT, "improvement:" + e.actionId() + ":" + e.feedbackId(),
                e.feedbackId(), null, e.actionId(), e.customer(), locale, quoteOf(e.feedbackId(), e.text()), e.teamId(),
                null, Map.of("title", e.title(), "message", e.message()), null, clock.instant()));
    }

    public List<MessageRequest> plan(Occasion.SurveyInvited e) {
        if (!triggers.enabled(MessageKind.SURVEY_INVITATION)) {
            return List.of();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("surveyName", e.surveyName() != null ? e.surveyName() : e.surveyId());
        details.put("surveyUrl", config.surveyUrl().replace("{surveyId}", e.surveyId())
                .replace("{invitationId}", e.invitationId().toString()));
        details.put("reminder", String.valueOf(e.reminder()));
        String channel = ChannelChooser.SMS.equals(e.channel()) ? ChannelChooser.SMS
                : ChannelChooser.EMAIL.equals(e.channel()) ? ChannelChooser.EMAIL : null;
        return List.of(new MessageRequest(MessageKind.SURVEY_INVITATION, "survey-invitation:" + e.invitationId(), null,
                null, e.invitationId(), e.customer(), e.customer().locale(), null, null, null, details, channel,
                clock.instant()));
    }

    static String acknowledgementKey(UUID feedbackId) {
        return "acknowledgement:" + feedbackId;
    }

    static String caseNumber(UUID caseId) {
        return caseId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The customer's own words: from the event, else from the first message we wrote about the feedback. */
    static String quoteOf(UUID feedbackId, String fromEvent) {
        if (fromEvent != null && !fromEvent.isBlank()) {
            return fromEvent;
        }
        Optional<FollowUp> earlier = FollowUp.forFeedback(feedbackId).stream().filter(f -> f.quote != null).findFirst();
        return earlier.map(f -> f.quote).orElse(null);
    }

    private static UUID parseOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
