package io.feedbackloop.action.rules;

import java.util.List;

import io.feedbackloop.action.rules.api.RoutingRuleRequest;
import io.feedbackloop.action.rules.api.RoutingRuleView;
import io.feedbackloop.action.teams.Team;
import io.feedbackloop.action.teams.TeamMember;
import io.feedbackloop.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The routing rules leads edit: which team, and optionally which person, owns a new case. */
@ApplicationScoped
@Transactional
public class RoutingRules
        extends OrderedRuleBook<RoutingRule, RoutingRuleRequest, RoutingConditions, RoutingRuleView> {

    public RoutingRules() {
        super(RoutingRule.class, RoutingConditions.class, RoutingConditions::isEmpty, "routing rule");
    }

    @Override
    protected RoutingRule newRule() {
        return new RoutingRule();
    }

    @Override
    protected void checkOwnFields(RoutingRuleRequest request, List<Problem.Violation> violations) {
        if (request.teamId() != null && !request.teamId().isBlank() && Team.findById(request.teamId()) == null) {
            violations.add(new Problem.Violation("teamId", "known-team", "is not a team"));
        } else if (request.assignee() != null && !isActiveMember(request.assignee(), request.teamId())) {
            violations.add(new Problem.Violation("assignee", "team-member",
                    "must be an active member of team " + request.teamId()));
        }
    }

    @Override
    protected void applyOwnFields(RoutingRuleRequest request, RoutingRule rule) {
        rule.teamId = request.teamId();
        rule.assignee = request.assignee();
    }

    static boolean isActiveMember(String email, String teamId) {
        TeamMember member = TeamMember.byEmail(email);
        return member != null && member.active && member.teamId.equals(teamId);
    }

    @Override
    protected RoutingRuleView view(RoutingRule rule) {
        return new RoutingRuleView(rule.id, rule.name, rule.position, rule.enabled, conditionsOf(rule), rule.teamId,
                rule.assignee, rule.createdAt, rule.updatedAt);
    }
}
