package io.feedbackloop.action.cases;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedbackloop.action.feedback.Categorization;
import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.rules.CaseRules;
import io.feedbackloop.action.sla.CasePriority;
import io.feedbackloop.action.sla.SlaClock;
import io.feedbackloop.action.teams.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps an open case's labels in step with its feedback's categorization. A recategorization may
 * make a case more urgent (a person marks it as a legal threat) but never less: someone may
 * already be working it at the higher priority.
 */
@ApplicationScoped
public class CaseLabels {

    /** Who changed the labels when no person did (a replay after a taxonomy change, a late comment). */
    static final String CATEGORIZER = "feedback-categorize";

    @Inject
    CaseRules rules;

    @Inject
    SlaClock sla;

    @Inject
    CaseJournal journal;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(SupportCase c, FeedbackCopy feedback, Categorization.Change change) {
        Map<String, Object> from = labels(c);
        c.themes = feedback.themes.clone();
        c.urgency = feedback.urgency.clone();
        c.sentiment = feedback.sentiment;
        c.feedbackType = feedback.feedbackType;
        Map<String, Object> to = labels(c);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", change == null ? null : change.reason());
        details.put("from", from);
        details.put("to", to);
        boolean raised = raisePriorityIfNeeded(c, feedback, details);
        if (from.equals(to) && !raised) {
            return;
        }
        String actor = change != null && change.correctedBy() != null ? change.correctedBy() : CATEGORIZER;
        journal.record(c, actor, "labels-changed", details, null);
    }

    /** The priority the case would be opened with now; if higher, the case takes it and its pending deadlines tighten. */
    private boolean raisePriorityIfNeeded(SupportCase c, FeedbackCopy feedback, Map<String, Object> details) {
        if ("closed".equals(c.status)) {
            return false;
        }
        CasePriority current = CasePriority.of(c.priority);
        CasePriority wanted = rules.firstMatch(feedback).map(CaseRules.Match::priority)
                .orElse(CasePriority.atLeastNormal(feedback.priority));
        if (current != null && wanted.compareTo(current) <= 0) {
            return false;
        }
        details.put("priorityFrom", c.priority);
        details.put("priorityTo", wanted.label());
        c.priority = wanted.label();
        // the promise of the new priority counts from when the case became that urgent; it never loosens
        SlaClock.Deadlines due = sla.deadlines(wanted, Team.findById(c.ownerTeam), clock.instant());
        if (c.firstResponseAt == null && due.firstResponseDueAt().isBefore(c.firstResponseDueAt)) {
            c.firstResponseDueAt = due.firstResponseDueAt();
            details.put("firstResponseDueAt", c.firstResponseDueAt.toString());
        }
        if (c.resolvedAt == null && (c.resolutionDueAt == null || due.resolutionDueAt().isBefore(c.resolutionDueAt))) {
            c.resolutionDueAt = due.resolutionDueAt();
            details.put("resolutionDueAt", c.resolutionDueAt.toString());
        }
        return true;
    }

    private static Map<String, Object> labels(SupportCase c) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("themes", List.of(c.themes));
        labels.put("sentiment", c.sentiment);
        labels.put("type", c.feedbackType);
        labels.put("urgency", List.of(c.urgency));
        return labels;
    }
}
