package io.feedbackloop.action.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.feedbackloop.action.feedback.Categorization;
import io.feedbackloop.action.feedback.FeedbackCopies;
import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.rules.CaseRouter;
import io.feedbackloop.action.rules.CaseRules;
import io.feedbackloop.action.sla.CasePriority;
import io.feedbackloop.action.sla.SlaClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Opens a case when a categorized feedback matches a case rule, with an owner and deadlines, and
 * records the first response. One feedback never has two cases: its copy is locked while its
 * events are applied and {@code support_case.feedback_id} is unique.
 */
@ApplicationScoped
@Transactional
public class CaseOpener {

    @Inject
    CaseEvents events;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Inject
    FeedbackCopies copies;

    @Inject
    CaseRules rules;

    @Inject
    CaseRouter router;

    @Inject
    SlaClock sla;

    @Inject
    CaseLabels labels;

    /**
     * A first categorization: opens a case if a rule matches and the feedback has none yet (a resent
     * event). Nothing for an erased customer ({@link FeedbackCopies#apply}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCategorized(Categorization categorization) {
        copies.apply(categorization).ifPresent(feedback -> {
            if (SupportCase.forFeedback(feedback.feedbackId) == null) {
                openIfARuleMatches(feedback);
            }
        });
    }

    /**
     * A changed categorization (a person's correction, a replay, a late comment): a case already
     * opened gets the new labels; a feedback without one gets it if a rule matches now (someone
     * marked it as a legal threat, say). Nothing for an erased customer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRecategorized(Categorization categorization) {
        copies.apply(categorization).ifPresent(feedback -> {
            SupportCase existing = SupportCase.forFeedback(feedback.feedbackId);
            if (existing == null) {
                openIfARuleMatches(feedback);
            } else {
                labels.refresh(existing, feedback, categorization.change());
            }
        });
    }

    /**
     * The customer heard from us: the first-response promise is kept (or late) as of that moment.
     * This stores a time and publishes nothing, so it applies to an erased customer's case too (a
     * {@code followup.sent.v1} sent before the erasure and read after it still counts for the SLA).
     *
     * @param caseId     the case the message answered, or null: then the case of {@code feedbackId}
     * @param feedbackId null for a message that answers no feedback (a survey invitation)
     * @param sentAt     when the customer was written to; null: now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCustomerContacted(UUID caseId, UUID feedbackId, Instant sentAt) {
        if (caseId == null && feedbackId == null) {
            return;
        }
        SupportCase supportCase = caseId != null ? SupportCase.findById(caseId) : SupportCase.forFeedback(feedbackId);
        if (supportCase == null || supportCase.firstResponseAt != null) {
            return;
        }
        supportCase.firstResponseAt = sentAt != null ? sentAt : clock.instant();
        supportCase.updatedAt = clock.instant();
    }

    private void openIfARuleMatches(FeedbackCopy feedback) {
        Optional<CaseRules.Match> match = rules.firstMatch(feedback);
        if (match.isEmpty()) {
            return;
        }
        CasePriority priority = match.get().priority();
        CaseRouter.Route route = router.route(feedback, priority);
        Instant now = clock.instant();
        SlaClock.Deadlines due = sla.deadlines(priority, route.team(), now);

        SupportCase c = new SupportCase();
        c.id = UUID.randomUUID();
        copyFeedback(feedback, c);
        c.status = "open";
        c.priority = priority.label();
        c.ruleId = match.get().rule().id;
        c.ruleName = match.get().rule().name;
        c.reason = c.ruleName;
        c.ownerTeam = route.teamId();
        c.routingRule = route.rule();
        c.assignee = route.assignee();
        c.openedAt = now;
        c.firstResponseDueAt = due.firstResponseDueAt();
        c.resolutionDueAt = due.resolutionDueAt();
        c.updatedAt = now;
        c.persist();
        events.opened(c);
        registry.counter("cases.opened", "priority", c.priority, "rule", c.ruleName).increment();
    }

    /** What a case keeps of the feedback that opened it (labels are refreshed when it is recategorized). */
    private static void copyFeedback(FeedbackCopy from, SupportCase to) {
        to.feedbackId = from.feedbackId;
        to.channel = from.channel;
        to.touchpoint = from.touchpoint;
        to.customerId = from.customerId;
        to.customerSegment = from.customerSegment;
        to.customerLocale = from.customerLocale;
        to.npsScore = from.npsScore;
        to.text = from.text;
        to.sentiment = from.sentiment;
        to.feedbackType = from.feedbackType;
        to.themes = from.themes.clone();
        to.urgency = from.urgency.clone();
    }
}
