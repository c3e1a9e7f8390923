package io.feedbackloop.action.cases.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.feedbackloop.action.cases.CaseAudit;
import io.feedbackloop.action.cases.CaseComment;
import io.feedbackloop.action.cases.CaseFile;
import io.feedbackloop.action.cases.CaseListing;
import io.feedbackloop.action.cases.SupportCase;
import io.feedbackloop.action.cases.api.AuditEntryView;
import io.feedbackloop.action.cases.api.CasePage;
import io.feedbackloop.action.cases.api.CaseSummary;
import io.feedbackloop.action.cases.api.CaseView;
import io.feedbackloop.action.cases.api.CommentView;
import io.feedbackloop.action.feedback.FeedbackCopy;

/** Cases as the case API shows them, with the time left to each deadline as of when they were read. */
final class CaseMapper {

    private CaseMapper() {
    }

    /** A case as {@code GET /api/v1/cases/{id}} shows it. */
    static CaseView toView(CaseFile file) {
        SupportCase c = file.supportCase();
        FeedbackCopy feedback = file.feedback();
        Instant now = file.asOf();
        CaseView.Feedback about = new CaseView.Feedback(c.channel, c.touchpoint,
                feedback == null ? null : feedback.journeyStage, c.text, feedback == null ? null : feedback.language,
                c.npsScore, feedback == null ? null : feedback.csatScore, feedback == null ? null : feedback.cesScore,
                c.sentiment, c.feedbackType, list(c.themes), list(c.urgency));
        return new CaseView(c.id, c.feedbackId, c.status, c.priority, c.reason, c.ruleId, c.ruleName, c.ownerTeam,
                c.routingRule, c.assignee, c.escalationLevel, c.reopenCount,
                new CaseView.Customer(c.customerId, c.customerLocale, c.customerSegment),
                about, c.openedAt, c.updatedAt,
                c.firstResponseDueAt, c.firstResponseAt, secondsLeft(c.firstResponseDueAt, c.firstResponseAt, now),
                sla(c.firstResponseDueAt, c.firstResponseAt, now),
                c.resolutionDueAt, c.resolvedAt, secondsLeft(c.resolutionDueAt, c.resolvedAt, now),
                sla(c.resolutionDueAt, c.resolvedAt, now),
                c.closedAt, c.resolutionCode, c.rootCause, c.resolutionText,
                file.comments().stream().map(CaseMapper::toView).toList(), c.rowVersion);
    }

    static CasePage toPage(CaseListing listing) {
        return new CasePage(listing.items().stream().map(entry -> toSummary(entry, listing.asOf())).toList(),
                listing.next());
    }

    private static CaseSummary toSummary(CaseListing.Entry entry, Instant now) {
        SupportCase c = entry.supportCase();
        Instant nextDueAt = entry.nextDueAt();
        return new CaseSummary(c.id, c.feedbackId, c.status, c.priority, c.ownerTeam, c.assignee, c.customerId,
                c.channel, list(c.themes), c.escalationLevel, c.reopenCount, c.openedAt, nextDueAt,
                nextDueAt != null && nextDueAt.isBefore(now),
                c.firstResponseDueAt, secondsLeft(c.firstResponseDueAt, c.firstResponseAt, now),
                sla(c.firstResponseDueAt, c.firstResponseAt, now),
                c.resolutionDueAt, secondsLeft(c.resolutionDueAt, c.resolvedAt, now),
                sla(c.resolutionDueAt, c.resolvedAt, now), c.rowVersion, entry.firstWords(), c.sentiment,
                entry.language());
    }

    static CommentView toView(CaseComment comment) {
        return new CommentView(comment.id, comment.author, comment.visibility, comment.text, comment.createdAt);
    }

    static AuditEntryView toView(CaseAudit audit) {
        return new AuditEntryView(audit.id, audit.at, audit.actor, audit.action, audit.details);
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
