package io.feedbackloop.action.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.feedbackloop.action.identity.TeamMember;
import io.feedbackloop.kit.problem.Problem;
import io.feedbackloop.kit.problem.ProblemException;
import io.feedbackloop.kit.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What people do with a case: assign it, write notes and replies, move it along, close it with a
 * resolution and reopen it. Each change is one audit entry and one {@code action.updated.v1}
 * ({@link CaseJournal}), in the change's own transaction; a change that changes nothing (the same
 * status again, the same assignee) records nothing. Two people changing the same case at once: the
 * second one gets a 409 (the row version), never a silent overwrite.
 */
@ApplicationScoped
@Transactional
public class CaseCommands {

    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in_progress";
    public static final String WAITING_CUSTOMER = "waiting_customer";
    public static final String CLOSED = "closed";

    @Inject
    CaseQueries queries;

    @Inject
    CaseJournal journal;

    @Inject
    CaseEvents events;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /**
     * @param assignee an active member of the owner team (email), or null to unassign. Agents only
     *                 see their own team's cases, so they can assign them only to themselves or teammates.
     */
    public CaseFile assign(Caller caller, UUID id, Long expectedVersion, String assignee) {
        SupportCase c = editable(caller, id, expectedVersion);
        requireNotClosed(c, "assign");
        String to = assignee == null || assignee.isBlank() ? null : assignee.trim();
        if (to != null) {
            TeamMember member = TeamMember.byEmail(to);
            if (member == null || !member.active || !c.ownerTeam.equals(member.teamId)) {
                throw new ProblemException(Problem.invalid(List.of(new Problem.Violation("assignee", "team-member",
                        "must be an active member of the case's owner team '" + c.ownerTeam + "'"))));
            }
            to = member.email;
        }
        if (Objects.equals(to, c.assignee)) {
            return queries.file(c);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", c.assignee);
        details.put("to", to);
        c.assignee = to;
        journal.record(c, caller.name(), "assigned", details, null);
        return saved(c);
    }

    /**
     * An internal note stays here: the event says only that one was written (its id and length). A
     * reply to the customer goes out on {@code action.updated.v1} as {@code customerReply} for the
     * notifier to send, and the first one is the case's first response.
     */
    public CaseFile comment(Caller caller, UUID id, Long expectedVersion, String visibility, String text) {
        SupportCase c = editable(caller, id, expectedVersion);
        Instant now = clock.instant();
        CaseComment comment = new CaseComment();
        comment.id = UUID.randomUUID();
        comment.caseId = c.id;
        comment.author = caller.name();
        comment.visibility = visibility;
        comment.text = text;
        comment.createdAt = now;
        comment.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("commentId", comment.id.toString());
        details.put("visibility", visibility);
        details.put("length", text.length());
        if (CaseComment.CUSTOMER.equals(visibility)) {
            boolean first = c.firstResponseAt == null;
            if (first) {
                c.firstResponseAt = now;
            }
            details.put("firstResponse", first);
            journal.record(c, caller.name(), "replied", details, text);
        } else {
            journal.record(c, caller.name(), "commented", details, null);
        }
        return saved(c);
    }

    /** open, in_progress, waiting_customer; a closed case must be reopened (with a reason) first. */
    public CaseFile changeStatus(Caller caller, UUID id, Long expectedVersion, String status) {
        SupportCase c = editable(caller, id, expectedVersion);
        requireNotClosed(c, "change the status of");
        if (status.equals(c.status)) {
            return queries.file(c);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", c.status);
        details.put("to", status);
        c.status = status;
        journal.record(c, caller.name(), "status-changed", details, null);
        return saved(c);
    }

    /**
     * Closes the case with its resolution and publishes {@code action.resolved.v1}, which carries
     * what the customer is to be told. A case closed before anyone wrote to the customer has its
     * first response now: the resolution is that response (a duplicate's customer hears back through
     * the case it duplicates).
     */
    public CaseFile close(Caller caller, UUID id, Long expectedVersion, String code, String rootCause,
                          String resolutionText) {
        SupportCase c = editable(caller, id, expectedVersion);
        if (CLOSED.equals(c.status)) {
            throw conflict("already-closed", "the case is already closed; reopen it to change its resolution");
        }
        Instant now = clock.instant();
        String from = c.status;
        c.status = CLOSED;
        c.resolvedAt = now;
        c.closedAt = now;
        c.resolutionCode = code;
        c.rootCause = rootCause.trim();
        c.resolutionText = resolutionText == null || resolutionText.isBlank() ? null : resolutionText.trim();
        if (c.firstResponseAt == null) {
            c.firstResponseAt = now;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from);
        details.put("resolutionCode", c.resolutionCode);
        details.put("rootCause", c.rootCause);
        details.put("resolutionText", c.resolutionText);
        journal.record(c, caller.name(), "closed", details, null);
        events.resolved(c, caller.name());
        registry.counter("cases.closed", "resolution", c.resolutionCode).increment();
        return saved(c);
    }

    /**
     * Back to open. The previous resolution stays in the audit trail and is cleared on the case; the
     * case gets a fresh resolution deadline of the same length as its original one (original
     * resolution deadline minus opening time), counted from now in plain hours, and a breach of
     * it is escalated again.
     */
    public CaseFile reopen(Caller caller, UUID id, Long expectedVersion, String reason) {
        SupportCase c = editable(caller, id, expectedVersion);
        if (!CLOSED.equals(c.status)) {
            throw conflict("not-closed", "only a closed case can be reopened; this one is " + c.status);
        }
        Instant now = clock.instant();
        Duration resolutionTime = originalResolutionTime(c);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason.trim());
        details.put("previousResolutionCode", c.resolutionCode);
        details.put("reopenCount", c.reopenCount + 1);
        c.status = OPEN;
        c.reopenCount++;
        c.resolvedAt = null;
        c.closedAt = null;
        c.resolutionCode = null;
        c.rootCause = null;
        c.resolutionText = null;
        c.resolutionEscalatedAt = null;
        if (resolutionTime != null) {
            c.resolutionDueAt = now.plus(resolutionTime);
            details.put("resolutionSeconds", resolutionTime.toSeconds());
        }
        details.put("resolutionDueAt", c.resolutionDueAt == null ? null : c.resolutionDueAt.toString());
        journal.record(c, caller.name(), "reopened", details, null);
        registry.counter("cases.reopened").increment();
        return saved(c);
    }

    /**
     * How long the case originally had to be resolved: recorded by the first reopening (the deadline
     * moves with each reopening, so only the first one can still measure it from the case itself).
     */
    private static Duration originalResolutionTime(SupportCase c) {
        for (CaseAudit entry : CaseAudit.of(c.id)) {
            if ("reopened".equals(entry.action) && entry.details.get("resolutionSeconds") instanceof Number seconds) {
                return Duration.ofSeconds(seconds.longValue());
            }
        }
        if (c.resolutionDueAt == null || c.openedAt == null) {
            return null;
        }
        return Duration.between(c.openedAt, c.resolutionDueAt);
    }

    private SupportCase editable(Caller caller, UUID id, Long expectedVersion) {
        SupportCase c = queries.visibleForUpdate(caller, id);
        if (expectedVersion != null && expectedVersion != c.rowVersion) {
            throw new ProblemException(Problem.of(412, "stale-version", "Precondition Failed",
                    "the case changed since you read it (version " + expectedVersion + ", now " + c.rowVersion
                            + "); read it again and retry"));
        }
        return c;
    }

    private static void requireNotClosed(SupportCase c, String what) {
        if (CLOSED.equals(c.status)) {
            throw conflict("case-closed", "cannot " + what + " a closed case; reopen it first");
        }
    }

    /** Writes the change now, so that a concurrent one surfaces here as a 409 and the view shows the new version. */
    private CaseFile saved(SupportCase c) {
        Panache.getEntityManager().flush();
        return queries.file(c);
    }

    private static ProblemException conflict(String kind, String detail) {
        return new ProblemException(Problem.of(409, kind, "Conflict", detail));
    }
}
