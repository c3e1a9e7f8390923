package io.feedbackloop.action.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.feedbackloop.action.cases.rest.CaseMapper;
import io.feedbackloop.action.events.ActionOpenedEvent;
import io.feedbackloop.action.events.CategorizedFeedback;
import io.feedbackloop.action.events.FollowUpSent;
import io.feedbackloop.action.feedback.FeedbackCopies;
import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.rules.CaseRouter;
import io.feedbackloop.action.rules.CaseRules;
import io.feedbackloop.action.sla.CasePriority;
import io.feedbackloop.action.sla.SlaClock;
import io.feedbackloop.kit.messaging.EventOutbox;
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
    EventOutbox outbox;

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

    /** A first categorization: opens a case if a rule matches and the feedback has none yet (a resent event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCategorized(CategorizedFeedback event) {
        FeedbackCopy feedback = copies.apply(event);
        if (SupportCase.forFeedback(feedback.feedbackId) == null) {
            openIfARuleMatches(feedback);
        }
    }

    /**
     * A changed categorization (a person's correction, a replay, a late comment): a case already
     * opened gets the new labels; a feedback without one gets it if a rule matches now (someone
     * marked it as a legal threat, say).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRecategorized(CategorizedFeedback event) {
        FeedbackCopy feedback = copies.apply(event);
        SupportCase existing = SupportCase.forFeedback(feedback.feedbackId);
        if (existing == null) {
            openIfARuleMatches(feedback);
        } else {
            labels.refresh(existing, feedback, event.change());
        }
    }

    /** The customer heard from us: the first-response promise is kept (or late) as of that moment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onFollowUpSent(FollowUpSent followUp) {
        if (followUp.caseId() == null && followUp.feedbackId() == null) {
            return;
        }
        SupportCase supportCase = followUp.caseId() != null ? SupportCase.findById(followUp.caseId())
                : SupportCase.forFeedback(followUp.feedbackId());
        if (supportCase == null || supportCase.firstResponseAt != null) {
            return;
        }
        supportCase.firstResponseAt = followUp.sentAt() != null ? followUp.sentAt() : clock.instant();
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
        CaseMapper.copyFeedback(feedback, c);
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
        outbox.publish(ActionOpenedEvent.TOPIC, ActionOpenedEvent.TYPE, c.feedbackId.toString(),
                CaseMapper.toOpenedEvent(c));
        registry.counter("cases.opened", "priority", c.priority, "rule", c.ruleName).increment();
    }
}
