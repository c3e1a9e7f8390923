package io.feedbackloop.action.cases.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.feedbackloop.action.cases.CaseAudit;
import io.feedbackloop.action.cases.CaseComment;
import io.feedbackloop.action.cases.SupportCase;
import io.feedbackloop.action.cases.api.AuditEntryView;
import io.feedbackloop.action.cases.api.CaseSummary;
import io.feedbackloop.action.cases.api.CaseView;
import io.feedbackloop.action.cases.api.CommentView;
import io.feedbackloop.action.events.ActionOpenedEvent;
import io.feedbackloop.action.events.ActionResolvedEvent;
import io.feedbackloop.action.events.ActionUpdatedEvent;
import io.feedbackloop.action.feedback.FeedbackCopy;

public final class CaseMapper {

    private CaseMapper() {
    }

    /** What a case keeps of the feedback that opened it (labels are refreshed when it is recategorized). */
    public static void copyFeedback(FeedbackCopy from, SupportCase to) {
        to.feedbackId = from.feedbackId;
        to.channel = from.channel;
        to.touchpoint = from.touchpoint;
        to.customerId = from.customerId;
        to.customerEmail = from.customerEmail;
        to.customerPhone = from.customerPhone;
        to.customerName = from.customerName;
        to.customerSegment = from.customerSegment;
        to.customerLocale = from.customerLocale;
        to.npsScore = from.npsScore;
        to.text = from.text;
        to.sentiment = from.sentiment;
        to.feedbackType = from.feedbackType;
        to.themes = from.themes.clone();
        to.urgency = from.urgency.clone();
    }

    public static ActionOpenedEvent toOpenedEvent(SupportCase c) {
        return new ActionOpenedEvent(c.id, c.feedbackId, c.openedAt, c.priority, c.reason, c.ownerTeam,
                c.firstResponseDueAt, c.channel,
                new ActionOpenedEvent.Customer(c.customerId, c.customerEmail, c.customerName, c.customerLocale,
                        c.customerPhone, c.customerSegment),
                c.npsScore, c.text, c.ruleName, List.of(c.themes), List.of(c.urgency), c.sentiment, c.feedbackType,
                c.resolutionDueAt, c.assignee);
    }

    /**
     * A case as {@code GET /api/v1/cases/{id}} shows it.
     *
     * @param feedback this service's copy of the categorized feedback (CSAT/CES scores, language); may be null
     */
    public static CaseView toView(SupportCase c, FeedbackCopy feedback, List<CaseComment> comments, Instant now) {
        CaseView.Feedback about = new CaseView.Feedback(c.channel, c.touchpoint,
                feedback == null ? null : feedback.journeyStage, c.text, feedback == null ? null : feedback.language,
                c.npsScore, feedback == null ? null : feedback.csatScore, feedback == null ? null : feedback.cesScore,
                c.sentiment, c.feedbackType, list(c.themes), list(c.urgency));
        return new CaseView(c.id, c.feedbackId, c.status, c.priority, c.reason, c.ruleId, c.ruleName, c.ownerTeam,
                c.routingRule, c.assignee, c.escalationLevel, c.reopenCount,
                new CaseView.Customer(c.customerId, c.customerName, c.customerEmail, c.customerPhone, c.customerLocale,
                        c.customerSegment),
                about, c.openedAt, c.updatedAt,
                c.firstResponseDueAt, c.firstResponseAt, secondsLeft(c.firstResponseDueAt, c.firstResponseAt, now),
                sla(c.firstResponseDueAt, c.firstResponseAt, now),
                c.resolutionDueAt, c.resolvedAt, secondsLeft(c.resolutionDueAt, c.resolvedAt, now),
                sla(c.resolutionDueAt, c.resolvedAt, now),
                c.closedAt, c.resolutionCode, c.rootCause, c.resolutionText,
                comments.stream().map(CaseMapper::toView).toList(), c.rowVersion);
    }

    /** @param nextDueAt the case's most urgent pending deadline, as the database computed it for sorting */
    public static CaseSummary toSummary(SupportCase c, Instant nextDueAt, Instant now) {
        return new CaseSummary(c.id, c.feedbackId, c.status, c.priority, c.ownerTeam, c.assignee, c.customerName,
                c.channel, list(c.themes), c.escalationLevel, c.reopenCount, c.openedAt, nextDueAt,
                nextDueAt != null && nextDueAt.isBefore(now),
                c.firstResponseDueAt, secondsLeft(c.firstResponseDueAt, c.firstResponseAt, now),
                sla(c.firstResponseDueAt, c.firstResponseAt, now),
                c.resolutionDueAt, secondsLeft(c.resolutionDueAt, c.resolvedAt, now),
                sla(c.resolutionDueAt, c.resolvedAt, now), c.rowVersion);
    }

    public static CommentView toView(CaseComment comment) {
        return new CommentView(comment.id, comment.author, comment.visibility, comment.text, comment.createdAt);
    }

    public static AuditEntryView toView(CaseAudit audit) {
        return new AuditEntryView(audit.id, audit.at, audit.actor, audit.action, audit.details);
    }

    public static ActionResolvedEvent toResolvedEvent(SupportCase c, String closedBy) {
        return new ActionResolvedEvent(c.id, c.feedbackId, c.resolvedAt, c.resolutionCode, c.rootCause,
                c.resolutionText, c.ownerTeam, closedBy, list(c.themes),
                new ActionUpdatedEvent.Customer(c.customerId, c.customerEmail, c.customerPhone, c.customerName,
                        c.customerLocale),
                c.text);
    }

    /** Seconds left to a deadline: negative when overdue, null once done or when there is no deadline. */
    static Long secondsLeft(Instant dueAt, Instant doneAt, Instant now) {
        return dueAt == null || doneAt != null ? null : Duration.between(now, dueAt).toSeconds();
    }

    /** met: done by the deadline; missed: done late, or not done and overdue; pending: not done, still in time. */
    static String sla(Instant dueAt, Instant doneAt, Instant now) {
        if (dueAt == null) {
            return null;
        }
        if (doneAt != null) {
            return doneAt.isAfter(dueAt) ? "missed" : "met";
        }
        return now.isAfter(dueAt) ? "missed" : "pending";
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
