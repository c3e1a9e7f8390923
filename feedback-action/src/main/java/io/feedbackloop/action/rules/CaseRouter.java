package io.feedbackloop.action.rules;

import io.feedbackloop.action.config.CaseConfig;
import io.feedbackloop.action.feedback.FeedbackCopy;
import io.feedbackloop.action.sla.CasePriority;
import io.feedbackloop.action.teams.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Chooses the owner team, and perhaps the person, of a new case. */
@ApplicationScoped
public class CaseRouter {

    @Inject
    RoutingRules rules;

    @Inject
    CaseConfig config;

    /**
     * @param team     the owner team (null only if even the fallback team is missing)
     * @param assignee a person, or null for the team to pick
     * @param rule     the routing rule's name; null when the fallback team got the case
     */
    public record Route(String teamId, Team team, String assignee, String rule) {
    }

    /** The first enabled routing rule in position order that matches; else the fallback team. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Route route(FeedbackCopy feedback, CasePriority priority) {
        for (RoutingRule rule : RoutingRule.enabledInOrder()) {
            if (rules.conditionsOf(rule).matches(feedback, priority)) {
                // an assignee deactivated since the rule was written leaves the case to the team
                String assignee = rule.assignee != null && RoutingRules.isActiveMember(rule.assignee, rule.teamId)
                        ? rule.assignee : null;
                return new Route(rule.teamId, Team.findById(rule.teamId), assignee, rule.name);
            }
        }
        Team fallback = Team.fallbackTeam();
        return fallback != null ? new Route(fallback.id, fallback, null, null) : new Route(config.defaultTeam(), null, null, null);
    }
}
